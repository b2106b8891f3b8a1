import { isbot } from 'isbot';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/i18n/locales';
import { storyComments } from '@/lib/content';
import { siteDatabase } from '@/lib/engage/database';
import { fromOwnPages } from '@/lib/engage/origin';
import { recordView } from '@/lib/engage/views';
import { noStore } from '@/lib/refusals';
import { readBodyText } from '@/lib/request-body';
import { storySlugOf } from '@/lib/story-slug';

// POST /api/views/<slug>, the beacon a story page sends once it is seen (components/engage/view-beacon.tsx),
// its body the page's script. Not counted: Do-Not-Track or Global Privacy Control, robots, prefetches,
// requests from other sites, stories that do not exist. The answer is the same either way.

const done = () => new NextResponse(null, { status: 204, headers: noStore });

/** The body is a script's name: a few bytes. */
const MAX_BODY = 64;

export async function POST(request: NextRequest, { params }: { params: Promise<{ story: string }> }) {
  const headers = request.headers;
  const userAgent = headers.get('user-agent') ?? '';
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
  if (
    headers.get('dnt') === '1' ||
    headers.get('sec-gpc') === '1' ||
    !userAgent ||
    isbot(userAgent) ||
    /prefetch|prerender/i.test(purpose) ||
    !fromOwnPages(headers)
  ) {
    return done();
  }
  const read = await readBodyText(request, MAX_BODY);
  const locale = read.ok ? read.text.trim() : '';
  const story = storySlugOf((await params).story);
  if (!story || !isLocale(locale) || !storyComments(story, locale)) return done();
  try {
    const { db } = await siteDatabase();
    await recordView(db, { story, locale, headers });
  } catch (error) {
    console.error('A view could not be counted:', error);
  }
  return done();
}

import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/i18n/locales';
import { getArticleCard } from '@/lib/content';
import { siteDatabase } from '@/lib/engage/database';
import { mostRead } from '@/lib/engage/views';

// GET /api/most-read?locale=zh-Hant: the most-read stories of one script over the last 24 hours and
// 7 days, for the lists on the front page and beside a story (components/engage/most-read.tsx).
// A CDN may keep it a minute; the counts behind it change by the view.

const LIST = 5;

export async function GET(request: NextRequest) {
  const locale = request.nextUrl.searchParams.get('locale') ?? '';
  if (!isLocale(locale))
    return NextResponse.json(
      { error: 'locale must be zh-Hant or zh-Hans' },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  try {
    const { db } = await siteDatabase();
    const list = async (hours: number) =>
      (await mostRead(db, { locale, hours, limit: LIST * 2 }))
        // A story withdrawn since it was read is left out.
        .flatMap(({ story }) => {
          const card = getArticleCard(locale, story);
          return card ? [{ path: card.path, title: card.title, sponsored: card.sponsored }] : [];
        })
        .slice(0, LIST);
    const [day, week] = await Promise.all([list(24), list(24 * 7)]);
    return NextResponse.json({ day, week }, { headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60' } });
  } catch (error) {
    console.error('The most-read lists could not be read:', error);
    return NextResponse.json({ error: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

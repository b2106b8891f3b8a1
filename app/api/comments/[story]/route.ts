import { getTranslations } from 'next-intl/server';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, locales, type Locale } from '@/i18n/locales';
import { storyComments } from '@/lib/content';
import { clientOf } from '@/lib/engage/clients';
import { inReaderScript } from '@/lib/engage/comment-script';
import { commentSettings } from '@/lib/engage/comment-settings';
import { listComments, postComment, type CommentForm, type PostOutcome } from '@/lib/engage/comments';
import { siteDatabase } from '@/lib/engage/database';
import { fromOwnPages } from '@/lib/engage/origin';
import { jsonAnswer, noStore, statusOf } from '@/lib/refusals';
import { readFields } from '@/lib/request-body';
import { storySlugOf } from '@/lib/story-slug';

// A story's comments: GET lists the approved ones (JSON, in the script asked for), POST adds one, from the page's script
// (JSON) or from a plain form without it (answered with a short page in the reader's script).
// The front door lets POST through here and hands over the client's address (lib/door/front-door.ts).

type Params = { params: Promise<{ story: string }> };

/** A comment form is a few KB at most; anything larger is refused as soon as it passes this. */
const MAX_BODY = 16 * 1024;

function localeOf(value: unknown): Locale | undefined {
  return typeof value === 'string' && isLocale(value) ? value : undefined;
}

export async function GET(request: NextRequest, { params }: Params) {
  const story = storySlugOf((await params).story);
  const locale = localeOf(request.nextUrl.searchParams.get('locale')) ?? locales[0];
  const found = story && storyComments(story, locale);
  if (!story || !found) return jsonAnswer('unknown-story', { error: 'unknown-story' });
  const order = request.nextUrl.searchParams.get('order') === 'newest' ? 'newest' : 'oldest';
  try {
    const { db } = await siteDatabase();
    const { count, comments } = await listComments(db, story, order);
    // A CDN may keep the list a few seconds: an approval shows within them.
    return NextResponse.json(
      { open: found.open, count, comments: await inReaderScript(comments, locale) },
      { headers: { 'Cache-Control': 'public, max-age=0, s-maxage=5' } },
    );
  } catch (error) {
    console.error('Comments could not be read:', error);
    return jsonAnswer('unavailable', { error: 'unavailable' });
  }
}

export async function POST(request: NextRequest, { params }: Params) {
  const story = storySlugOf((await params).story);
  if (!story) return jsonAnswer('unknown-story', { error: 'unknown-story' });
  const read = await readFields(request, { maxBytes: MAX_BODY, types: ['form', 'json'] });
  if (!read.ok && read.refusal === 'unsupported-type') return jsonAnswer('unsupported-type', { error: 'malformed' });
  const isForm = read.isForm;
  const form = read.ok ? (read.fields as CommentForm & { locale?: unknown }) : undefined;
  const locale = localeOf(form?.locale) ?? localeOf(request.nextUrl.searchParams.get('locale')) ?? locales[0];
  const t = await getTranslations({ locale, namespace: 'Comments' });
  const found = storyComments(story, locale);

  const answer = (outcome: PostOutcome | { ok: false; refusal: string; field?: string }) => {
    const key = outcome.ok ? outcome.status : outcome.refusal;
    const status = statusOf(outcome.ok ? 'created' : outcome.refusal);
    const message = t(`outcome.${key}` as 'outcome.pending');
    // What a reader is told of a comment the rules caught is what any held comment gets.
    const shown = outcome.ok
      ? { ok: true, status: outcome.status === 'approved' ? 'approved' : 'pending', message }
      : { ok: false, error: key, field: outcome.field, message };
    if (!isForm) return NextResponse.json(shown, { status, headers: noStore });
    return formAnswer(status, locale, message, found?.path, t('back'));
  };

  if (!read.ok && read.refusal === 'too-large') return answer({ ok: false, refusal: 'too-large' });
  // A comment comes from our own page: a form on another site posting in a reader's name is refused.
  if (!fromOwnPages(request.headers)) return answer({ ok: false, refusal: 'cross-site' });
  if (!form) return answer({ ok: false, refusal: 'malformed' });
  if (!found) return answer({ ok: false, refusal: 'unknown-story' });

  try {
    const { db } = await siteDatabase();
    const outcome = await postComment(db, {
      story,
      locale,
      client: await clientOf(db, request.headers),
      form,
      open: found.open,
      settings: await commentSettings(db),
    });
    return answer(outcome);
  } catch (error) {
    console.error('A comment could not be stored:', error);
    return answer({ ok: false, refusal: 'unavailable' });
  }
}

/** The answer to a plain form post (no script on the page): a short page, and the way back. */
function formAnswer(status: number, locale: Locale, message: string, back: string | undefined, backLabel: string) {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const link = back ? `<p><a href="${escape(back)}#comments">${escape(backLabel)}</a></p>` : '';
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(message)}</title></head><body><p>${escape(message)}</p>${link}</body></html>`;
  return new NextResponse(html, {
    status: status === 201 ? 200 : status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...noStore },
  });
}

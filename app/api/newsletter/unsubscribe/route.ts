import type { NextRequest } from 'next/server';
import { isLocale, locales } from '@/i18n/locales';
import { siteDatabase } from '@/lib/engage/database';
import { subscriberOfToken, unsubscribe } from '@/lib/engage/newsletter';
import { jsonAnswer, seeOther } from '@/lib/refusals';
import { formLocale, readFields } from '@/lib/request-body';

// /api/newsletter/unsubscribe?token=…: the address in every digest's List-Unsubscribe header.
// POST unsubscribes: a mail program's one click (RFC 8058: the body List-Unsubscribe=One-Click, no
// cookie, no origin), or the button on the reader's page (a form with the token). The token is
// signed (lib/engage/newsletter.ts), so no one else's link can be made. GET, which link scanners
// also send, only leads to the page with the button.

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  try {
    const { db } = await siteDatabase();
    const subscriber = await subscriberOfToken(db, token);
    const locale = subscriber && isLocale(subscriber.locale) ? subscriber.locale : locales[0];
    return seeOther(`/${locale}/newsletter?${new URLSearchParams({ unsubscribe: token })}`);
  } catch (error) {
    console.error('An unsubscribe link could not be read:', error);
    return jsonAnswer('unavailable', { ok: false, status: 'unavailable' });
  }
}

export async function POST(request: NextRequest) {
  const read = await readFields(request, { maxBytes: 1024, types: ['form', 'json'] });
  // A mail program sends a form; an empty or unexpected body still unsubscribes by the link's token.
  const form = read.ok ? read.fields : {};
  if (!read.ok && read.refusal === 'too-large') return jsonAnswer('too-large', { ok: false, status: 'too-large' });
  const token = form['token'] ?? request.nextUrl.searchParams.get('token');
  const locale = formLocale(form);
  try {
    const { db } = await siteDatabase();
    const status = (await unsubscribe(db, token)) ? 'unsubscribed' : 'unknown';
    // The reader's page (it names its script) gets a page back; a mail program, a status.
    if (locale) return seeOther(`/${locale}/newsletter?status=${status}`);
    return jsonAnswer(status, { ok: status === 'unsubscribed', status });
  } catch (error) {
    console.error('An unsubscribe could not be stored:', error);
    return jsonAnswer('unavailable', { ok: false, status: 'unavailable' });
  }
}

import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, locales } from '@/i18n/locales';
import { siteDatabase } from '@/lib/engage/database';
import { formLocale, readReaderForm } from '@/lib/engage/forms';
import { subscriberOfToken, unsubscribe } from '@/lib/engage/newsletter';

// /api/newsletter/unsubscribe?token=…: the address in every digest's List-Unsubscribe header.
// POST unsubscribes: a mail program's one click (RFC 8058: the body List-Unsubscribe=One-Click, no
// cookie, no origin), or the button on the reader's page (a form with the token). The token is
// signed (lib/engage/newsletter.ts), so no one else's link can be made. GET, which link scanners
// also send, only leads to the page with the button.

const noStore = { 'Cache-Control': 'no-store' };

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  try {
    const { db } = await siteDatabase();
    const subscriber = await subscriberOfToken(db, token);
    const locale = subscriber && isLocale(subscriber.locale) ? subscriber.locale : locales[0];
    return new NextResponse(null, {
      status: 303,
      headers: { Location: `/${locale}/newsletter?${new URLSearchParams({ unsubscribe: token })}`, ...noStore },
    });
  } catch (error) {
    console.error('An unsubscribe link could not be read:', error);
    return NextResponse.json({ ok: false, status: 'unavailable' }, { status: 503, headers: noStore });
  }
}

export async function POST(request: NextRequest) {
  const read = await readReaderForm(request, 1024);
  // A mail program sends a form; an empty or unexpected body still unsubscribes by the link's token.
  const form = read.ok ? read.form : {};
  if (!read.ok && read.status === 413)
    return NextResponse.json({ ok: false, status: 'too-large' }, { status: 413, headers: noStore });
  const token = form['token'] ?? request.nextUrl.searchParams.get('token');
  const locale = formLocale(form);
  try {
    const { db } = await siteDatabase();
    const done = await unsubscribe(db, token);
    // The reader's page (it names its script) gets a page back; a mail program, a status.
    if (locale)
      return new NextResponse(null, {
        status: 303,
        headers: { Location: `/${locale}/newsletter?status=${done ? 'unsubscribed' : 'unknown'}`, ...noStore },
      });
    return NextResponse.json(
      { ok: done, status: done ? 'unsubscribed' : 'unknown' },
      { status: done ? 200 : 404, headers: noStore },
    );
  } catch (error) {
    console.error('An unsubscribe could not be stored:', error);
    return NextResponse.json({ ok: false, status: 'unavailable' }, { status: 503, headers: noStore });
  }
}

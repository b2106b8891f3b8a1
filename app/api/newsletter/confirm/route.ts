import { NextResponse, type NextRequest } from 'next/server';
import { locales } from '@/i18n/locales';
import { siteDatabase } from '@/lib/engage/database';
import { formLocale, readReaderForm } from '@/lib/engage/forms';
import { confirm } from '@/lib/engage/newsletter';
import { fromOwnPages } from '@/lib/engage/origin';

// POST /api/newsletter/confirm: the button on the page a confirmation link opens. The link itself
// only shows the page: mail scanners that open every link must not confirm a sign-up.
export async function POST(request: NextRequest) {
  const read = await readReaderForm(request, 1024);
  if (!read.ok)
    return NextResponse.json(
      { ok: false, status: 'malformed' },
      { status: read.status, headers: { 'Cache-Control': 'no-store' } },
    );
  if (!fromOwnPages(request.headers))
    return NextResponse.json(
      { ok: false, status: 'cross-site' },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    );
  const locale = formLocale(read.form) ?? locales[0];
  try {
    const { db } = await siteDatabase();
    const state = await confirm(db, read.form['token']);
    const status = state === 'valid' ? 'confirmed' : state;
    if (!read.isForm)
      return NextResponse.json(
        { ok: state === 'valid', status },
        { status: state === 'valid' ? 200 : state === 'expired' ? 410 : 404, headers: { 'Cache-Control': 'no-store' } },
      );
    return new NextResponse(null, {
      status: 303,
      headers: { Location: `/${locale}/newsletter?status=${status}`, 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    console.error('A newsletter confirmation could not be stored:', error);
    return NextResponse.json(
      { ok: false, status: 'unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

import type { NextRequest } from 'next/server';
import { locales } from '@/i18n/locales';
import { siteDatabase } from '@/lib/engage/database';
import { confirm } from '@/lib/engage/newsletter';
import { fromOwnPages } from '@/lib/engage/origin';
import { jsonAnswer, seeOther } from '@/lib/refusals';
import { formLocale, readFields } from '@/lib/request-body';

// POST /api/newsletter/confirm: the button on the page a confirmation link opens. The link itself
// only shows the page: mail scanners that open every link must not confirm a sign-up.
export async function POST(request: NextRequest) {
  const read = await readFields(request, { maxBytes: 1024, types: ['form', 'json'] });
  if (!read.ok) return jsonAnswer(read.refusal, { ok: false, status: 'malformed' });
  if (!fromOwnPages(request.headers)) return jsonAnswer('cross-site', { ok: false, status: 'cross-site' });
  const locale = formLocale(read.fields) ?? locales[0];
  try {
    const { db } = await siteDatabase();
    const state = await confirm(db, read.fields['token']);
    const status = state === 'valid' ? 'confirmed' : state;
    if (!read.isForm) return jsonAnswer(status, { ok: state === 'valid', status });
    return seeOther(`/${locale}/newsletter?status=${status}`);
  } catch (error) {
    console.error('A newsletter confirmation could not be stored:', error);
    return jsonAnswer('unavailable', { ok: false, status: 'unavailable' });
  }
}

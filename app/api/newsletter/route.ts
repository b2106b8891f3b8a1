import { after, NextResponse, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/locales';
import { clientOf } from '@/lib/engage/clients';
import { siteDatabase } from '@/lib/engage/database';
import { formLocale, readReaderForm } from '@/lib/engage/forms';
import { signUpReader } from '@/lib/engage/newsletter-signup';
import { fromOwnPages } from '@/lib/engage/origin';

// POST /api/newsletter: a reader signs up (email, script, and the hidden field only robots fill),
// from the form on a page (answered by a redirect to /<locale>/newsletter, which says what
// happened: it works without a script) or as JSON. The confirmation is mailed after the answer, so
// a new address and a known one are answered alike (lib/engage/newsletter-signup.ts).

const MAX_BODY = 4096;

export async function POST(request: NextRequest) {
  const read = await readReaderForm(request, MAX_BODY);
  const form = read.ok ? read.form : {};
  const locale: Locale = formLocale(form) ?? locales[0];
  const t = await getTranslations({ locale, namespace: 'Newsletter' });
  const answer = (status: number, key: string) => {
    if (read.isForm && status !== 403 && status !== 413 && status !== 415) {
      return new NextResponse(null, {
        status: 303,
        headers: { Location: `/${locale}/newsletter?status=${key}`, 'Cache-Control': 'no-store' },
      });
    }
    return NextResponse.json(
      { ok: status < 300, status: key, message: t(`outcome.${key}` as 'outcome.confirmed') },
      { status, headers: { 'Cache-Control': 'no-store' } },
    );
  };
  if (!read.ok) return answer(read.status, read.status === 413 ? 'too-large' : 'malformed');
  // A sign-up comes from our own pages: another site's form cannot sign a reader up in their name.
  if (!fromOwnPages(request.headers)) return answer(403, 'cross-site');
  try {
    const { db } = await siteDatabase();
    const client = await clientOf(db, request.headers.get('x-client-address') ?? 'unknown');
    const outcome = await signUpReader(db, { form, locale, client, later: after });
    if (!outcome.ok) return answer(outcome.refusal === 'too-fast' ? 429 : 400, outcome.refusal);
    return answer(202, 'check-inbox');
  } catch (error) {
    console.error('A newsletter sign-up could not be stored:', error);
    return answer(503, 'unavailable');
  }
}

import { after, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/locales';
import { clientOf } from '@/lib/engage/clients';
import { siteDatabase } from '@/lib/engage/database';
import { signUpReader } from '@/lib/engage/newsletter-signup';
import { fromOwnPages } from '@/lib/engage/origin';
import { jsonAnswer, seeOther, statusOf } from '@/lib/refusals';
import { formLocale, readFields } from '@/lib/request-body';

// POST /api/newsletter: a reader signs up (email, script, and the hidden field only robots fill),
// from the form on a page (answered by a redirect to /<locale>/newsletter, which says what
// happened: it works without a script) or as JSON. The confirmation is mailed before the answer.

const MAX_BODY = 4096;

export async function POST(request: NextRequest) {
  const read = await readFields(request, { maxBytes: MAX_BODY, types: ['form', 'json'] });
  const form = read.ok ? read.fields : {};
  const locale: Locale = formLocale(form) ?? locales[0];
  const t = await getTranslations({ locale, namespace: 'Newsletter' });
  // `outcome` names the status; `key` the message, where the two differ (415 says "malformed").
  const answer = (outcome: string, key = outcome) => {
    const status = statusOf(outcome);
    if (read.isForm && status !== 403 && status !== 413 && status !== 415)
      return seeOther(`/${locale}/newsletter?status=${key}`);
    return jsonAnswer(outcome, { ok: status < 300, status: key, message: t(`outcome.${key}` as 'outcome.confirmed') });
  };
  if (!read.ok) return answer(read.refusal, read.refusal === 'too-large' ? 'too-large' : 'malformed');
  // A sign-up comes from our own pages: another site's form cannot sign a reader up in their name.
  if (!fromOwnPages(request.headers)) return answer('cross-site');
  try {
    const { db } = await siteDatabase();
    const client = await clientOf(db, request.headers);
    const outcome = await signUpReader(db, { form, locale, client, later: after });
    if (!outcome.ok) return answer(outcome.refusal);
    return answer('check-inbox');
  } catch (error) {
    console.error('A newsletter sign-up could not be stored:', error);
    return answer('unavailable');
  }
}

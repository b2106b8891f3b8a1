import type { Kysely } from 'kysely';
import type { Locale } from '@/i18n/locales';
import { sendMail } from './mail';
import { mailFailed, signUp, type SignUpForm, type SignUpOutcome } from './newsletter';
import { confirmationMail } from './newsletter-mail';
import type { Database } from './schema';

// A reader's sign-up as the route answers it: the answer must not tell a new address from a known
// one, in what it says or in how long it takes, so the confirmation is mailed after the answer.

/** What the reader is told: the same `{ ok: true }` whether a mail is on its way or not. */
type SignUpAnswer = { ok: true } | Extract<SignUpOutcome, { ok: false }>;

/**
 * Signs a reader up and hands the confirmation mail to `later` (Next's `after()`), which runs it
 * once the answer is sent. A mail that fails lets the next sign-up mail again at once.
 */
export async function signUpReader(
  db: Kysely<Database>,
  {
    form,
    locale,
    client,
    later,
  }: { form: SignUpForm; locale: Locale; client: string; later: (task: () => Promise<void>) => void },
): Promise<SignUpAnswer> {
  const outcome = await signUp(db, { form, locale, client });
  if (!outcome.ok) return outcome;
  const confirm = outcome.confirm;
  if (confirm) {
    later(async () => {
      try {
        await sendMail(confirmationMail(locale, confirm));
      } catch (error) {
        console.error('A newsletter confirmation could not be sent:', error);
        await mailFailed(db, confirm.email);
      }
    });
  }
  return { ok: true };
}

import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';

type NewsletterFormProps = {
  locale: Locale;
  /** 'dark' on the dark box at the end of a story, 'light' elsewhere. */
  tone?: 'light' | 'dark';
  /** Tells forms apart on one page (label ids). */
  id: string;
};

/**
 * The newsletter sign-up: an address and a button, posted as a plain form to /api/newsletter, which
 * answers with /<locale>/newsletter saying what happened. No script: nothing is added to the page's.
 */
export async function NewsletterForm({ locale, tone = 'light', id }: NewsletterFormProps) {
  const t = await getTranslations({ locale, namespace: 'Newsletter' });
  const dark = tone === 'dark';
  // A static copy of the site has no server to take the address.
  if (process.env.STATIC_EXPORT === '1') return <p className="text-sm">{t('static')}</p>;
  return (
    <form
      method="post"
      action="/api/newsletter"
      className="flex flex-wrap items-end gap-2"
      data-testid="newsletter-form"
    >
      <input type="hidden" name="locale" value={locale} />
      <label htmlFor={`${id}-email`} className="sr-only">
        {t('email')}
      </label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        placeholder={t('email')}
        className={`h-10 min-w-0 flex-1 basis-28 rounded-full border px-4 text-base ${dark ? 'border-neutral-600 bg-neutral-950 text-white placeholder:text-neutral-400' : 'border-neutral-400 bg-white text-neutral-900 placeholder:text-neutral-600 dark:border-neutral-600 dark:bg-neutral-950 dark:text-white dark:placeholder:text-neutral-400'}`}
      />
      {/* Only a robot fills this in (the comment form has the same). */}
      <div aria-hidden="true" className="hidden">
        <label>
          {t('website')}
          <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button
        type="submit"
        className={`h-10 shrink-0 rounded-full px-4 font-bold ${dark ? 'bg-white text-neutral-900' : 'bg-neutral-900 text-white dark:bg-white dark:text-neutral-900'}`}
      >
        {t('submit')}
      </button>
    </form>
  );
}

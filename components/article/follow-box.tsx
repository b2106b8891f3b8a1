import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { site } from '@/lib/site';
import { NewsletterForm } from '@/components/engage/newsletter-form';

type FollowBoxProps = {
  locale: Locale;
  /** 'end': the dark box at the end of a story (phones); 'rail': the light one in the side rail (wide screens), which stays in view. */
  variant?: 'end' | 'rail';
};

/** The invitation to follow the site on LINE or by newsletter (its sign-up form), at the end of a story or beside it. */
export async function FollowBox({ locale, variant = 'end' }: FollowBoxProps) {
  const t = await getTranslations({ locale, namespace: 'Follow' });
  const rail = variant === 'rail';
  const content = (
    <>
      <p className="font-bold">{t('title', { site: site.name[locale] })}</p>
      <p className={rail ? 'mt-1 text-neutral-700 dark:text-neutral-300' : 'mt-1 text-sm text-neutral-300'}>
        {t('body')}
      </p>
      <p className={rail ? 'mt-3' : 'mt-4'}>
        <a
          href={site.follow.line.url}
          rel="noopener noreferrer"
          className={`inline-flex h-10 items-center rounded-full bg-[#06c755] font-bold text-neutral-950 ${rail ? 'px-4' : 'px-5 text-sm'}`}
        >
          {t('line', { id: site.follow.line.id })}
        </a>
      </p>
      <p className={`font-bold ${rail ? 'mt-4' : 'mt-5'}`}>{t('newsletter')}</p>
      <div className="mt-2">
        <NewsletterForm locale={locale} tone={rail ? 'light' : 'dark'} id={`follow-${variant}`} />
      </div>
    </>
  );
  if (rail) {
    const tRail = await getTranslations({ locale, namespace: 'Rail' });
    return (
      <section className="rounded-lg bg-neutral-100 p-4 text-sm dark:bg-neutral-900" aria-label={tRail('follow')}>
        {content}
      </section>
    );
  }
  return (
    <aside className="rounded-lg bg-neutral-900 p-6 text-white dark:bg-neutral-800" data-testid="follow">
      {content}
    </aside>
  );
}

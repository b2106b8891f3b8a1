import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { site } from '@/lib/site';

type FollowBoxProps = { locale: Locale };

/** The invitation at the end of each article to follow the site on LINE or by newsletter. */
export async function FollowBox({ locale }: FollowBoxProps) {
  const t = await getTranslations({ locale, namespace: 'Follow' });
  return (
    <aside className="rounded-lg bg-neutral-900 p-6 text-white dark:bg-neutral-800" data-testid="follow">
      <p className="font-bold">{t('title', { site: site.name[locale] })}</p>
      <p className="mt-1 text-sm text-neutral-300">{t('body')}</p>
      <p className="mt-4 flex flex-wrap gap-3">
        <a href={site.follow.line.url} rel="noopener noreferrer" className="inline-flex h-10 items-center rounded-full bg-[#06c755] px-5 text-sm font-bold text-neutral-950">
          {t('line', { id: site.follow.line.id })}
        </a>
        <a href={site.follow.newsletter.url} className="inline-flex h-10 items-center rounded-full bg-white px-5 text-sm font-bold text-neutral-900">
          {t('newsletter')}
        </a>
      </p>
    </aside>
  );
}

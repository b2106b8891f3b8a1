import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import type { ArticleCard as ArticleCardData } from '@/lib/content';

/**
 * The labels a story carries wherever it is listed: 廣編企劃 for a sponsored piece (a reader must
 * never meet one unlabelled), 草稿 in the preview, 合作媒體 for a syndicated piece.
 */
export async function ArticleLabels({
  article,
  locale,
}: {
  article: Pick<ArticleCardData, 'sponsored' | 'draft' | 'syndicated'>;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'ArticleCard' });
  return (
    <>
      {article.sponsored && (
        <span
          className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
          data-testid="sponsored-label"
        >
          {t('sponsored')}
        </span>
      )}
      {article.draft && (
        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-bold text-red-900 dark:bg-red-950 dark:text-red-100">
          {t('draft')}
        </span>
      )}
      {article.syndicated && (
        <span className="rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300">
          {t('syndicated')}
        </span>
      )}
    </>
  );
}

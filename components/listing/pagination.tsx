import { SiteLink } from '@/components/layout/site-link';
import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/i18n/locales';
import { listingPath, paginationItems } from '@/lib/pagination';

type PaginationProps = { locale: Locale; basePath: string; page: number; totalPages: number };

/** Previous, numbered and next links between the static pages of a listing (numbers around the current page). */
export async function Pagination({ locale, basePath, page, totalPages }: PaginationProps) {
  if (totalPages <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'Pagination' });
  const href = (n: number) => localePath(locale, listingPath(basePath, n));
  const item = 'inline-flex h-10 min-w-10 items-center justify-center rounded-full px-3 text-sm';
  return (
    <nav
      aria-label={t('label')}
      className="mt-10 flex flex-wrap items-center justify-center gap-2"
      data-testid="pagination"
    >
      {page > 1 && (
        <SiteLink
          href={href(page - 1)}
          rel="prev"
          className={`${item} border border-neutral-300 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800`}
        >
          {t('previous')}
        </SiteLink>
      )}
      <ol className="flex gap-1">
        {paginationItems(page, totalPages).map((n, i) => (
          <li key={n === 'gap' ? `gap-${i}` : n}>
            {n === 'gap' ? (
              <span aria-hidden="true" className={`${item} text-neutral-500 dark:text-neutral-400`}>
                …
              </span>
            ) : n === page ? (
              <span aria-current="page" className={`${item} bg-accent-700 font-bold text-white`}>
                <span className="sr-only">{t('page', { page: n })}</span>
                <span aria-hidden="true">{n}</span>
              </span>
            ) : (
              <SiteLink
                href={href(n)}
                aria-label={t('page', { page: n })}
                className={`${item} hover:bg-neutral-100 dark:hover:bg-neutral-800`}
              >
                {n}
              </SiteLink>
            )}
          </li>
        ))}
      </ol>
      {page < totalPages && (
        <SiteLink
          href={href(page + 1)}
          rel="next"
          className={`${item} border border-neutral-300 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800`}
        >
          {t('next')}
        </SiteLink>
      )}
    </nav>
  );
}

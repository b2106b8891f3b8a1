import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import type { ArticleCard as ArticleCardData } from '@/lib/content';
import { ArticleCard } from './article-card';

type ArticleListProps = {
  articles: ArticleCardData[];
  locale: Locale;
  /** Load the first image eagerly; true when the list is at the top of the page. */
  eager?: boolean;
  /** The cards' heading level: 2 on listing pages, where nothing stands between them and the h1. */
  headingLevel?: 2 | 3;
};

/** A grid of article cards, one column on phones. */
export async function ArticleList({ articles, locale, eager = true, headingLevel = 3 }: ArticleListProps) {
  const t = await getTranslations({ locale, namespace: 'Listing' });
  if (articles.length === 0) return <p className="text-neutral-600 dark:text-neutral-400">{t('empty')}</p>;
  return (
    <ul className="grid gap-x-6 gap-y-6 sm:grid-cols-2 sm:gap-y-10 lg:grid-cols-3">
      {articles.map((article, i) => (
        <li key={article.slug}>
          <ArticleCard article={article} locale={locale} priority={eager && i === 0} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

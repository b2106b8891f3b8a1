import { getTranslations } from 'next-intl/server';
import { SiteLink } from '@/components/layout/site-link';
import type { Locale } from '@/i18n/locales';
import type { ArticleCard } from '@/lib/content';
import { MostReadSection } from '@/components/engage/most-read-section';
import { ArticleLabels } from './article-labels';
import { DateText } from './date-text';
import { FollowBox } from './follow-box';

type ArticleRailProps = { latest: ArticleCard[]; locale: Locale };

/**
 * The side rail of an article page on wide screens: the newest stories, the most read, and where
 * to follow the site. Phones get the invitation at the end of the story instead.
 */
export async function ArticleRail({ latest, locale }: ArticleRailProps) {
  const t = await getTranslations({ locale, namespace: 'Rail' });
  return (
    <aside
      aria-labelledby="rail-latest"
      className="hidden lg:block lg:self-stretch print:hidden"
      data-testid="article-rail"
    >
      {latest.length > 0 && (
        <section data-testid="rail-latest">
          <h2
            id="rail-latest"
            className="border-b-2 border-neutral-900 pb-2 text-lg font-black dark:border-neutral-100"
          >
            {t('latest')}
          </h2>
          <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {latest.map((article) => (
              <li key={article.slug} className="py-3">
                <SiteLink
                  href={article.path}
                  className="leading-snug font-bold hover:text-accent-700 hover:underline dark:hover:text-accent-300"
                >
                  {article.title}
                </SiteLink>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400">
                  <ArticleLabels article={article} locale={locale} />
                  <DateText iso={article.publishedAt} locale={locale} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="mt-6">
        <MostReadSection locale={locale} />
      </div>
      {/* The invitation stays in view while the story is read. */}
      <div className="mt-6 lg:sticky lg:top-6">
        <FollowBox locale={locale} variant="rail" />
      </div>
    </aside>
  );
}

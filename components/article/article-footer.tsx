import type { Locale } from '@/i18n/locales';
import type { ArticleDetail } from '@/lib/content';
import { site } from '@/lib/site';
import { ArticleList } from './article-list';
import { AuthorBox } from './author-box';
import { FollowBox } from './follow-box';
import { ShareLinks } from './share-links';
import { TagList } from './tag-list';
import type { ArticleTranslator } from './article-translator';

type ArticleFooterProps = { article: ArticleDetail; locale: Locale; t: ArticleTranslator };

/**
 * What follows an article: sharing, tags, the authors, further reading, an invitation to follow and
 * related pieces. Laid out only when scrolled near, and left out of the search index.
 */
export function ArticleFooter({ article, locale, t }: ArticleFooterProps) {
  return (
    // Laid out when scrolled near, held meanwhile at the median height measured on the sample
    // stories (phone 1,361 px, desktop 1,371 px with the newsletter form; docs/performance.md), so
    // the page barely changes length.
    <footer className="mt-10 space-y-10 [contain-intrinsic-size:auto_1360px] [content-visibility:auto] lg:[contain-intrinsic-size:auto_1370px] print:hidden">
      <ShareLinks locale={locale} url={new URL(article.path, site.url).toString()} title={article.title} />
      <section aria-labelledby="tags-heading">
        <h2 id="tags-heading" className="mb-3 text-sm font-bold text-neutral-500 dark:text-neutral-400">
          {t('tags')}
        </h2>
        <TagList tags={article.tags} locale={locale} />
      </section>

      <AuthorBox authors={article.authors} locale={locale} t={t} />

      {article.furtherReading.length > 0 && (
        <section aria-labelledby="further-heading">
          <h2 id="further-heading" className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">
            {t('furtherReading')}
          </h2>
          <ArticleList articles={article.furtherReading} locale={locale} eager={false} />
        </section>
      )}

      {/* Wide screens have it in the side rail (article-rail.tsx). */}
      <div className="lg:hidden">
        <FollowBox locale={locale} />
      </div>

      {article.related.length > 0 && (
        <section aria-labelledby="related-heading" data-testid="related">
          <h2 id="related-heading" className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">
            {t('related')}
          </h2>
          <ArticleList articles={article.related} locale={locale} eager={false} />
        </section>
      )}
    </footer>
  );
}

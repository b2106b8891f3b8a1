import { CommentCountSlot } from '@/components/engage/comment-count-slot';
import { SiteLink } from '@/components/layout/site-link';
import { localePath, scriptKey, type Locale } from '@/i18n/locales';
import type { ArticleDetail } from '@/lib/content';
import { AuthorLinks } from './author-links';
import { DateText } from './date-text';
import type { ArticleTranslator } from './article-translator';

type ArticleHeaderProps = { article: ArticleDetail; locale: Locale; t: ArticleTranslator };

type BylineProps = ArticleHeaderProps;

/** Who wrote the piece, and the partner it came from when it is syndicated. */
function Byline({ article, locale, t }: BylineProps) {
  return (
    <p data-testid="byline">
      {t('bylinePrefix')}
      <AuthorLinks
        authors={article.authors}
        locale={locale}
        className="font-medium text-neutral-900 hover:underline dark:text-neutral-100"
      />
      {article.syndication && (
        <span data-testid="byline-partner">
          {'｜'}
          {article.syndication.partnerUrl ? (
            <a
              href={article.syndication.partnerUrl}
              rel="noopener"
              className="font-medium text-neutral-900 hover:underline dark:text-neutral-100"
            >
              {article.syndication.partner}
            </a>
          ) : (
            <span className="font-medium text-neutral-900 dark:text-neutral-100">{article.syndication.partner}</span>
          )}
        </span>
      )}
    </p>
  );
}

type SyndicationNoteProps = { syndication: NonNullable<ArticleDetail['syndication']>; t: ArticleTranslator };

/**
 * Where a piece came from, said before the reader starts it, as plainly as the label on a sponsored
 * one: the byline names the partner too.
 */
function SyndicationNote({ syndication, t }: SyndicationNoteProps) {
  return (
    <p
      className="mt-4 rounded-lg border-l-4 border-accent-600 bg-accent-50 px-4 py-3 font-bold text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100"
      data-testid="syndication"
    >
      {t('syndication', { partner: syndication.partner })}
      {syndication.originalUrl && (
        <>
          {'  '}
          <a href={syndication.originalUrl} rel="noopener" className="font-normal underline">
            {t('originalLink')}
          </a>
        </>
      )}
    </p>
  );
}

/** The top of an article page: section and labels, headline, summary, byline, dates and where it came from. */
export function ArticleHeader({ article, locale, t }: ArticleHeaderProps) {
  return (
    <header>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <SiteLink
          href={localePath(locale, `/sections/${article.section.slug}`)}
          className="font-bold text-accent-700 hover:underline dark:text-accent-300"
        >
          {article.section.name}
        </SiteLink>
        {article.sponsor && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {t('sponsoredLabel')}
          </span>
        )}
        {/* At the end of this row, whose height it does not change. */}
        <CommentCountSlot
          slug={article.slug}
          href="#comments"
          testId="article-comment-count"
          className="ml-auto text-neutral-600 hover:underline dark:text-neutral-400"
        />
      </p>
      <h1 className="mt-2 text-3xl leading-snug font-black sm:text-4xl sm:leading-tight">{article.title}</h1>
      <p className="mt-4 text-lg text-neutral-700 dark:text-neutral-300" data-testid="dek">
        {article.summary}
      </p>
      <div className="mt-5 flex flex-wrap items-center gap-x-4 gap-y-1 border-y border-neutral-200 py-3 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
        <Byline article={article} locale={locale} t={t} />
        <p>
          {t('published')} <DateText iso={article.publishedAt} locale={locale} withTime />
        </p>
        {article.updatedAt && (
          <p>
            {t('updated')} <DateText iso={article.updatedAt} locale={locale} withTime />
          </p>
        )}
        <p>{t('readingTime', { minutes: article.readingMinutes })}</p>
        {article.derivedFrom && (
          <p data-testid="derived-notice" className="rounded bg-neutral-100 px-2 py-0.5 text-xs dark:bg-neutral-800">
            {t('derived', { source: scriptKey(article.derivedFrom) })}
          </p>
        )}
      </div>
      {article.syndication && <SyndicationNote syndication={article.syndication} t={t} />}
    </header>
  );
}

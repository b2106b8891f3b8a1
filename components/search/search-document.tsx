import { MdxContent } from '@/components/mdx/mdx-content';
import { timeZone, type Locale } from '@/i18n/locales';
import type { ArticleCard } from '@/lib/content-store';
import type { ArticleBody } from '@/lib/content-model';

type SearchDocumentProps = {
  article: ArticleCard;
  body: ArticleBody;
  locale: Locale;
  labels: { sponsored: string; playVideo: string };
};

/**
 * What the search index (pipeline/search-index.tsx) knows of one article: its headline, dek, body
 * and byline as text, drawn by the body's own renderer, and its section, date and label as result
 * fields. It is made from the content index, not from the served page, so that a story is found
 * whether or not the build prerendered its page, and a publish needs no server to index it.
 * Photo credits, reading time and the cards around a story stay out: they are not what it says.
 */
export function SearchDocument({ article, body, locale, labels }: SearchDocumentProps) {
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(
    new Date(article.publishedAt),
  );
  const authors = article.authors.map((author) => author.name).join('、');
  // Headline, dek and byline are read back from meta fields: the search page makes excerpts from
  // the body alone (lib/search-text.ts bodyText) and shows these as they are.
  return (
    <html lang={locale}>
      <body>
        <article data-pagefind-body>
          <span data-pagefind-meta={`title:${article.title}`} />
          <span data-pagefind-meta={`summary:${article.summary}`} />
          <span data-pagefind-meta={`authors:${authors}`} />
          <span
            data-pagefind-meta={`section:${article.section.name}`}
            data-pagefind-filter={`section:${article.section.name}`}
          />
          {article.tags.map((tag) => (
            <span key={tag.slug} data-pagefind-filter={`tag:${tag.name}`} />
          ))}
          <span data-pagefind-meta={`date:${date}`} data-pagefind-sort={`date:${article.publishedAt}`} />
          {article.sponsored && <span data-pagefind-meta={`sponsored:${labels.sponsored}`} />}
          <h1>{article.title}</h1>
          <p>{article.summary}</p>
          <MdxContent
            code={body.code}
            locale={locale}
            images={body.images}
            sponsored={article.sponsored}
            labels={{ playVideo: labels.playVideo }}
          />
          <p>{authors}</p>
        </article>
      </body>
    </html>
  );
}

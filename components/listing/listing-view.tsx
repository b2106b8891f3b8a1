import { ArticleList } from '@/components/article/article-list';
import { AuthorPhoto } from '@/components/article/author-photo';
import { PageHeading } from '@/components/layout/page-heading';
import type { Listing } from '@/lib/listings';
import { Pagination } from './pagination';

type ListingViewProps = { listing: Listing };

/** One page of a listing: its heading, the cards and the links to its other pages. */
export function ListingView({ listing }: ListingViewProps) {
  const { locale, heading, articlesHeading, result } = listing;
  return (
    <>
      <PageHeading
        title={heading.title}
        kicker={heading.kicker}
        picture={listing.author && <AuthorPhoto author={listing.author} size={96} />}
      >
        {heading.description}
      </PageHeading>
      {articlesHeading && (
        <h2 className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">{articlesHeading}</h2>
      )}
      {/* Cards sit right under the h1 unless a heading of their own stands between. */}
      <ArticleList articles={result.articles} locale={locale} headingLevel={articlesHeading ? 3 : 2} />
      <Pagination locale={locale} basePath={listing.basePath} page={result.page} totalPages={result.totalPages} />
    </>
  );
}

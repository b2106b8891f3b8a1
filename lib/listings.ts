import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import {
  getAuthor,
  getSection,
  getTag,
  listArticlesPage,
  listingKeys as keysOf,
  pageCount,
  type ArticleFilter,
  type ArticlePage,
  type AuthorProfile,
} from './content';
import type { ListingKind } from './page-paths';
import { laterPageParams, pageParam } from './pagination';

// The paginated listings: the home archive (/page/N) and every tag, section and author, with their
// /page/N. Each kind says which articles it lists and how it is headed; the routes share one piece
// (app/[locale]/_listing/listing-route.tsx) and one view (components/listing/listing-view.tsx).

export type { ListingKind };

/** Everything one page of a listing shows, resolved in the reader's script. */
export type Listing = {
  locale: Locale;
  kind: ListingKind;
  /** The author an author's listing is about, for its profile page data. */
  author?: AuthorProfile;
  /** Path of the listing's first page after the locale prefix ('' for home, /tags/ai). */
  basePath: string;
  heading: { title: string; kicker?: string; description?: string };
  /** A heading over the cards, when the page's own heading is about something else (an author). */
  articlesHeading?: string;
  /** Title (before its page number) and description for search engines and link previews. */
  metadata: { title: string; description: string };
  result: ArticlePage;
};

type Heading = Omit<Listing, 'locale' | 'kind' | 'result'>;

/** A listing a key names: which articles it holds, and how it is headed once its page is known. */
type Found = { filter: ArticleFilter; describe: (result: ArticlePage) => Promise<Heading> };

type KindSpec = {
  /** The keys (tag slugs, author ids) that have a listing in this script. */
  keys: (locale: Locale) => string[];
  /** The listing a key names, or undefined: looked up before any article is filtered for it. */
  find: (locale: Locale, key: string) => Found | undefined;
  /** The home listing's first page is the front page itself: here it starts at page 2. */
  firstPage: number;
};

const kinds: Record<ListingKind, KindSpec> = {
  home: {
    // No first pages of its own: the front page is page 1 (app/[locale]/page.tsx).
    keys: () => [],
    firstPage: 2,
    find: (locale) => ({
      filter: { locale },
      async describe(result) {
        const t = await getTranslations({ locale, namespace: 'Home' });
        const tPage = await getTranslations({ locale, namespace: 'Pagination' });
        return {
          basePath: '',
          heading: {
            title: t('archiveTitle'),
            kicker: tPage('pageOf', { page: result.page, total: result.totalPages }),
          },
          metadata: { title: t('archiveTitle'), description: t('description') },
        };
      },
    }),
  },
  tag: {
    keys: (locale) => keysOf('tag', locale),
    firstPage: 1,
    find(locale, slug) {
      const tag = getTag(locale, slug);
      return (
        tag && {
          filter: { locale, tag: tag.slug },
          async describe() {
            const t = await getTranslations({ locale, namespace: 'Tag' });
            const tTags = await getTranslations({ locale, namespace: 'Tags' });
            return {
              basePath: `/tags/${tag.slug}`,
              heading: {
                title: t('title', { name: tag.name }),
                kicker: tTags('count', { count: tag.count }),
                description: tag.description,
              },
              metadata: {
                title: t('title', { name: tag.name }),
                description: tag.description ?? t('description', { name: tag.name }),
              },
            };
          },
        }
      );
    },
  },
  section: {
    keys: (locale) => keysOf('section', locale),
    firstPage: 1,
    find(locale, slug) {
      const section = getSection(locale, slug);
      return (
        section && {
          filter: { locale, section: section.slug },
          async describe() {
            const t = await getTranslations({ locale, namespace: 'Section' });
            return {
              basePath: `/sections/${section.slug}`,
              heading: { title: t('title', { name: section.name }), description: section.description },
              metadata: {
                title: t('title', { name: section.name }),
                description: section.description ?? t('description', { name: section.name }),
              },
            };
          },
        }
      );
    },
  },
  author: {
    keys: (locale) => keysOf('author', locale),
    firstPage: 1,
    find(locale, id) {
      const author = getAuthor(locale, id);
      return (
        author && {
          filter: { locale, author: author.id },
          async describe() {
            const t = await getTranslations({ locale, namespace: 'Author' });
            return {
              basePath: `/authors/${author.id}`,
              heading: { title: author.name, kicker: author.role, description: author.bio },
              articlesHeading: t('articles', { name: author.name }),
              author,
              metadata: {
                title: t('title', { name: author.name }),
                description: author.bio ?? t('description', { name: author.name }),
              },
            };
          },
        }
      );
    },
  },
};

/** The keys with a listing of this kind in one script, for the static params of its first pages. */
export function listingKeys(kind: ListingKind, locale: Locale): string[] {
  return kinds[kind].keys(locale);
}

/** Static params of a listing's later pages (/page/2 onwards); none for a key that names nothing. */
export function listingLaterPages(kind: ListingKind, locale: Locale, key: string): { page: string }[] {
  const found = kinds[kind].find(locale, key);
  return found ? laterPageParams(pageCount(found.filter)) : [];
}

/**
 * One page of a listing, from a route's params (`page` absent on the first page); undefined when the
 * key names nothing or the page does not exist.
 */
export async function loadListing(
  kind: ListingKind,
  locale: Locale,
  key: string,
  page: string | undefined,
): Promise<Listing | undefined> {
  const spec = kinds[kind];
  // A key that names nothing is refused before any filtering: each filter's result is kept for the
  // life of the index, and unknown keys must not grow that.
  const found = spec.find(locale, key);
  const result = found && listArticlesPage(found.filter, pageParam(page));
  if (!found || !result || result.page < spec.firstPage) return undefined;
  return { locale, kind, result, ...(await found.describe(result)) };
}

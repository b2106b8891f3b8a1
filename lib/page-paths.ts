import { localeOf } from '@/i18n/locales';
import { contentStore, pagesFor, type ArticleFilter, type ContentStore } from './content-store';
import type { Locale } from '@/i18n/locales';

// Which pages the site has now, read off the content store: the proxy serves these and answers 404
// for any other path, at the cost of a look-up or two (a story by its key, a listing's count), not a
// list of every page.

export type ListingKind = 'home' | 'tag' | 'section' | 'author';

/**
 * Whether `next build` renders a kind of listing's pages and feeds ahead: the front page's and the
 * sections', a handful every page links to. A tag's and an author's render on their first request,
 * as an older story does: their number grows with the archive (thousands of tags on a large site),
 * and at 50,000 stories their 1,360 pages were 39% of what the build prerendered. The static
 * export, which has no server, writes them all.
 */
export const prerenderedListing = (kind: ListingKind) =>
  process.env.STATIC_EXPORT === '1' || kind === 'home' || kind === 'section';

/** One listing: its kind and key, where it lives, which articles it holds, where its pages start. */
export type ListingSpec = {
  kind: ListingKind;
  key: string;
  basePath: string;
  filter: ArticleFilter;
  firstPage: number;
};

/**
 * The listings of one script: the home archive (its first page is the front page, so it starts at
 * page 2), every tag that has articles, every section and every author.
 */
export function listingsOf(store: ContentStore, locale: Locale): ListingSpec[] {
  const names = store.names();
  const tags = names.tags.filter((t) => store.termCount(locale, 'tag', t.slug) > 0);
  return [
    { kind: 'home', key: '', basePath: '', filter: { locale }, firstPage: 2 },
    ...tags.map((t) => ({
      kind: 'tag' as const,
      key: t.slug,
      basePath: `/tags/${t.slug}`,
      filter: { locale, tag: t.slug },
      firstPage: 1,
    })),
    ...names.sections.map((s) => ({
      kind: 'section' as const,
      key: s.slug,
      basePath: `/sections/${s.slug}`,
      filter: { locale, section: s.slug },
      firstPage: 1,
    })),
    ...names.authors.map((a) => ({
      kind: 'author' as const,
      key: a.id,
      basePath: `/authors/${a.id}`,
      filter: { locale, author: a.id },
      firstPage: 1,
    })),
  ];
}

/** Pages that do not depend on content, in each script (the newsletter's is rendered per request). */
const FIXED_PAGES = new Set(['', '/tags', '/search', '/newsletter', '/404']);

const LISTING = /^(?:\/(tags|sections|authors)\/([^/]+))?(?:\/page\/([1-9][0-9]{0,8}))?$/;
const KIND = { tags: 'tag', sections: 'section', authors: 'author' } as const;

/** Whether a path (with its locale, no trailing slash) is one of the site's pages now (the 404 page included). */
export function isPagePath(path: string, store = contentStore()): boolean {
  const locale = localeOf(path);
  if (!locale) return false;
  const rest = path.slice(locale.length + 1);
  if (FIXED_PAGES.has(rest)) return true;
  const [, folder, slug] = /^\/(articles|info)\/([^/]+)$/.exec(rest) ?? [];
  if (folder === 'articles') return store.article(locale, slug!) !== undefined;
  if (folder === 'info') return store.names().pages.some((p) => p.locale === locale && p.slug === slug);
  const [, kindFolder, key, pageText] = LISTING.exec(rest) ?? [];
  if (pageText === undefined && kindFolder === undefined) return false;
  const page = pageText === undefined ? 1 : Number(pageText);
  // /page/1 is the listing itself, never its own address.
  if (pageText === '1') return false;
  const kind = kindFolder === undefined ? 'home' : KIND[kindFolder as keyof typeof KIND];
  const listing = listingsOf(store, locale).find((l) => l.kind === kind && l.key === (key ?? ''));
  return listing !== undefined && page >= listing.firstPage && page <= pagesFor(store.count(listing.filter));
}

import { createHash } from 'node:crypto';
import { localePath, locales, type Locale } from '@/i18n/locales';
import {
  articleKey,
  currentIndex,
  matching,
  pagesFor,
  toCard,
  type ArticleFilter,
  type LoadedIndex,
} from './content-index';
import type { ArticleSummary } from './content-model';
import { feedFileName, feedFormats, feedListings } from './feeds';
import { listingPath } from './pagination';
import { site } from './site';

// Every page the site has, read off an index: the proxy serves these and answers 404 for any other
// path; the publish step compares what each page shows before and after a change, and revalidates
// exactly the pages that differ.

export type ListingKind = 'home' | 'tag' | 'section' | 'author';

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
export function listingsOf(index: LoadedIndex, locale: Locale): ListingSpec[] {
  const tags = index.tags.filter((t) => index.tagCount.has(articleKey(locale, t.slug)));
  return [
    { kind: 'home', key: '', basePath: '', filter: { locale }, firstPage: 2 },
    ...tags.map((t) => ({
      kind: 'tag' as const,
      key: t.slug,
      basePath: `/tags/${t.slug}`,
      filter: { locale, tag: t.slug },
      firstPage: 1,
    })),
    ...index.sections.map((s) => ({
      kind: 'section' as const,
      key: s.slug,
      basePath: `/sections/${s.slug}`,
      filter: { locale, section: s.slug },
      firstPage: 1,
    })),
    ...index.authors.map((a) => ({
      kind: 'author' as const,
      key: a.id,
      basePath: `/authors/${a.id}`,
      filter: { locale, author: a.id },
      firstPage: 1,
    })),
  ];
}

/** Pages that do not depend on content, in each script (the newsletter's is rendered per request). */
const FIXED_PAGES = ['/search', '/newsletter', '/404'];

/** What every page's footer shows of the site's own pages: their titles, paths and order. */
const footerOf = (index: LoadedIndex) => index.pages.map((p) => [p.path, p.title]);

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Visits every page of the index, in both scripts: its path (with the locale) and what it shows,
 * as text, computed only when asked. Names of authors, tags and sections appear on every page (the
 * header, the cards), and the site's own pages in every footer, so they are part of what every page shows (by their hash: hashing them anew
 * for each of 40,000 pages took seconds). The front page shows the newest
 * stories and every section's, so it changes with any card.
 */
function visitPages(index: LoadedIndex, visit: (path: string, shows: () => string) => void) {
  let names: string | undefined;
  const cards = new Map<ArticleSummary, string>();
  const card = (a: ArticleSummary) => {
    let text = cards.get(a);
    if (text === undefined) cards.set(a, (text = JSON.stringify(toCard(index, a))));
    return text;
  };
  for (const locale of locales) {
    const add = (path: string, shows: () => string) =>
      visit(
        localePath(locale, path),
        () =>
          `${(names ??= hash(JSON.stringify([index.authors, index.tags, index.sections, footerOf(index)])))}\n${shows()}`,
      );
    const all = matching(index, { locale });
    add('', () => all.map(card).join('\n'));
    add('/tags', () => JSON.stringify(index.tags.map((t) => index.tagCount.get(articleKey(locale, t.slug)) ?? 0)));
    for (const path of FIXED_PAGES) add(path, () => '');
    for (const page of index.pages) if (page.locale === locale) add(`/info/${page.slug}`, () => JSON.stringify(page));
    for (const article of all) {
      add(`/articles/${article.slug}`, () => {
        const linked = [...article.furtherReading, ...article.related].map((slug) => {
          const target = index.article.get(articleKey(locale, slug));
          return target ? card(target) : '';
        });
        return [JSON.stringify(article), ...linked].join('\n');
      });
    }
    // Feeds carry each story whole (its body by its hash), so a correction changes them too.
    for (const feed of feedListings(index, locale)) {
      const base = feed.kind === 'home' ? '' : `/${feed.kind}s/${feed.key}`;
      const shows = () => feed.articles.map((a) => `${JSON.stringify(a)}`).join('\n');
      for (const format of feedFormats) add(`${base}/${feedFileName[format]}`, shows);
    }
    for (const listing of listingsOf(index, locale)) {
      const articles = matching(index, listing.filter);
      const total = pagesFor(articles.length);
      for (let page = listing.firstPage; page <= total; page += 1) {
        add(listingPath(listing.basePath, page), () =>
          [
            `${page}/${total}/${articles.length}`,
            ...articles.slice((page - 1) * site.pageSize, page * site.pageSize).map(card),
          ].join('\n'),
        );
      }
    }
  }
}

/** Each page path (with its locale) and a fingerprint of what it shows: the same fingerprint, the same page. */
export function pageFingerprints(index: LoadedIndex): Map<string, string> {
  const pages = new Map<string, string>();
  visitPages(index, (path, shows) => pages.set(path, hash(shows())));
  return pages;
}

/**
 * Each article page's path and a fingerprint of what the search index takes from it: the article's
 * own text and the names it shows (components/search/search-document.tsx), not the cards of other
 * stories around it, so that a new story does not send every page that lists it to be indexed again.
 */
export function searchFingerprints(index: LoadedIndex): Map<string, string> {
  const names = hash(JSON.stringify([index.authors, index.tags, index.sections]));
  return new Map(
    index.articles.map((a) => [a.path, hash(`${names}\n${JSON.stringify({ ...a, related: [], furtherReading: [] })}`)]),
  );
}

/** The paths whose page differs between two indexes: changed, added or gone. */
export function changedPages(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([path, print]) => before.get(path) !== print).map(([path]) => path);
  const gone = [...before.keys()].filter((path) => !after.has(path));
  return [...changed, ...gone].sort();
}

const pathSets = new WeakMap<LoadedIndex, Set<string>>();

/** Whether a path (with its locale, no trailing slash) is one of the site's pages now (the 404 page included). */
export function isPagePath(path: string): boolean {
  const index = currentIndex();
  let paths = pathSets.get(index);
  if (!paths) {
    const found = new Set<string>();
    visitPages(index, (page) => found.add(page));
    pathSets.set(index, (paths = found));
  }
  return paths.has(path);
}

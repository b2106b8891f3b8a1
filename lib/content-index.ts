import { readFileSync, statSync } from 'node:fs';
import type { Locale } from '@/i18n/locales';
import { indexFile } from './content-files';
import type { ArticleSummary, ContentIndex, SitePageSummary, TermInfo } from './content-model';
import { site } from './site';

// The content index as the site serves it: read from disk, reloaded when a publish swaps the file,
// and narrowed to what is visible now (a scheduled article appears at its time). lib/content.ts asks
// questions of it for pages; lib/page-paths.ts lists the pages it makes; the proxy and the publish
// step use both. No framework here, so the pipeline can load an index the same way.

export type TermLink = { slug: string; name: string };
export type AuthorLink = { id: string; name: string };

/** An article as a card in a listing: resolved names in the reader's script, no body. */
export type ArticleCard = Pick<
  ArticleSummary,
  'slug' | 'path' | 'title' | 'summary' | 'publishedAt' | 'updatedAt' | 'readingMinutes' | 'hero' | 'featured' | 'draft'
> & {
  section: TermLink;
  tags: TermLink[];
  authors: AuthorLink[];
  sponsored: boolean;
  syndicated: boolean;
};

export type ArticleFilter = { locale: Locale; tag?: string; section?: string; author?: string };

export type LoadedIndex = ContentIndex & {
  /** Lookups by key, so that a page costs the same with twenty articles or twenty thousand. */
  article: Map<string, ArticleSummary>;
  tag: Map<string, TermInfo>;
  section: Map<string, TermInfo>;
  author: Map<string, ContentIndex['authors'][number]>;
  /** The site's own pages by `locale/slug`. */
  sitePage: Map<string, SitePageSummary>;
  /** Articles per tag and per section in each script (`locale/slug`), counted once per load. */
  tagCount: Map<string, number>;
  sectionCount: Map<string, number>;
  /** Each listing's articles, grouped once and then shared by all of that listing's pages. */
  listings: Map<string, readonly ArticleSummary[]>;
  /** When the next scheduled article goes live (ms since the epoch), or Infinity. */
  visibleUntil: number;
};

/** Key of anything that is per script and per slug: an article, or a tag's or section's count. */
export const articleKey = (locale: Locale, slug: string) => `${locale}/${slug}`;

/** An index with its lookups, showing the articles published by `now` (all of them in a preview). */
export function loadIndex(raw: ContentIndex, now: number): LoadedIndex {
  let visibleUntil = Infinity;
  const articles = raw.articles.filter((a) => {
    const at = Date.parse(a.publishedAt);
    if (raw.preview || at <= now) return true;
    visibleUntil = Math.min(visibleUntil, at);
    return false;
  });
  const tagCount = new Map<string, number>();
  const sectionCount = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const a of articles) {
    for (const tag of a.tagSlugs) add(tagCount, articleKey(a.locale, tag));
    add(sectionCount, articleKey(a.locale, a.sectionSlug));
  }
  // An index written before the site had its own pages has none.
  const pages = raw.pages ?? [];
  return {
    ...raw,
    articles,
    pages,
    sitePage: new Map(pages.map((p) => [articleKey(p.locale, p.slug), p])),
    article: new Map(articles.map((a) => [articleKey(a.locale, a.slug), a])),
    tag: new Map(raw.tags.map((t) => [t.slug, t])),
    section: new Map(raw.sections.map((t) => [t.slug, t])),
    author: new Map(raw.authors.map((a) => [a.id, a])),
    tagCount,
    sectionCount,
    listings: groupListings(articles),
    visibleUntil,
  };
}

let current: { stamp: string; raw: ContentIndex; loaded: LoadedIndex } | undefined;

/**
 * The index as it is on disk now. A publish replaces the file in one rename, so a change of its
 * inode, time or size means a new index; a scheduled article's time passing means a new view of it.
 * A stat per call costs microseconds, and keeps every process of every server in step by itself.
 * `revision` is the one `next dev` imports (lib/content.ts), so that a save refreshes open pages.
 */
export function currentIndex(revision = ''): LoadedIndex {
  const file = statSync(indexFile);
  const stamp = `${revision}:${file.ino}:${file.mtimeMs}:${file.size}`;
  const now = Date.now();
  if (!current || current.stamp !== stamp) {
    const raw = JSON.parse(readFileSync(indexFile, 'utf8')) as ContentIndex;
    current = { stamp, raw, loaded: loadIndex(raw, now) };
  } else if (now >= current.loaded.visibleUntil) {
    current = { ...current, loaded: loadIndex(current.raw, now) };
  }
  return current.loaded;
}

/** The index file as written, scheduled articles included. */
export function currentRawIndex(): ContentIndex {
  currentIndex();
  return current!.raw;
}

/** One card's data, with names in the article's script. */
export function toCard(index: LoadedIndex, article: ArticleSummary): ArticleCard {
  const locale = article.locale;
  const term = (terms: Map<string, TermInfo>, slug: string): TermLink => ({
    slug,
    name: terms.get(slug)?.name[locale] ?? slug,
  });
  return {
    slug: article.slug,
    path: article.path,
    title: article.title,
    summary: article.summary,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    readingMinutes: article.readingMinutes,
    hero: article.hero,
    section: term(index.section, article.sectionSlug),
    tags: article.tagSlugs.map((slug) => term(index.tag, slug)),
    authors: article.authorIds.map((id) => ({ id, name: index.author.get(id)?.name[locale] ?? id })),
    sponsored: Boolean(article.sponsor),
    syndicated: Boolean(article.syndication),
    featured: article.featured,
    draft: article.draft,
  };
}

/** Key of one listing's articles in `listings`: a script, and at most one tag, section or author. */
const listingKey = (locale: Locale, kind = '', key = '') => `${locale}|${kind}|${key}`;

/**
 * Every listing's articles, newest first, in one pass over the index: a pass per listing cost
 * seconds at 20,000 articles and 700 listings.
 */
function groupListings(articles: readonly ArticleSummary[]): Map<string, readonly ArticleSummary[]> {
  const listings = new Map<string, ArticleSummary[]>();
  const add = (key: string, article: ArticleSummary) => {
    const list = listings.get(key);
    if (list) list.push(article);
    else listings.set(key, [article]);
  };
  for (const a of articles) {
    add(listingKey(a.locale), a);
    for (const tag of a.tagSlugs) add(listingKey(a.locale, 'tag', tag), a);
    add(listingKey(a.locale, 'section', a.sectionSlug), a);
    for (const author of a.authorIds) add(listingKey(a.locale, 'author', author), a);
  }
  return listings;
}

/** The articles of one listing, newest first. */
export function matching(
  index: LoadedIndex,
  { locale, tag, section, author }: ArticleFilter,
): readonly ArticleSummary[] {
  const criteria = (
    [
      ['tag', tag],
      ['section', section],
      ['author', author],
    ] as const
  ).filter((c): c is readonly ['tag' | 'section' | 'author', string] => c[1] !== undefined);
  const [first, ...more] = criteria;
  const found = index.listings.get(first ? listingKey(locale, ...first) : listingKey(locale)) ?? [];
  // No page asks for two criteria at once today; such a listing is filtered from the first one's.
  return more.length === 0
    ? found
    : found.filter((a) =>
        more.every(([kind, key]) =>
          kind === 'section'
            ? a.sectionSlug === key
            : kind === 'tag'
              ? a.tagSlugs.includes(key)
              : a.authorIds.includes(key),
        ),
      );
}

/** Number of pages a listing of this many articles has: at least 1, so an empty listing still has its page. */
export const pagesFor = (articles: number) => Math.max(1, Math.ceil(articles / site.pageSize));

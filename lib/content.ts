import 'server-only';
import type { Locale } from '@/i18n/locales';
// Imported, not read, so that `next dev` sees content change and refreshes open pages (the live
// preview's own copy under next dev: next.config.js).
import { revision } from '@/.contentlayer/site/revision.json';
import type { ArticleBody, ArticleSummary, SitePageSummary, TermInfo } from './content-model';
import {
  contentStore,
  pagesFor,
  toCard as toCardIn,
  type ArticleCard,
  type ArticleFilter,
  type AuthorLink,
  type ContentStore,
  type TermLink,
} from './content-store';
import { listingsOf, type ListingKind } from './page-paths';
import { site } from './site';
import { newsSitemapXml, sitemapPartXml, sitemapPaths, sitemapXml } from './sitemap';

// The one door to content. Pages ask these functions for what they need, and each asks the
// content store (lib/content-store.ts) for exactly that: a listing page reads its own cards, a
// story page its own story, cards and body.

/** The store now: a publish writes it while the server runs, and every query reads what is there. */
const store = (): ContentStore => contentStore();
// Read once so that the import above stays in the bundle: it is what makes `next dev` refresh on a save.
void revision;

export type { ArticleCard, ArticleFilter, AuthorLink, TermLink };

export type AuthorProfile = AuthorLink & {
  role?: string;
  bio?: string;
  photo?: { src: string; width: number; height: number };
};

/** Everything an article page shows. */
export type ArticleDetail = Omit<ArticleCard, 'authors'> & {
  authors: AuthorProfile[];
  syndication?: ArticleSummary['syndication'];
  sponsor?: ArticleSummary['sponsor'];
  furtherReading: ArticleCard[];
  related: ArticleCard[];
  /** The script this version was converted from, when no editor wrote it. */
  derivedFrom?: Locale;
  commentsClosed?: true;
  code: string;
  images: ArticleBody['images'];
};

function authorProfile(id: string, locale: Locale): AuthorProfile {
  const author = store().names().author.get(id);
  return {
    id,
    name: author?.name[locale] ?? id,
    role: author?.role?.[locale],
    bio: author?.bio?.[locale],
    photo: author?.photo,
  };
}

export type ArticlePage = { articles: ArticleCard[]; page: number; totalPages: number };

/** Number of listing pages for a filter: at least 1, so an empty listing still has its page. */
export function pageCount(filter: ArticleFilter): number {
  return pagesFor(store().count(filter));
}

const toCard = (article: ArticleSummary) => toCardIn(store().names(), article);

/** One page (from 1) of a listing, or undefined past the last page. */
export function listArticlesPage(filter: ArticleFilter, page: number): ArticlePage | undefined {
  const totalPages = pageCount(filter);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  const articles = store()
    .articles(filter, (page - 1) * site.pageSize, site.pageSize)
    .map(toCard);
  return { articles, page, totalPages };
}

/** Articles in one script, newest first, optionally narrowed to a tag, a section or an author. */
export function listArticles(filter: ArticleFilter & { limit?: number }): ArticleCard[] {
  const { limit, ...only } = filter;
  return store()
    .articles(only, 0, limit ?? -1)
    .map(toCard);
}

/** The front page's lead story: the newest article marked `featured`, else the newest of all. */
export function leadArticle(locale: Locale): ArticleCard | undefined {
  const lead = store().lead(locale);
  return lead && toCard(lead);
}

/** One article with its compiled body, or undefined when no such article exists in that script. */
export function getArticle(locale: Locale, slug: string): ArticleDetail | undefined {
  const summary = store().article(locale, slug);
  if (!summary) return undefined;
  const body = store().body(summary.bodyHash);
  if (!body) throw new Error(`The content store has no body for ${summary.path}: run npm run content.`);
  const cards = (slugs: string[]) =>
    slugs.flatMap((target) => {
      const found = store().article(locale, target);
      return found ? [toCard(found)] : [];
    });
  return {
    ...toCard(summary),
    authors: summary.authorIds.map((id) => authorProfile(id, locale)),
    syndication: summary.syndication,
    sponsor: summary.sponsor,
    furtherReading: cards(summary.furtherReading),
    related: cards(summary.related),
    derivedFrom: summary.derivedFrom,
    commentsClosed: summary.commentsClosed,
    code: body.code,
    images: body.images,
  };
}

/** One of the site's own pages (about us, contact…) with its compiled body. */
export type SitePageDetail = Pick<
  SitePageSummary,
  'slug' | 'path' | 'title' | 'summary' | 'updatedAt' | 'derivedFrom'
> &
  Pick<ArticleBody, 'code' | 'images'>;

export function getSitePage(locale: Locale, slug: string): SitePageDetail | undefined {
  const page = store()
    .names()
    .pages.find((p) => p.locale === locale && p.slug === slug);
  if (!page) return undefined;
  const body = store().body(page.bodyHash);
  if (!body) throw new Error(`The content store has no body for ${page.path}: run npm run content.`);
  return {
    slug,
    path: page.path,
    title: page.title,
    summary: page.summary,
    updatedAt: page.updatedAt,
    derivedFrom: page.derivedFrom,
    code: body.code,
    images: body.images,
  };
}

/** The site's own pages in one script, in footer order: title and path. */
export function listSitePages(locale: Locale): { slug: string; path: string; title: string }[] {
  return store()
    .names()
    .pages.filter((p) => p.locale === locale)
    .map(({ slug, path, title }) => ({ slug, path, title }));
}

/** Whether a story published now takes comments (undefined when there is no such story), and where it is in a script. */
export function storyComments(slug: string, locale: Locale): { open: boolean; path: string } | undefined {
  const summary = store().article(locale, slug);
  return summary && { open: !summary.commentsClosed, path: summary.path };
}

/** One article's card, without reading its body: what its social card shows. */
export function getArticleCard(locale: Locale, slug: string): ArticleCard | undefined {
  const summary = store().article(locale, slug);
  return summary && toCard(summary);
}

/**
 * Slugs of the articles of one script that `next build` renders ahead: the newest
 * `site.prerenderArticles` (all of them for a static export, which has no server to render the rest).
 */
export function prerenderedArticleSlugs(locale: Locale): string[] {
  const limit = process.env.STATIC_EXPORT === '1' ? Infinity : site.prerenderArticles;
  return store()
    .articles({ locale }, 0, Number.isFinite(limit) ? limit : -1)
    .map((a) => a.slug);
}

export type TermWithCount = TermLink & { description?: string; count: number };

const withCount = (s: ContentStore, t: TermInfo, locale: Locale, kind: 'tag' | 'section'): TermWithCount => ({
  slug: t.slug,
  name: t.name[locale],
  description: t.description?.[locale],
  count: s.termCount(locale, kind, t.slug),
});

/** Every tag with the number of articles carrying it, most used first. */
export function listTags(locale: Locale): TermWithCount[] {
  const s = store();
  return s
    .names()
    .tags.map((t) => withCount(s, t, locale, 'tag'))
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

/** One tag in the reader's script, or undefined. */
export function getTag(locale: Locale, slug: string): TermWithCount | undefined {
  const s = store();
  const tag = s.names().tag.get(slug);
  return tag && withCount(s, tag, locale, 'tag');
}

/** Every section, in the order of their files, with article counts. */
export function listSections(locale: Locale): TermWithCount[] {
  const s = store();
  return s.names().sections.map((t) => withCount(s, t, locale, 'section'));
}

/** One section in the reader's script, or undefined. */
export function getSection(locale: Locale, slug: string): TermWithCount | undefined {
  const s = store();
  const section = s.names().section.get(slug);
  return section && withCount(s, section, locale, 'section');
}

/** One author in the reader's script, or undefined. */
export function getAuthor(locale: Locale, id: string): AuthorProfile | undefined {
  return store().names().author.has(id) ? authorProfile(id, locale) : undefined;
}

/** The keys (tag slugs, section slugs, author ids) that have a listing of this kind in one script. */
export function listingKeys(kind: Exclude<ListingKind, 'home'>, locale: Locale): string[] {
  return listingsOf(store(), locale).flatMap((listing) => (listing.kind === kind ? [listing.key] : []));
}

/** /sitemap.xml: every page, or past the protocol's limit the index of its parts (lib/sitemap.ts). */
export const sitemapDocument = (): string => sitemapXml(store());

/** Part n (from 1) of the sitemap, or undefined when there is no such part. */
export const sitemapPartDocument = (n: number): string | undefined => sitemapPartXml(store(), n);

/** The Google News sitemap: the two days' stories before `now`. */
export const newsSitemapDocument = (now: number): string => newsSitemapXml(store(), now);

/** Every sitemap document's path. */
export const sitemapDocumentPaths = (): string[] => sitemapPaths(store());

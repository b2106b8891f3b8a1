import { XMLBuilder } from 'fast-xml-parser';
import { defaultLocale, localePath, locales, type Locale } from '@/i18n/locales';
import { pagesFor, type ContentStore } from './content-store';
import type { ArticleSummary } from './content-model';
import { listingsOf } from './page-paths';
import { listingPath } from './pagination';
import { site } from './site';

// The sitemaps: every public page with its other script as an alternate and when it last changed,
// and the Google News sitemap of the last two days' stories. Read off the live index, so that a
// publish (which revalidates them by their tag, lib/page-tags.ts) updates them without a rebuild.

/** The protocol's limit of URLs in one sitemap; past it, /sitemap.xml becomes an index of parts. */
const SITEMAP_URL_LIMIT = Number(process.env.SITEMAP_URL_LIMIT ?? 50_000);
/** Google News reads stories of the last two days. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export type SitemapPage = {
  /** The page's path, with its locale. */
  path: string;
  /** The same page in each script (and x-default), as paths. */
  alternates: Record<string, string>;
  lastmod?: string;
};

const absolute = (path: string) => new URL(path, site.url).toString();
const changedAt = (a: ArticleSummary) => a.updatedAt ?? a.publishedAt;
/** The latest of these times (ISO strings), or undefined when there is none. */
const newestOf = (times: readonly (string | undefined)[]) =>
  times.reduce<string | undefined>(
    (latest, t) => (t !== undefined && (latest === undefined || Date.parse(t) > Date.parse(latest)) ? t : latest),
    undefined,
  );
/** When the newest change among these articles was made. */
const newestChange = (articles: readonly ArticleSummary[]) => newestOf(articles.map(changedAt));

/**
 * A story republished from a partner names the partner's URL as canonical: search engines index
 * that one, so the sitemap leaves ours out.
 */
const hasOwnCanonical = (a: ArticleSummary) => !a.syndication?.originalUrl;

/**
 * Every page a search engine should index, in both scripts: the front page, the tag list, stories
 * with their own canonical, the site's own pages, and every page of every listing. Not the search page (results are not
 * content) nor the 404 page.
 */
export function sitemapPages(store: ContentStore): SitemapPage[] {
  const found = new Map<string, { lastmod?: string; locale: Locale; path: string }>();
  for (const locale of locales) {
    const add = (path: string, lastmod: string | undefined) =>
      found.set(localePath(locale, path), { lastmod, locale, path });
    const all = store.articles({ locale });
    const changed = new Map(all.map((a) => [a.slug, changedAt(a)]));
    add('', newestChange(all));
    add('/tags', newestChange(all));
    for (const article of all) if (hasOwnCanonical(article)) add(`/articles/${article.slug}`, changedAt(article));
    for (const page of store.names().pages) if (page.locale === locale) add(`/info/${page.slug}`, page.updatedAt);
    for (const listing of listingsOf(store, locale)) {
      // Slugs only: the stories were read once above.
      const slugs = listing.kind === 'home' ? all.map((a) => a.slug) : store.slugs(listing.filter);
      for (let page = listing.firstPage; page <= pagesFor(slugs.length); page += 1) {
        add(
          listingPath(listing.basePath, page),
          newestOf(slugs.slice((page - 1) * site.pageSize, page * site.pageSize).map((slug) => changed.get(slug))),
        );
      }
    }
  }
  return [...found].map(([full, { lastmod, path }]) => {
    const alternates: Record<string, string> = {};
    // Only versions that exist: every alternate names this page back (hreflang must be reciprocal).
    for (const l of locales) if (found.has(localePath(l, path))) alternates[l] = localePath(l, path);
    if (alternates[defaultLocale]) alternates['x-default'] = alternates[defaultLocale];
    return { path: full, alternates, lastmod };
  });
}

/** The sitemap documents: one when the pages fit, else an index at /sitemap.xml and its parts. */
function sitemapParts(pages: number, limit = SITEMAP_URL_LIMIT): number {
  return pages <= limit ? 0 : Math.ceil(pages / limit);
}

/** Paths of every sitemap document: the parts' are the static params of their route. */
export function sitemapPaths(store: ContentStore): string[] {
  const parts = sitemapParts(sitemapPages(store).length);
  return ['/sitemap.xml', '/news-sitemap.xml', ...Array.from({ length: parts }, (_, i) => `/sitemaps/${i + 1}.xml`)];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: false,
  suppressEmptyNode: true,
});
const xml = (root: Record<string, unknown>) => `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;

/** A urlset of these pages, each with its hreflang alternates. */
function urlsetXml(pages: SitemapPage[]): string {
  return xml({
    urlset: {
      '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
      url: pages.map((p) => ({
        loc: absolute(p.path),
        ...(p.lastmod ? { lastmod: new Date(p.lastmod).toISOString() } : {}),
        'xhtml:link': Object.entries(p.alternates).map(([hreflang, path]) => ({
          '@rel': 'alternate',
          '@hreflang': hreflang,
          '@href': absolute(path),
        })),
      })),
    },
  });
}

/** The index of the parts, each with the newest lastmod of its pages. */
function sitemapIndexXml(pages: SitemapPage[], limit = SITEMAP_URL_LIMIT): string {
  const parts = sitemapParts(pages.length, limit);
  return xml({
    sitemapindex: {
      '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      sitemap: Array.from({ length: parts }, (_, i) => {
        const lastmod = pages
          .slice(i * limit, (i + 1) * limit)
          .map((p) => p.lastmod)
          .filter((d): d is string => d !== undefined)
          .reduce<string | undefined>((a, b) => (a === undefined || Date.parse(b) > Date.parse(a) ? b : a), undefined);
        return {
          loc: absolute(`/sitemaps/${i + 1}.xml`),
          ...(lastmod ? { lastmod: new Date(lastmod).toISOString() } : {}),
        };
      }),
    },
  });
}

/** What /sitemap.xml holds: every page, or the index of the parts past the limit. */
export function sitemapXml(store: ContentStore, limit = SITEMAP_URL_LIMIT): string {
  const pages = sitemapPages(store);
  return sitemapParts(pages.length, limit) === 0 ? urlsetXml(pages) : sitemapIndexXml(pages, limit);
}

/** Part `n` (from 1) of the sitemap, or undefined when there is no such part. */
export function sitemapPartXml(store: ContentStore, n: number, limit = SITEMAP_URL_LIMIT): string | undefined {
  const pages = sitemapPages(store);
  if (!Number.isInteger(n) || n < 1 || n > sitemapParts(pages.length, limit)) return undefined;
  return urlsetXml(pages.slice((n - 1) * limit, n * limit));
}

/** Google News' language codes for the two scripts. */
const NEWS_LANGUAGE: Record<Locale, string> = { 'zh-Hant': 'zh-tw', 'zh-Hans': 'zh-cn' };

/** The Google News sitemap: stories of both scripts published in the two days before `now`. */
export function newsSitemapXml(store: ContentStore, now: number): string {
  const stories = locales.flatMap((locale) =>
    store
      .articles({ locale }, 0, -1, now)
      .filter(
        (a) =>
          hasOwnCanonical(a) && now - Date.parse(a.publishedAt) <= NEWS_WINDOW_MS && Date.parse(a.publishedAt) <= now,
      )
      .map((a) => ({ locale, a })),
  );
  return xml({
    urlset: {
      '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      url: stories.map(({ locale, a }) => ({
        loc: absolute(a.path),
        'news:news': {
          'news:publication': { 'news:name': site.name[locale], 'news:language': NEWS_LANGUAGE[locale] },
          'news:publication_date': new Date(a.publishedAt).toISOString(),
          'news:title': a.title,
        },
      })),
    },
  });
}

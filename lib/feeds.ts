import { Feed } from 'feed';
import sanitizeHtml from 'sanitize-html';
import { localePath, type Locale } from '@/i18n/locales';
import hans from '@/messages/zh-Hans.json';
import hant from '@/messages/zh-Hant.json';
import type { ArticleFilter, ContentStore } from './content-store';
import type { ArticleSummary } from './content-model';
import { site } from './site';

// The site's feeds: RSS 2.0, Atom and JSON Feed of every listing (the script's home, each tag,
// section and author), the newest FEED_SIZE stories with their full text. The body's HTML is
// rendered and sanitised once, when the content step writes the body (pipeline/feed-html.tsx);
// a feed only makes its links absolute, against site.url and never the request's host.

export const FEED_SIZE = 50;
export const feedFormats = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

/** File name of each format beside its listing's path, e.g. /zh-Hant/tags/ai/feed.xml. */
const feedFileName: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };
export const feedContentType: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export type FeedKind = 'home' | 'tag' | 'section' | 'author';
const basePath = (kind: FeedKind, key: string) =>
  kind === 'home' ? '' : kind === 'tag' ? `/tags/${key}` : kind === 'section' ? `/sections/${key}` : `/authors/${key}`;

/** Path (with locale) of one feed. */
export const feedPath = (locale: Locale, kind: FeedKind, key: string, format: FeedFormat) =>
  localePath(locale, `${basePath(kind, key)}/${feedFileName[format]}`);

/** The `alternates.types` of a page's metadata that advertise its listing's feeds. */
export function feedAlternates(locale: Locale, kind: FeedKind, key = ''): Record<string, string> {
  const url = (format: FeedFormat) => new URL(feedPath(locale, kind, key, format), site.url).toString();
  return {
    'application/rss+xml': url('rss'),
    'application/atom+xml': url('atom'),
    'application/feed+json': url('json'),
  };
}

const messages = { 'zh-Hant': hant, 'zh-Hans': hans } as const;
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Makes every link and image of a body absolute, against the configured origin. */
function absoluteHtml(html: string): string {
  const absolute = (url: string | undefined) => {
    if (!url) return url;
    try {
      return new URL(url, site.url).toString();
    } catch {
      return undefined;
    }
  };
  const fix = (attr: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const value = absolute(attribs[attr]);
    const next = { ...attribs };
    if (value) next[attr] = value;
    else delete next[attr];
    if (attribs.srcset) delete next.srcset;
    return { tagName, attribs: next };
  };
  return sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'figure', 'figcaption', 'picture']),
    allowedAttributes: { a: ['href', 'rel', 'title'], img: ['src', 'alt', 'width', 'height'], '*': ['lang'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: fix('href'), img: fix('src') },
  });
}

/** The HTML a feed carries for one story: its body, then the disclosure and the syndication line. */
function itemHtml(article: ArticleSummary, bodyHtml: string): string {
  const m = messages[article.locale].Article;
  const parts: string[] = [];
  if (article.sponsor) {
    parts.push(
      `<p><strong>${escape(m.sponsoredLabel)}</strong> ${escape(fill(m.sponsorDisclosure, { sponsor: article.sponsor.name, site: site.name[article.locale] }))}</p>`,
    );
  }
  parts.push(bodyHtml);
  if (article.syndication) {
    const original = article.syndication.originalUrl;
    parts.push(
      `<p>${escape(fill(m.syndication, { partner: article.syndication.partner }))}${original ? ` <a href="${escape(original)}">${escape(m.originalLink)}</a>` : ''}</p>`,
    );
  }
  return absoluteHtml(parts.join('\n'));
}

/** Title of a listing's feed, in its script. */
function feedTitle(store: ContentStore, locale: Locale, kind: FeedKind, key: string): string | undefined {
  const name = site.name[locale];
  if (kind === 'home') return name;
  const names = store.names();
  const term =
    kind === 'tag' ? names.tag.get(key) : kind === 'section' ? names.section.get(key) : names.author.get(key);
  return term ? `${term.name[locale]} | ${name}` : undefined;
}

/**
 * One feed as text, or undefined when the listing does not exist. Ids are each story's permalink:
 * a correction keeps its slug and so its id, and the two scripts' copies keep apart ids because
 * they are two documents in two languages, which a reader subscribed to both must not merge.
 */
export function renderFeed(
  store: ContentStore,
  locale: Locale,
  kind: FeedKind,
  key: string,
  format: FeedFormat,
): string | undefined {
  const title = feedTitle(store, locale, kind, key);
  if (!title) return undefined;
  const filter: ArticleFilter = kind === 'home' ? { locale } : { locale, [kind]: key };
  const articles = store.articles(filter, 0, FEED_SIZE);
  const bodyHtml = (article: ArticleSummary) => store.feedHtml(article) ?? '';
  const url = (path: string) => new URL(path, site.url).toString();
  const updated = articles.reduce((latest, a) => Math.max(latest, Date.parse(a.updatedAt ?? a.publishedAt)), 0);
  const feed = new Feed({
    title,
    description: site.tagline[locale],
    id: url(localePath(locale, basePath(kind, key))),
    link: url(localePath(locale, basePath(kind, key))),
    language: locale,
    favicon: url('/icon.svg'),
    copyright: `© ${site.name[locale]}`,
    updated: new Date(updated || 0),
    generator: site.name[locale],
    feedLinks: {
      rss: url(feedPath(locale, kind, key, 'rss')),
      atom: url(feedPath(locale, kind, key, 'atom')),
      json: url(feedPath(locale, kind, key, 'json')),
    },
  });
  for (const article of articles) {
    const link = url(article.path);
    feed.addItem({
      id: link,
      guid: link,
      link,
      title: article.title,
      description: article.summary,
      content: itemHtml(article, bodyHtml(article)),
      date: new Date(article.updatedAt ?? article.publishedAt),
      published: new Date(article.publishedAt),
      image: url(article.hero.src),
      author: article.authorIds.map((id) => ({
        name: store.names().author.get(id)?.name[locale] ?? id,
        link: url(localePath(locale, `/authors/${id}`)),
      })),
      category: article.tagSlugs.map((slug) => ({
        name: store.names().tag.get(slug)?.name[locale] ?? slug,
        domain: url(localePath(locale, `/tags/${slug}`)),
      })),
    });
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}

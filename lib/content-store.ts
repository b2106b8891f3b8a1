import { statSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Locale } from '@/i18n/locales';
import { storeFile } from './content-files';
import type { ArticleBody, ArticleSummary, AuthorInfo, SitePageSummary, TermInfo } from './content-model';
import { site } from './site';

// The content store as the site reads it: one SQLite file (written by pipeline/index/write-store.ts),
// opened read-only, asked for exactly what a page shows. Nothing of the archive is held in memory but
// the names (tags, sections, authors, the site's own pages: hundreds, not thousands) and the counts
// per tag and section. Every query shows the stories published by now, so a scheduled story appears
// at its time without a new file. No framework here: the pipeline, tests and benchmarks read it too.

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

/** Which stories a listing holds: a script, and at most one tag, section or author. */
export type ArticleFilter = { locale: Locale; tag?: string; section?: string; author?: string };

/** The names every page shows, and the site's own pages, as the store keeps them. */
export type StoreNames = {
  tags: TermInfo[];
  sections: TermInfo[];
  authors: AuthorInfo[];
  pages: SitePageSummary[];
  tag: Map<string, TermInfo>;
  section: Map<string, TermInfo>;
  author: Map<string, AuthorInfo>;
};

/** The schema's version: a store written by another version is refused with a clear message. */
export const STORE_VERSION = 5;

/**
 * A body as the store keeps it: its JSON, deflated (a fifth of the size or less, so a fifth of the
 * writes at a build; inflating one costs a fraction of a millisecond).
 */
export const packBody = (text: string): Buffer => deflateRawSync(text, { level: 1 });
const unpackText = (data: Buffer): string => inflateRawSync(data).toString('utf8');
export const unpackBody = (data: Buffer): ArticleBody => JSON.parse(unpackText(data)) as ArticleBody;

/** Number of pages a listing of this many articles has: at least 1, so an empty listing still has its page. */
export const pagesFor = (articles: number) => Math.max(1, Math.ceil(articles / site.pageSize));

/** Later than any date a story carries: what "now" is in the live preview, which shows everything. */
const END_OF_TIME = 8.64e15;

const parse = <T>(row: { data: string } | undefined): T | undefined =>
  row === undefined ? undefined : (JSON.parse(row.data) as T);

/** The listing's table and key column for one filter: stories of one tag or author are in their own table. */
export function listingSource(filter: ArticleFilter): { from: string; where: string; key: string[] } {
  if (filter.tag !== undefined)
    return {
      from: 'article_tags l JOIN articles a ON a.locale = l.locale AND a.slug = l.slug',
      where: 'l.locale = ? AND l.tag = ? AND l.published_at <= ?',
      key: [filter.locale, filter.tag],
    };
  if (filter.author !== undefined)
    return {
      from: 'article_authors l JOIN articles a ON a.locale = l.locale AND a.slug = l.slug',
      where: 'l.locale = ? AND l.author = ? AND l.published_at <= ?',
      key: [filter.locale, filter.author],
    };
  if (filter.section !== undefined)
    return {
      from: 'articles a',
      where: 'a.locale = ? AND a.section = ? AND a.published_at <= ?',
      key: [filter.locale, filter.section],
    };
  return { from: 'articles a', where: 'a.locale = ? AND a.published_at <= ?', key: [filter.locale] };
}

/** The order of every listing, and of the pipeline's index: newest first, then by slug. */
export const LISTING_ORDER = 'ORDER BY a.published_at DESC, a.slug ASC';

export class ContentStore {
  readonly db: Database.Database;
  /** Written for the live preview: drafts included, scheduled stories shown before their time. */
  readonly preview: boolean;
  private readonly statements = new Map<string, Database.Statement>();
  // Prepared once: better-sqlite3's pragma() prepares a statement on every call, and pages ask for
  // names and counts hundreds of times (a tag's count, a card's names).
  private readonly dataVersion: Database.Statement;
  private cached?: { version: number; until: number; names: StoreNames; counts: Map<string, number> };

  constructor(readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    const version = this.db.pragma('user_version', { simple: true });
    if (version !== STORE_VERSION)
      throw new Error(
        `${file} is a content store of another version (${String(version)}, this site reads ${STORE_VERSION}): run npm run content.`,
      );
    this.preview = this.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', 'preview')?.value === '1';
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();
  }

  private statement(sql: string): Database.Statement {
    let found = this.statements.get(sql);
    if (!found) this.statements.set(sql, (found = this.db.prepare(sql)));
    return found;
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  /** The moment the store's queries show: now, or every story in the live preview. */
  now(at = Date.now()): number {
    return this.preview ? END_OF_TIME : at;
  }

  /** When the next scheduled story goes live (ms since the epoch), or Infinity. */
  nextScheduled(at = Date.now()): number {
    const row = this.get<{ at: number | null }>(
      'SELECT MIN(published_at) AS at FROM articles WHERE published_at > ?',
      this.now(at),
    );
    return row?.at ?? Infinity;
  }

  /**
   * Names and counts, read once per change of the file's content (SQLite's data_version tells, for
   * a microsecond) and per scheduled story's time.
   */
  private view(at: number) {
    const version = this.dataVersion.get() as number;
    if (!this.cached || this.cached.version !== version || at >= this.cached.until) {
      const terms = <T>(kind: string) =>
        this.all<{ data: string }>('SELECT data FROM terms WHERE kind = ? ORDER BY position', kind).map(
          (row) => JSON.parse(row.data) as T,
        );
      const tags = terms<TermInfo>('tag');
      const sections = terms<TermInfo>('section');
      const authors = terms<AuthorInfo>('author');
      const pages = this.all<{ data: string }>('SELECT data FROM site_pages ORDER BY position').map(
        (row) => JSON.parse(row.data) as SitePageSummary,
      );
      const now = this.now(at);
      const counts = new Map<string, number>();
      for (const row of this.all<{ locale: string; tag: string; n: number }>(
        'SELECT locale, tag, COUNT(*) AS n FROM article_tags WHERE published_at <= ? GROUP BY locale, tag',
        now,
      ))
        counts.set(`${row.locale}|tag|${row.tag}`, row.n);
      for (const row of this.all<{ locale: string; section: string; n: number }>(
        'SELECT locale, section, COUNT(*) AS n FROM articles WHERE published_at <= ? GROUP BY locale, section',
        now,
      ))
        counts.set(`${row.locale}|section|${row.section}`, row.n);
      this.cached = {
        version,
        until: this.nextScheduled(at),
        counts,
        names: {
          tags,
          sections,
          authors,
          pages,
          tag: new Map(tags.map((t) => [t.slug, t])),
          section: new Map(sections.map((s) => [s.slug, s])),
          author: new Map(authors.map((a) => [a.id, a])),
        },
      };
    }
    return this.cached;
  }

  /** Tags, sections, authors and the site's own pages, in their order. */
  names(at = Date.now()): StoreNames {
    return this.view(at).names;
  }

  /** Stories of one tag or one section in one script, published by now. */
  termCount(locale: Locale, kind: 'tag' | 'section', slug: string, at = Date.now()): number {
    return this.view(at).counts.get(`${locale}|${kind}|${slug}`) ?? 0;
  }

  /** One story published by now, or undefined. */
  article(locale: Locale, slug: string, at = Date.now()): ArticleSummary | undefined {
    return parse(
      this.get(
        'SELECT data FROM articles WHERE locale = ? AND slug = ? AND published_at <= ?',
        locale,
        slug,
        this.now(at),
      ),
    );
  }

  /** One listing's stories, newest first, from `offset`, at most `limit`. */
  articles(filter: ArticleFilter, offset = 0, limit = -1, at = Date.now()): ArticleSummary[] {
    const { from, where, key } = listingSource(filter);
    return this.all<{ data: string }>(
      `SELECT a.data FROM ${from} WHERE ${where} ${LISTING_ORDER} LIMIT ? OFFSET ?`,
      ...key,
      this.now(at),
      limit,
      offset,
    ).map((row) => JSON.parse(row.data) as ArticleSummary);
  }

  /** One listing's slugs, newest first: what a page of many listings needs without reading stories. */
  slugs(filter: ArticleFilter, at = Date.now()): string[] {
    const { from, where, key } = listingSource(filter);
    return this.statement(`SELECT a.slug FROM ${from} WHERE ${where} ${LISTING_ORDER}`)
      .pluck()
      .all(...key, this.now(at)) as string[];
  }

  /** How many stories one listing holds now. */
  count(filter: ArticleFilter, at = Date.now()): number {
    const { from, where, key } = listingSource(filter);
    return this.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, ...key, this.now(at))!.n;
  }

  /** The newest story marked `featured` in one script, else the newest of all. */
  lead(locale: Locale, at = Date.now()): ArticleSummary | undefined {
    const now = this.now(at);
    return (
      parse<ArticleSummary>(
        this.get(
          `SELECT a.data FROM articles a WHERE a.locale = ? AND a.featured = 1 AND a.published_at <= ? ${LISTING_ORDER} LIMIT 1`,
          locale,
          now,
        ),
      ) ?? this.articles({ locale }, 0, 1, at)[0]
    );
  }

  /** Stories of both scripts that went live in (from, to]: what a scheduled story's time changes. */
  wentLive(from: number, to: number): ArticleSummary[] {
    return this.all<{ data: string }>(
      'SELECT data FROM articles WHERE published_at > ? AND published_at <= ? ORDER BY published_at, locale, slug',
      from,
      to,
    ).map((row) => JSON.parse(row.data) as ArticleSummary);
  }

  /** Slugs of the stories whose pages show a card of this one (related or further reading). */
  pointing(locale: Locale, slug: string): string[] {
    return this.statement('SELECT slug FROM article_links WHERE locale = ? AND target = ?')
      .pluck()
      .all(locale, slug) as string[];
  }

  /** A compiled body by its hash (an article's or a site page's `bodyHash`). */
  body(hash: string): ArticleBody | undefined {
    const row = this.get<{ data: Buffer }>('SELECT data FROM bodies WHERE hash = ?', hash);
    return row && unpackBody(row.data);
  }

  /**
   * A story's body as the sanitised HTML its feeds carry (pipeline/feed-html.tsx), links still
   * relative: kept for the stories some feed shows or will (pipeline/index/feed-stories.ts).
   */
  feedHtml(article: Pick<ArticleSummary, 'bodyHash' | 'locale'>): string | undefined {
    const row = this.get<{ html: Buffer }>(
      'SELECT html FROM feed_html WHERE hash = ? AND locale = ?',
      article.bodyHash,
      article.locale,
    );
    return row && unpackText(row.html);
  }
}

let opened: { stamp: string; store: ContentStore } | undefined;

/**
 * The site's store. The index step writes it in place, in transactions (a reader sees the store
 * before or after a publish, never between); a first build, or a build from nothing, makes a new
 * file, which a stat per call notices (microseconds), so that every process follows by itself.
 */
export function contentStore(): ContentStore {
  const file = statSync(storeFile);
  const stamp = `${file.dev}:${file.ino}`;
  if (opened?.stamp !== stamp) {
    opened?.store.db.close();
    opened = { stamp, store: new ContentStore(storeFile) };
  }
  return opened.store;
}

/** One card's data, with names in the article's script. */
export function toCard(names: StoreNames, article: ArticleSummary): ArticleCard {
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
    section: term(names.section, article.sectionSlug),
    tags: article.tagSlugs.map((slug) => term(names.tag, slug)),
    authors: article.authorIds.map((id) => ({ id, name: names.author.get(id)?.name[locale] ?? id })),
    sponsored: Boolean(article.sponsor),
    syndicated: Boolean(article.syndication),
    featured: article.featured,
    draft: article.draft,
  };
}

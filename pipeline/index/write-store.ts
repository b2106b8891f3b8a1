// Writes the content store (lib/content-store.ts reads it): one SQLite file beside the generated
// content, in WAL mode so that servers keep reading while a publish writes. Bodies go in first, in
// batches, under their content's hash (a reader never asks for a body no story names yet); the
// stories, their listings, the names and the removal of bodies no story names then go in one
// transaction: a reader sees the store before the publish or after it, never between. Only rows
// that changed are written, so a publish costs what it changes, not the size of the archive.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { packBody, STORE_VERSION, unpackBody } from '@/lib/content-store';
import type { ArticleBody, ArticleSummary, ContentIndex } from '@/lib/content-model';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles (
  locale TEXT NOT NULL, slug TEXT NOT NULL, published_at INTEGER NOT NULL, section TEXT NOT NULL,
  featured INTEGER NOT NULL, sponsored INTEGER NOT NULL, body_hash TEXT NOT NULL,
  takes_later INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (locale, slug));
CREATE INDEX articles_body ON articles (body_hash);
CREATE INDEX articles_taking_later ON articles (locale) WHERE takes_later = 1;
CREATE INDEX articles_newest ON articles (locale, published_at DESC, slug);
CREATE INDEX articles_section ON articles (locale, section, published_at DESC, slug);
CREATE INDEX articles_time ON articles (published_at);
CREATE TABLE article_tags (
  locale TEXT NOT NULL, tag TEXT NOT NULL, published_at INTEGER NOT NULL, slug TEXT NOT NULL,
  PRIMARY KEY (locale, tag, published_at DESC, slug)) WITHOUT ROWID;
CREATE INDEX article_tags_story ON article_tags (locale, slug);
CREATE TABLE article_authors (
  locale TEXT NOT NULL, author TEXT NOT NULL, published_at INTEGER NOT NULL, slug TEXT NOT NULL,
  PRIMARY KEY (locale, author, published_at DESC, slug)) WITHOUT ROWID;
CREATE INDEX article_authors_story ON article_authors (locale, slug);
CREATE TABLE article_links (locale TEXT NOT NULL, target TEXT NOT NULL, slug TEXT NOT NULL,
  PRIMARY KEY (locale, target, slug)) WITHOUT ROWID;
CREATE INDEX article_links_story ON article_links (locale, slug);
CREATE TABLE terms (kind TEXT NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE site_pages (locale TEXT NOT NULL, slug TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (locale, slug)) WITHOUT ROWID;
CREATE TABLE bodies (hash TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE feed_html (hash TEXT NOT NULL, locale TEXT NOT NULL, html BLOB NOT NULL, PRIMARY KEY (hash, locale));
`;

// Rows of a kilobyte and more (a story's summary, a body) go in tables with row ids: SQLite keeps a
// table without them as one B-tree of whole rows, which costs half again as much to write.

/** Bodies per transaction while they are written: big enough to be quick, small enough for the WAL. */
const BODY_BATCH = 500;

/**
 * Opens the store for writing, making it when there is none (or when it is of another version: it
 * is generated, and the next step writes it whole).
 */
export function openStoreForWriting(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  let db = new Database(file);
  if (db.pragma('user_version', { simple: true }) !== STORE_VERSION) {
    db.close();
    // A server still reading the old file keeps its inode, and opens the new one on its next request.
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${STORE_VERSION}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * Puts compiled bodies in by hash, and stories' feed HTML by body hash and script, a batch per
 * transaction; ones already there are left.
 */
export class BodyWriter {
  private readonly insert: Database.Statement;
  private readonly insertHtml: Database.Statement;
  private readonly stored: Database.Statement;
  private readonly storedHtml: Database.Statement;
  // Written by this run, maybe not yet flushed: asked by hash rather than loading every stored hash,
  // so that a publish of one story does not read the hashes of the archive.
  private readonly added = new Set<string>();
  private readonly addedHtml = new Set<string>();
  private readonly select: Database.Statement;
  private batch: (() => void)[] = [];

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO bodies (hash, data) VALUES (?, ?)');
    this.insertHtml = db.prepare('INSERT OR IGNORE INTO feed_html (hash, locale, html) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT data FROM bodies WHERE hash = ?').pluck();
    this.stored = db.prepare('SELECT 1 FROM bodies WHERE hash = ?').pluck();
    this.storedHtml = db.prepare('SELECT 1 FROM feed_html WHERE hash = ? AND locale = ?').pluck();
  }

  has(hash: string): boolean {
    return this.added.has(hash) || this.stored.get(hash) !== undefined;
  }

  hasFeedHtml(hash: string, locale: string): boolean {
    return this.addedHtml.has(`${hash} ${locale}`) || this.storedHtml.get(hash, locale) !== undefined;
  }

  /** A body written before, by this run or an earlier one. */
  body(hash: string): ArticleBody | undefined {
    this.flush();
    const data = this.select.get(hash) as Buffer | undefined;
    return data && unpackBody(data);
  }

  add(hash: string, data: string) {
    if (this.has(hash)) return;
    this.added.add(hash);
    const packed = packBody(data);
    this.queue(() => this.insert.run(hash, packed));
  }

  addFeedHtml(hash: string, locale: string, html: string) {
    if (this.hasFeedHtml(hash, locale)) return;
    this.addedHtml.add(`${hash} ${locale}`);
    const packed = packBody(html);
    this.queue(() => this.insertHtml.run(hash, locale, packed));
  }

  private queue(write: () => void) {
    this.batch.push(write);
    if (this.batch.length >= BODY_BATCH) this.flush();
  }

  flush() {
    const writes = this.batch;
    this.batch = [];
    this.db.transaction(() => {
      for (const write of writes) write();
    })();
  }
}

/** What one write changed: stories written or removed (by `locale/slug`). */
export type StoreChange = { written: number; removed: number };

/** What the store records of the write that made it: when, and with which converter and renderer. */
export type IndexStamp = { at: number; key: string };

export const readStamp = (db: Database.Database): IndexStamp | undefined => {
  const get = (key: string) =>
    db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  const at = get('indexed_at');
  const key = get('index_key');
  return at && key ? { at: Number(at), key } : undefined;
};

/** Writes one story's row, listings and links, or removes them; inside the caller's transaction. */
export function storyWriter(db: Database.Database) {
  const upsert = db.prepare(
    `INSERT INTO articles (locale, slug, published_at, section, featured, sponsored, body_hash, takes_later, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (locale, slug) DO UPDATE SET published_at = excluded.published_at, section = excluded.section,
       featured = excluded.featured, sponsored = excluded.sponsored, body_hash = excluded.body_hash,
       takes_later = excluded.takes_later, data = excluded.data`,
  );
  const remove = db.prepare('DELETE FROM articles WHERE locale = ? AND slug = ?');
  const removeTags = db.prepare('DELETE FROM article_tags WHERE locale = ? AND slug = ?');
  const removeAuthors = db.prepare('DELETE FROM article_authors WHERE locale = ? AND slug = ?');
  const addTag = db.prepare('INSERT OR IGNORE INTO article_tags (locale, tag, published_at, slug) VALUES (?, ?, ?, ?)');
  const addAuthor = db.prepare(
    'INSERT OR IGNORE INTO article_authors (locale, author, published_at, slug) VALUES (?, ?, ?, ?)',
  );
  const removeLinks = db.prepare('DELETE FROM article_links WHERE locale = ? AND slug = ?');
  const addLink = db.prepare('INSERT OR IGNORE INTO article_links (locale, target, slug) VALUES (?, ?, ?)');
  const unlist = (locale: string, slug: string) => {
    removeTags.run(locale, slug);
    removeAuthors.run(locale, slug);
    removeLinks.run(locale, slug);
  };
  return {
    /** `takesLater`: its related pieces include one published after it (pipeline/index/related.ts linkRelated). */
    write(a: ArticleSummary, takesLater: boolean, data = JSON.stringify(a)) {
      const at = Date.parse(a.publishedAt);
      const flags = [a.featured ? 1 : 0, a.sponsor ? 1 : 0, a.bodyHash, takesLater ? 1 : 0] as const;
      upsert.run(a.locale, a.slug, at, a.sectionSlug, ...flags, data);
      unlist(a.locale, a.slug);
      for (const tag of new Set(a.tagSlugs)) addTag.run(a.locale, tag, at, a.slug);
      for (const author of new Set(a.authorIds)) addAuthor.run(a.locale, author, at, a.slug);
      for (const target of new Set([...a.related, ...a.furtherReading])) addLink.run(a.locale, target, a.slug);
    },
    remove(locale: string, slug: string) {
      remove.run(locale, slug);
      unlist(locale, slug);
    },
  };
}

/** Records when the store was written, and by which converter and renderer (`key`). */
export function stampStore(db: Database.Database, stamp: IndexStamp) {
  const set = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  set.run('indexed_at', String(stamp.at));
  set.run('index_key', stamp.key);
}

/** Removes the bodies (and their feed HTML) of these hashes that no story or site page names. */
export function dropUnnamedBodies(db: Database.Database, hashes: Iterable<string>) {
  const pageHashes = new Set(
    (db.prepare('SELECT data FROM site_pages').pluck().all() as string[]).map(
      (data) => (JSON.parse(data) as { bodyHash: string }).bodyHash,
    ),
  );
  const named = db.prepare('SELECT 1 FROM articles WHERE body_hash = ? LIMIT 1').pluck();
  const drop = db.prepare('DELETE FROM bodies WHERE hash = ?');
  const dropHtml = db.prepare('DELETE FROM feed_html WHERE hash = ?');
  for (const hash of new Set(hashes)) {
    if (pageHashes.has(hash) || named.get(hash)) continue;
    drop.run(hash);
    dropHtml.run(hash);
  }
}

/**
 * Writes an index in one transaction: the stories that differ from the stored ones, the names, the
 * site's own pages, and then removes the bodies no story or page names any more.
 */
export function writeIndexToStore(
  db: Database.Database,
  index: ContentIndex,
  stamp: IndexStamp,
  takingLater: ReadonlySet<string> = new Set(),
): StoreChange {
  const stored = new Map(
    (
      db.prepare('SELECT locale, slug, data FROM articles').all() as { locale: string; slug: string; data: string }[]
    ).map((row) => [`${row.locale}/${row.slug}`, row.data]),
  );
  const stories = storyWriter(db);
  const change: StoreChange = { written: 0, removed: 0 };
  db.transaction(() => {
    for (const article of index.articles) {
      const key = `${article.locale}/${article.slug}`;
      const data = JSON.stringify(article);
      if (stored.get(key) !== data) {
        stories.write(article, takingLater.has(key), data);
        change.written += 1;
      }
      stored.delete(key);
    }
    for (const key of stored.keys()) {
      const [locale, slug] = key.split('/') as [string, string];
      stories.remove(locale, slug);
      change.removed += 1;
    }
    db.prepare('DELETE FROM terms').run();
    const term = db.prepare('INSERT INTO terms (kind, key, position, data) VALUES (?, ?, ?, ?)');
    index.tags.forEach((t, i) => term.run('tag', t.slug, i, JSON.stringify(t)));
    index.sections.forEach((t, i) => term.run('section', t.slug, i, JSON.stringify(t)));
    index.authors.forEach((a, i) => term.run('author', a.id, i, JSON.stringify(a)));
    db.prepare('DELETE FROM site_pages').run();
    const page = db.prepare('INSERT INTO site_pages (locale, slug, position, data) VALUES (?, ?, ?, ?)');
    index.pages.forEach((p, i) => page.run(p.locale, p.slug, i, JSON.stringify(p)));
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('preview', index.preview ? '1' : '0');
    stampStore(db, stamp);
    const named = new Set([...index.articles.map((a) => a.bodyHash), ...index.pages.map((p) => p.bodyHash)]);
    dropUnnamedBodies(
      db,
      (db.prepare('SELECT hash FROM bodies').pluck().all() as string[]).filter((h) => !named.has(h)),
    );
  })();
  return change;
}

/** Reads a store of this version, read-only; undefined when there is none (or one of another version). */
export function readStore<T>(file: string, read: (db: Database.Database) => T): T | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) === STORE_VERSION ? read(db) : undefined;
  } finally {
    db.close();
  }
}

/** The slugs of the stories a store shows at `at`. */
export const readPublishedSlugs = (file: string, at: number) =>
  readStore(
    file,
    (db) =>
      new Set(db.prepare('SELECT DISTINCT slug FROM articles WHERE published_at <= ?').pluck().all(at) as string[]),
  );

/** The whole index a store holds, scheduled stories and drafts included: what the pipeline compares. */
export function readIndexFromStore(file: string): ContentIndex | undefined {
  return readStore(file, (db) => {
    const rows = <T>(sql: string, ...params: unknown[]) =>
      (
        db
          .prepare(sql)
          .pluck()
          .all(...params) as string[]
      ).map((data) => JSON.parse(data) as T);
    return {
      articles: rows<ArticleSummary>('SELECT data FROM articles a ORDER BY a.published_at DESC, a.slug ASC'),
      tags: rows('SELECT data FROM terms WHERE kind = ? ORDER BY position', 'tag'),
      sections: rows('SELECT data FROM terms WHERE kind = ? ORDER BY position', 'section'),
      authors: rows('SELECT data FROM terms WHERE kind = ? ORDER BY position', 'author'),
      pages: rows('SELECT data FROM site_pages ORDER BY position'),
      preview: db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('preview') === '1',
    };
  });
}

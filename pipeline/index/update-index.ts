// A publish's index step (pipeline/publish.ts): takes in only the story folders changed since the
// last publish and updates the content store in place, asking the store for what the changed stories
// need (the other stories' candidates for related pieces, the listings they enter, the bodies they
// leave), so that its cost follows the change, not the archive. It declines (undefined) whenever the
// store may not be what the full step (write-index.ts) would have left, and the publish then runs
// that; update-index.test.ts checks that both leave the same store.
import path from 'node:path';
import Database from 'better-sqlite3';
import { locales, type Locale } from '@/i18n/locales';
import { storeFile, revisionFile } from '@/lib/content-files';
import type { ArticleSummary, ContentProblem } from '@/lib/content-model';
import { listingSource, LISTING_ORDER, type ArticleFilter } from '@/lib/content-store';
import { FEED_SIZE } from '@/lib/feeds';
import { checkChangedFiles, placeProblems } from '../check/check-content';
import { formatProblems } from '../check/format';
import type { Converter } from '../convert';
import { contentSchemas } from '../schema';
import { writeAtomically } from '../files';
import { feedBodyHtml } from '../feed-html';
import type { IndexChange } from '../publish-tags';
import { readGeneratedDirs, readGlossary, type GeneratedContent } from './generated';
import { RELATED_COUNT, relatedArticles, type Candidate } from './related';
import { relatedPool } from './related-pool';
import { buildIndex, type RawArticle } from './resolve';
import {
  converterFor,
  glossaryTerms,
  indexKey,
  reportConversions,
  resolveInput,
  saveConversions,
  startBodyRun,
  writeArticleBody,
  type ConversionLog,
} from './write-index';
import {
  BodyWriter,
  dropUnnamedBodies,
  openStoreForWriting,
  readStamp,
  readStore,
  stampStore,
  storyWriter,
  type IndexStamp,
} from './write-store';

const contentDir = process.env.CONTENT_DIR ?? 'content';

const keyOf = (a: { locale: string; slug: string }) => `${a.locale}/${a.slug}`;
const parse = (data: string) => JSON.parse(data) as ArticleSummary;
// One format for every time compared in the related choice (the store keeps milliseconds).
const instant = (ms: number) => new Date(ms).toISOString();

const candidateOf = (a: ArticleSummary): Candidate => ({
  slug: a.slug,
  tagSlugs: a.tagSlugs,
  sectionSlug: a.sectionSlug,
  publishedAt: instant(Date.parse(a.publishedAt)),
  sponsor: a.sponsor,
  furtherReading: a.furtherReading,
});

/** What a story is as a candidate for other stories' related pieces; undefined while not published. */
const candidacy = (a: ArticleSummary | undefined, now: number) =>
  a && Date.parse(a.publishedAt) <= now
    ? JSON.stringify([Date.parse(a.publishedAt), [...a.tagSlugs].sort(), a.sectionSlug, Boolean(a.sponsor)])
    : undefined;

/** What a story's own related pieces are chosen by, besides the other stories. */
const choiceOf = (a: ArticleSummary) =>
  JSON.stringify([a.publishedAt, [...a.tagSlugs].sort(), a.sectionSlug, Boolean(a.sponsor), a.furtherReading]);

/**
 * Whether the store can be updated in place: of this version, not the preview's, written with the
 * same converter, compiler and renderer (`key`, when known).
 */
function storeStamp(key?: string): IndexStamp | undefined {
  if (process.env.INCLUDE_DRAFTS === '1') return undefined;
  return readStore(storeFile, (db) => {
    if (db.prepare("SELECT value FROM meta WHERE key = 'preview'").pluck().get() === '1') return undefined;
    const stamp = readStamp(db);
    return stamp && (key === undefined || stamp.key === key) ? stamp : undefined;
  });
}

/** The story folder (under articles/) an article file is in. */
const folderOf = (sourceFile: string) => path.posix.dirname(sourceFile).slice('articles/'.length);

/**
 * A publish's check of the story files it changed, each on its own and its links against the store
 * (pipeline/check/check-content.ts checkChangedFiles); the rules across files follow in
 * updateContentIndex. Undefined when the store cannot be updated in place, or when a story that is
 * published now leaves (withdrawn, removed, or moved to a later time): other stories may link to it,
 * which only the full check, reading every file, finds.
 */
export function checkChangedStories(files: ReadonlySet<string>, now = new Date()): ContentProblem[] | undefined {
  if (!storeStamp()) return undefined;
  const at = now.getTime();
  const db = new Database(storeFile, { readonly: true });
  try {
    const published = db.prepare('SELECT 1 FROM articles WHERE slug = ? AND published_at <= ? LIMIT 1').pluck();
    const page = db.prepare('SELECT 1 FROM site_pages WHERE slug = ? LIMIT 1').pluck();
    const live = (a: RawArticle) => !a.draft && Date.parse(a.publishedAt) <= at;
    const slugOf = (file: string) => path.posix.basename(path.posix.dirname(file));
    const { problems, articles } = checkChangedFiles({
      contentDir,
      publicDir: path.resolve(process.env.PUBLIC_DIR ?? 'public'),
      schemas: contentSchemas,
      files,
      articleExists: (slug, changed) =>
        changed.some((a) => slugOf(a.sourceFile) === slug && live(a)) ||
        (!changed.some((a) => slugOf(a.sourceFile) === slug) && published.get(slug, at) !== undefined),
      sitePageExists: (slug) => page.get(slug) !== undefined,
    });
    const slugs = new Set([...files].map(slugOf));
    const leaving = [...slugs].some(
      (slug) =>
        published.get(slug, at) !== undefined && !articles.some((a) => slugOf(a.sourceFile) === slug && live(a)),
    );
    return leaving ? undefined : problems;
  } finally {
    db.close();
  }
}

/**
 * Builds the converter an update will take (about a second at start: the dictionaries and the
 * vocabulary), from the glossary as last compiled: a publish calls it while its compile runs. A
 * glossary changed since is not a change of stories only, and does not come here.
 */
export function prepareUpdate(): void {
  const generated = readGeneratedDirs();
  if (generated) converterFor(glossaryTerms(readGlossary(generated)));
}

/**
 * Updates the store for the story folders changed since the last publish (relative to
 * content/articles/). Returns what changed; null, with the problems printed, when content is wrong
 * (nothing is written); undefined when the store cannot be updated in place and the full index step
 * must run: no store yet, another converter, glossary, vocabulary or renderer, or other names.
 */
export function updateContentIndex(
  content: GeneratedContent,
  folders: ReadonlySet<string>,
  now = new Date(),
): IndexChange | null | undefined {
  const started = performance.now();
  const terms = glossaryTerms(content.glossary);
  const converter = converterFor(terms);
  const stamp = storeStamp(indexKey(converter));
  if (!stamp) return undefined;
  const log: ConversionLog = { ms: 0, replaced: new Map() };
  const db = openStoreForWriting(storeFile);
  try {
    const resolved = resolveChanged(db, content, folders, { terms, converter, log, now });
    if (!resolved) return resolved;
    const { before, after } = resolved;
    const { others, takingLater } = linkRelated(db, resolved, now.getTime(), stamp.at);
    const run = writeBodies(db, content, before, after, { converter, log, at: now.getTime() });

    const stories: IndexChange['stories'] = [];
    for (const [key, now] of after) {
      const was = before.get(key);
      if (!was || JSON.stringify(was) !== JSON.stringify(now)) stories.push({ was, now });
    }
    for (const [key, was] of before) if (!after.has(key)) stories.push({ was });
    stories.push(...others);
    const change = writeStories(db, stories, { at: now.getTime(), key: stamp.key }, takingLater);
    writeAtomically(revisionFile, JSON.stringify({ revision: now.toISOString() }));
    console.log(
      `Indexed ${after.size} article(s) of ${folders.size} changed story folder(s) (${before.size} before), ` +
        `${others.length} other stor${others.length === 1 ? 'y' : 'ies'} with new related pieces, in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    if (run.derived > 0) reportConversions([...after.values()], run);
    return change;
  } finally {
    db.close();
  }
}

type Conversion = { terms: { hant: string; hans: string }[]; converter: Converter; log: ConversionLog; now: Date };

/**
 * The changed folders' stories before (as stored) and after (resolved against the names, which must
 * be the stored ones, and the other stories); null, with the problems printed, when content is wrong;
 * undefined when the names changed (the full step's to write).
 */
/** The changed stories as stored (and which of them took a piece from after them) and as they are now. */
type Resolved = {
  before: Map<string, ArticleSummary>;
  after: Map<string, ArticleSummary>;
  tookLater: ReadonlySet<string>;
};

function resolveChanged(
  db: Database.Database,
  content: GeneratedContent,
  folders: ReadonlySet<string>,
  { terms, converter, log, now }: Conversion,
): Resolved | null | undefined {
  const at = now.getTime();
  const slugs = [...folders].map((f) => path.posix.basename(f));
  const storedStory = db.prepare('SELECT MIN(published_at) FROM articles WHERE slug = ?').pluck();
  const { index, problems } = buildIndex({
    ...resolveInput(
      {
        ...content,
        allArticles: content.allArticles.filter((a) => folders.has(folderOf(a._raw.sourceFilePath))),
        allSitePages: [],
      },
      terms,
      converter,
      log,
      now,
    ),
    otherStory: (slug) => {
      if (slugs.includes(slug)) return undefined;
      const time = storedStory.get(slug) as number | null;
      return time === null ? undefined : time <= at ? 'linkable' : 'written';
    },
  });
  const select = db.prepare('SELECT data, takes_later FROM articles WHERE slug = ?');
  const rows = slugs.flatMap((slug) => select.all(slug) as { data: string; takes_later: number }[]);
  const stored = rows.map((row) => parse(row.data));
  // A slug is a story's address: a new folder may not take one another folder holds.
  for (const other of stored.filter((a) => !folders.has(folderOf(a.sourceFile)))) {
    for (const mine of index.articles.filter(
      (a) => a.slug === other.slug && a.locale === other.locale && !a.derivedFrom,
    )) {
      problems.push({
        file: mine.sourceFile,
        message: `文章代稱「${mine.slug}」已經由 ${other.sourceFile} 使用`,
        fix: '每篇文章的代稱（資料夾名稱）必須獨一無二：替這篇換一個資料夾名稱',
      });
    }
  }
  if (problems.length > 0) {
    console.error(formatProblems(placeProblems(problems, contentDir), contentDir));
    return null;
  }
  // Names are the full step's to change (a tag, section or author file changed): then it runs.
  const names = (kind: string) =>
    JSON.stringify(db.prepare('SELECT data FROM terms WHERE kind = ? ORDER BY position').pluck().all(kind));
  const same = (kind: string, list: unknown[]) => names(kind) === JSON.stringify(list.map((t) => JSON.stringify(t)));
  if (!same('tag', index.tags) || !same('section', index.sections) || !same('author', index.authors)) return undefined;
  return {
    before: new Map(stored.map((a) => [keyOf(a), a])),
    tookLater: new Set(stored.filter((_, i) => rows[i]!.takes_later === 1).map(keyOf)),
    after: new Map(index.articles.map((a) => [keyOf(a), a])),
  };
}

/** Puts the changed stories' bodies in the store, and the feed HTML of every story a changed listing now shows. */
function writeBodies(
  db: Database.Database,
  content: GeneratedContent,
  before: ReadonlyMap<string, ArticleSummary>,
  after: ReadonlyMap<string, ArticleSummary>,
  { converter, log, at }: { converter: Converter; log: ConversionLog; at: number },
) {
  const bySource = new Map(content.allArticles.map((a) => [a._raw.sourceFilePath, a.body]));
  const bodies = new BodyWriter(db);
  const run = startBodyRun(converter, log);
  const inFeeds = feedStories(db, before, after, at);
  for (const article of after.values()) {
    const source = bySource.get(article.sourceFile);
    if (!source) throw new Error(`No compiled body for ${article.sourceFile}`);
    writeArticleBody(run, article, source, bodies, inFeeds.mine.has(keyOf(article)));
  }
  for (const story of inFeeds.others) {
    if (bodies.hasFeedHtml(story.bodyHash, story.locale)) continue;
    const body = bodies.body(story.bodyHash);
    if (body) bodies.addFeedHtml(story.bodyHash, story.locale, feedBodyHtml(body, story.locale, story.sponsored));
  }
  bodies.flush();
  saveConversions(run, { keepEarlier: true });
  return run;
}

/** Writes the changed stories in one transaction, and says what changed, with who pointed to them before and after. */
function writeStories(
  db: Database.Database,
  stories: IndexChange['stories'],
  stamp: IndexStamp,
  takingLater: ReadonlySet<string>,
): IndexChange {
  const pointing = db.prepare('SELECT slug FROM article_links WHERE locale = ? AND target = ?').pluck();
  const pointed = () =>
    new Map(
      stories.map(({ was, now }) => (now ?? was)!).map((a) => [keyOf(a), pointing.all(a.locale, a.slug) as string[]]),
    );
  const pointedBefore = pointed();
  const write = storyWriter(db);
  db.transaction(() => {
    for (const { was, now } of stories) {
      if (now) write.write(now, takingLater.has(keyOf(now)));
      else write.remove(was!.locale, was!.slug);
    }
    stampStore(db, stamp);
    dropUnnamedBodies(
      db,
      stories.flatMap(({ was, now }) => (was && was.bodyHash !== now?.bodyHash ? [was.bodyHash] : [])),
    );
  })();
  return {
    first: false,
    names: false,
    searchNames: false,
    pages: [],
    stories,
    pointedBefore,
    pointedAfter: pointed(),
    paths: () => [],
  };
}

/**
 * Fills in the changed stories' related pieces (pipeline/index/related.ts), chosen as the full step
 * chooses them, among every story of the script published by now; and returns the other stories whose
 * pieces that changes, with their new ones, and which stories written now take a piece from after
 * them. The others are the stories that had a changed story (or one that went live since the last
 * write) among their candidates: the ones published after it, and the first stories of the archive,
 * which take pieces from after them (the store marks them).
 */
function linkRelated(
  db: Database.Database,
  { before, after, tookLater }: Resolved,
  at: number,
  lastWrite: number,
): { others: IndexChange['stories']; takingLater: Set<string> } {
  const takingLater = new Set<string>();
  const changedOthers: IndexChange['stories'] = [];
  for (const locale of locales) {
    const mine = [...after.values()].filter((a) => a.locale === locale);
    const changed = new Set([...before.values(), ...mine].filter((a) => a.locale === locale).map((a) => a.slug));
    const wentLive = db
      .prepare('SELECT MIN(published_at) FROM articles WHERE locale = ? AND published_at > ? AND published_at <= ?')
      .pluck()
      .get(locale, lastWrite, at) as number | null;
    if (changed.size === 0 && wentLive === null) continue;

    // The earliest time a candidate came, went or changed: later stories may choose otherwise now.
    const moved = [...changed].flatMap((slug) => {
      const was = before.get(`${locale}/${slug}`);
      const now = after.get(`${locale}/${slug}`);
      return candidacy(was, at) === candidacy(now, at)
        ? []
        : [was, now].flatMap((a) => (a && Date.parse(a.publishedAt) <= at ? [Date.parse(a.publishedAt)] : []));
    });
    if (wentLive !== null) moved.push(wentLive);
    const since = moved.length > 0 ? Math.min(...moved) : undefined;
    const affected =
      since === undefined
        ? []
        : (
            db
              .prepare(
                `SELECT data FROM articles WHERE locale = ? AND published_at >= ?
                 UNION SELECT data FROM articles WHERE locale = ? AND takes_later = 1`,
              )
              .pluck()
              .all(locale, since, locale) as string[]
          )
            .map(parse)
            .filter((a) => !changed.has(a.slug));
    // No candidate moved and these stories chose on the same terms: their pieces stand (a body fix).
    const same = (a: ArticleSummary) => {
      const was = before.get(keyOf(a));
      return was !== undefined && choiceOf(was) === choiceOf(a);
    };
    if (since === undefined && mine.every(same)) {
      for (const a of mine) {
        a.related = before.get(keyOf(a))!.related;
        if (tookLater.has(keyOf(a))) takingLater.add(keyOf(a));
      }
      continue;
    }
    const choosers = [...mine, ...affected].map(candidateOf);
    const published = mine.filter((a) => Date.parse(a.publishedAt) <= at).map(candidateOf);
    const { pool, counts } = relatedPool(db, locale, { choosers, published, at, leaving: changed });
    const later = new Set<string>();
    const related = relatedArticles(choosers, RELATED_COUNT, pool, later, counts);
    for (const slug of later) takingLater.add(`${locale}/${slug}`);
    for (const a of mine) a.related = related.get(a.slug) ?? [];
    for (const was of affected) {
      const pieces = related.get(was.slug) ?? [];
      if (JSON.stringify(pieces) !== JSON.stringify(was.related))
        changedOthers.push({ was, now: { ...was, related: pieces } });
    }
  }
  return { others: changedOthers, takingLater };
}

type FeedStory = { locale: Locale; bodyHash: string; sponsored: boolean };

/** The listings a story is in (home, its section, tags and authors), as the store filters them. */
const listingsOf = (a: ArticleSummary): ArticleFilter[] => [
  { locale: a.locale },
  { locale: a.locale, section: a.sectionSlug },
  ...a.tagSlugs.map((tag) => ({ locale: a.locale, tag })),
  ...a.authorIds.map((author) => ({ locale: a.locale, author })),
];

/**
 * The stories whose feed HTML the store needs after this change (pipeline/index/feed-stories.ts):
 * of the changed ones (`mine`, by `locale/slug`), those scheduled or among the newest FEED_SIZE of a
 * listing; of the others, those a listing of a changed story shows from now on (a newer one left it).
 */
function feedStories(
  db: Database.Database,
  before: ReadonlyMap<string, ArticleSummary>,
  after: ReadonlyMap<string, ArticleSummary>,
  at: number,
) {
  const mine = new Set<string>();
  const others: FeedStory[] = [];
  const changed = new Set([...before.keys(), ...after.keys()]);
  const listings = new Map<string, ArticleFilter>();
  for (const a of [...before.values(), ...after.values()]) {
    if (Date.parse(a.publishedAt) <= at)
      for (const filter of listingsOf(a)) listings.set(JSON.stringify(filter), filter);
    else if (after.has(keyOf(a))) mine.add(keyOf(a));
  }
  for (const [name, filter] of listings) {
    const { from, where, key } = listingSource(filter);
    const stored = (
      db
        .prepare(
          `SELECT a.slug, a.published_at, a.body_hash, a.sponsored FROM ${from} WHERE ${where} ${LISTING_ORDER} LIMIT ?`,
        )
        .raw()
        .all(...key, at, FEED_SIZE + changed.size) as [string, number, string, number][]
    ).filter(([slug]) => !changed.has(`${filter.locale}/${slug}`));
    const entering = [...after.values()].filter(
      (a) => Date.parse(a.publishedAt) <= at && listingsOf(a).some((f) => JSON.stringify(f) === name),
    );
    const shown = [
      ...stored.map(([slug, time, bodyHash, sponsored]) => ({
        slug,
        time,
        story: { locale: filter.locale, bodyHash, sponsored: sponsored === 1 },
      })),
      ...entering.map((a) => ({ slug: a.slug, time: Date.parse(a.publishedAt), story: undefined })),
    ]
      .sort((x, y) => y.time - x.time || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0))
      .slice(0, FEED_SIZE);
    for (const { slug, story } of shown) {
      if (story) others.push(story);
      else mine.add(`${filter.locale}/${slug}`);
    }
  }
  return { mine, others };
}

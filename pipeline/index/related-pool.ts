// The candidates a publish's related choice needs, read from the content store (pipeline/index/
// update-index.ts): the stories sharing a tag with the changed ones and their nearest neighbours,
// where loading the whole archive cost a publish seconds at 50,000 stories. related-pool.test.ts
// checks that the choice is the one the whole archive gives.
import type Database from 'better-sqlite3';
import type { Locale } from '@/i18n/locales';
import { isEarlier, RELATED_COUNT, type Candidate, type EarlierCounts } from './related';

// One format for every time compared in the related choice (the store keeps milliseconds).
const instant = (ms: number) => new Date(ms).toISOString();

/** A story's row in the store (slug, time, section, sponsored) as a candidate with these tags. */
type Row = [string, number, string, number];
const sponsor = { name: '' };
const candidateOf = ([slug, publishedAt, section, sponsored]: Row, tagSlugs: string[]): Candidate => ({
  slug,
  publishedAt: instant(publishedAt),
  tagSlugs,
  sectionSlug: section,
  sponsor: sponsored ? sponsor : undefined,
});

/**
 * Past this many stories choosing at once (an old story's tags changed, and every later story chooses
 * again), one read of the whole script costs less than the reads for each.
 */
export const WHOLE_SCRIPT_PAST = 500;

/** Every story of the script published by `at`, but those leaving, as candidates with all their tags. */
function everyCandidate(db: Database.Database, locale: Locale, at: number, leaving: ReadonlySet<string>): Candidate[] {
  const tags = new Map<string, string[]>();
  for (const [slug, tag] of db
    .prepare('SELECT slug, tag FROM article_tags WHERE locale = ? AND published_at <= ?')
    .raw()
    .iterate(locale, at) as Iterable<[string, string]>) {
    const list = tags.get(slug);
    if (list) list.push(tag);
    else tags.set(slug, [tag]);
  }
  return (
    db
      .prepare('SELECT slug, published_at, section, sponsored FROM articles WHERE locale = ? AND published_at <= ?')
      .raw()
      .all(locale, at) as Row[]
  )
    .filter(([slug]) => !leaving.has(slug))
    .map((row) => candidateOf(row, tags.get(row[0]) ?? []));
}

/** The condition on a table's rows: a story of the script published by then, not leaving. */
type Stays = (table: string) => string;

/** The store's reads for the pool, as prepared statements. */
function statements(db: Database.Database, stays: Stays) {
  const row = 'articles.slug, articles.published_at, articles.section, articles.sponsored';
  const sameTime = db.prepare(`SELECT ${row} FROM articles WHERE ${stays('articles')} AND published_at = ?`).raw();
  const tagged = db
    .prepare(
      `SELECT ${row} FROM article_tags JOIN articles USING (locale, slug)
       WHERE ${stays('article_tags')} AND article_tags.tag = ? AND article_tags.published_at <= ?`,
    )
    .raw();
  // The nearest stories before (or after) a time: the time of the farthest one needed, then every
  // story up to it, taken whole at that time, as the choice orders one time's stories by slug. A
  // statement for the section apart, so that SQLite walks its index (a section of few stories is
  // otherwise a walk of the whole script).
  const inSection = (section: boolean) => (section ? 'AND section = ?' : 'AND ? IS NULL');
  const farthest = (direction: 'before' | 'after', section: boolean) =>
    db
      .prepare(
        `SELECT published_at FROM articles WHERE ${stays('articles')} AND sponsored <= ? ${inSection(section)}
         AND published_at ${direction === 'before' ? '< ? ORDER BY published_at DESC' : '> ? ORDER BY published_at'}
         LIMIT 1 OFFSET ?`,
      )
      .pluck();
  const nearest = (section: boolean) =>
    db
      .prepare(
        `SELECT ${row} FROM articles WHERE ${stays('articles')} AND sponsored <= ? ${inSection(section)}
         AND published_at BETWEEN ? AND ?`,
      )
      .raw();
  const ways = [
    { direction: 'before', far: farthest('before', true), near: nearest(true), section: true },
    { direction: 'before', far: farthest('before', false), near: nearest(false), section: false },
    { direction: 'after', far: farthest('after', false), near: nearest(false), section: false },
  ] as const;
  return { sameTime, tagged, ways };
}

/**
 * What the related choice of these stories (`choosers`) needs of the store, so that it chooses as
 * among every story of the script published by `at` but those `leaving`, plus the changed stories
 * `published` now: the candidates it can pick (every earlier story that shares a tag with one of
 * them, and the nearest before and after each, in its section and in the script, enough to top up
 * its list past the pieces it may not take), and the counts that weigh a shared tag, from the whole
 * archive. A candidate's tags are those it shares with the choosers: the only ones the choice reads
 * when it is given the counts. Many choosers get the whole script instead, and no counts.
 */
export function relatedPool(
  db: Database.Database,
  locale: Locale,
  {
    choosers,
    published,
    at,
    leaving,
  }: { choosers: Candidate[]; published: Candidate[]; at: number; leaving: ReadonlySet<string> },
): { pool: Candidate[]; counts?: EarlierCounts } {
  // The whole script: the choice counts in its pool.
  if (choosers.length > WHOLE_SCRIPT_PAST) return { pool: [...everyCandidate(db, locale, at, leaving), ...published] };
  const away = JSON.stringify([...leaving]);
  const stays: Stays = (table) =>
    `${table}.locale = ? AND ${table}.published_at <= ? AND ${table}.slug NOT IN (SELECT value FROM json_each(?))`;
  const { sameTime, tagged, ways } = statements(db, stays);
  const stored = new Map<string, Candidate>();
  const add = (rows: unknown[], tag?: string) => {
    for (const row of rows as Row[]) {
      let candidate = stored.get(row[0]);
      if (!candidate) stored.set(row[0], (candidate = candidateOf(row, [])));
      if (tag !== undefined && !candidate.tagSlugs.includes(tag)) candidate.tagSlugs.push(tag);
    }
  };
  for (const c of choosers) {
    const time = Date.parse(c.publishedAt);
    add(sameTime.all(locale, at, away, time));
    for (const tag of c.tagSlugs) add(tagged.all(locale, at, away, tag, time), tag);
    // Past these many, the top-up has what it needs: its count, besides the story itself and its further reading.
    const enough = RELATED_COUNT + (c.furtherReading?.length ?? 0) + 1;
    const sponsored = c.sponsor === undefined ? 0 : 1;
    for (const { direction, far, near, section } of ways) {
      const where = section ? c.sectionSlug : null;
      const reached = far.get(locale, at, away, sponsored, where, time, enough - 1) as number | undefined;
      const [from, to] =
        direction === 'before'
          ? [reached ?? Number.MIN_SAFE_INTEGER, time - 1]
          : [time + 1, reached ?? Number.MAX_SAFE_INTEGER];
      add(near.all(locale, at, away, sponsored, where, from, to));
    }
  }

  return {
    pool: [...stored.values(), ...published],
    counts: earlierCounts(db, locale, { at, away, stays }, stored.values(), published),
  };
}

/**
 * The counts of stories before a chooser, in all and with a tag: the store counts those of an
 * earlier time, and the pool those it does not (the stories of the same time, which the choice orders
 * by slug, and the changed ones, which are not in the store).
 */
function earlierCounts(
  db: Database.Database,
  locale: Locale,
  { at, away, stays }: { at: number; away: string; stays: Stays },
  stored: Iterable<Candidate>,
  published: Candidate[],
): EarlierCounts {
  const countAll = db.prepare(`SELECT COUNT(*) FROM articles WHERE ${stays('articles')} AND published_at < ?`).pluck();
  const countTag = db
    .prepare(`SELECT COUNT(*) FROM article_tags WHERE ${stays('article_tags')} AND tag = ? AND published_at < ?`)
    .pluck();
  const byTime = new Map<string, Candidate[]>();
  for (const s of stored) byTime.set(s.publishedAt, [...(byTime.get(s.publishedAt) ?? []), s]);
  const unstored = (c: Candidate, tag?: string) =>
    [...(byTime.get(c.publishedAt) ?? []), ...published].filter(
      (s) => isEarlier(s, c) && (tag === undefined || s.tagSlugs.includes(tag)),
    ).length;
  return {
    all: (c) => (countAll.get(locale, at, away, Date.parse(c.publishedAt)) as number) + unstored(c),
    withTag: (c, tag) => (countTag.get(locale, at, away, tag, Date.parse(c.publishedAt)) as number) + unstored(c, tag),
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEarlier, RELATED_COUNT, relatedArticles, type Candidate } from './related';
import { relatedPool, WHOLE_SCRIPT_PAST } from './related-pool';
import { openStoreForWriting } from './write-store';

// A publish chooses related pieces among the candidates relatedPool reads from the store, with the
// archive's counts; the full index step chooses among every story. On a store made to trip it
// (stories sharing a time, sponsored ones, scheduled ones, a section of few stories, stories leaving),
// both choices, the stories taking later pieces and the counts must be the same.

/** A seeded generator: the same store every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'related-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relatedPool', () => {
  const next = random(33);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const day = 86_400_000;
  const start = Date.UTC(2020, 0, 1);
  // Few distinct times, so that many stories share one and the choice orders them by slug.
  const times = Array.from({ length: 400 }, (_, i) => start + i * day);
  // A few tags on many stories, many on a few.
  const tags = Array.from({ length: 40 }, (_, i) => `tag-${i}`);
  const tagOf = () => tags[Math.floor(next() ** 2 * tags.length)]!;
  const sections = ['tech', 'business', 'science', 'rare'];
  const sectionOf = () => (next() < 0.02 ? 'rare' : pick(sections.slice(0, 3)));
  const story = (slug: string, time: number, extra: Partial<Candidate> = {}): Candidate => ({
    slug,
    publishedAt: new Date(time).toISOString(),
    tagSlugs: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, tagOf))],
    sectionSlug: sectionOf(),
    sponsor: next() < 0.15 ? { name: '' } : undefined,
    ...extra,
  });
  const stored = Array.from({ length: 600 }, (_, i) => story(`story-${String(i).padStart(3, '0')}`, pick(times)));
  // The stories' time runs past `at`: those after it are scheduled.
  const at = times[360]!;

  const db = openStoreForWriting(path.join(dir, 'content.db'));
  const addStory = db.prepare(
    `INSERT INTO articles (locale, slug, published_at, section, featured, sponsored, body_hash, takes_later, data)
     VALUES ('zh-Hant', ?, ?, ?, 0, ?, '', 0, '{}')`,
  );
  const addTag = db.prepare("INSERT INTO article_tags (locale, tag, published_at, slug) VALUES ('zh-Hant', ?, ?, ?)");
  for (const s of stored) {
    addStory.run(s.slug, Date.parse(s.publishedAt), s.sectionSlug, s.sponsor ? 1 : 0);
    for (const tag of s.tagSlugs) addTag.run(tag, Date.parse(s.publishedAt), s.slug);
  }

  // The stories a publish changes: new ones (one at a time others share, one sponsored, one with
  // further reading, one scheduled, one in the section of few), and stored ones leaving.
  const byTime = [...stored].sort((a, b) => (isEarlier(a, b) ? 1 : -1));
  // A story no other shares a tag with fills its list from its section, then from the nearest
  // stories, past the sponsored ones and those it lists as further reading; the first of all, from after it.
  const editorialBefore = byTime.filter((s) => Date.parse(s.publishedAt) < times[200]! && !s.sponsor);
  const nearestBefore = [
    ...editorialBefore.filter((s) => s.sectionSlug === 'rare').slice(0, 3),
    ...editorialBefore.slice(0, 3),
  ];
  const published = [
    story('new-lonely', times[200]!, {
      tagSlugs: ['tag-alone'],
      sectionSlug: 'rare',
      furtherReading: nearestBefore.map((s) => s.slug),
    }),
    story('new-first', start - day, { tagSlugs: ['tag-alone-too'] }),
    story('new-now', at),
    story('new-shared-time', times[150]!),
    story('new-sponsored', times[359]!, { sponsor: { name: '' } }),
    story('new-reading', times[250]!, { furtherReading: stored.slice(0, 4).map((s) => s.slug) }),
    story('new-rare', times[300]!, { sectionSlug: 'rare' }),
  ];
  const scheduled = story('new-later', times[390]!);
  const leaving = new Set([...stored.slice(10, 20).map((s) => s.slug), ...published.map((s) => s.slug), 'new-later']);
  // Stored stories choosing again: the first of the archive (they take pieces from after them), and others.
  const affected = [...byTime.slice(-3), ...byTime.slice(100, 103)].filter((s) => !leaving.has(s.slug));
  const choosers = [...published, scheduled, ...affected];
  const everyCandidate = [
    ...stored.filter((s) => Date.parse(s.publishedAt) <= at && !leaving.has(s.slug)),
    ...published,
  ];

  it('chooses as among every story, with the same stories taking later pieces', () => {
    const { pool, counts } = relatedPool(db, 'zh-Hant', { choosers, published, at, leaving });
    const laterAll = new Set<string>();
    const laterPool = new Set<string>();
    const fromAll = relatedArticles(choosers, RELATED_COUNT, everyCandidate, laterAll);
    const fromPool = relatedArticles(choosers, RELATED_COUNT, pool, laterPool, counts);
    expect(fromPool).toEqual(fromAll);
    expect(laterPool).toEqual(laterAll);
    expect(laterAll.size).toBeGreaterThan(0);
  });

  it('reads the stories a choice can pick, not the archive', () => {
    const narrow = story('new-narrow', at, { tagSlugs: ['tag-39'] });
    const { pool } = relatedPool(db, 'zh-Hant', { choosers: [narrow], published: [narrow], at, leaving });
    expect(pool.length).toBeLessThan(everyCandidate.length / 10);
    expect(relatedArticles([narrow], RELATED_COUNT, pool).get('new-narrow')).toHaveLength(RELATED_COUNT);
  });

  it('reads the whole script when most of it chooses again, and then chooses the same', () => {
    const many = everyCandidate.filter((s) => !published.includes(s));
    expect(many.length).toBeGreaterThan(WHOLE_SCRIPT_PAST);
    const { pool, counts } = relatedPool(db, 'zh-Hant', { choosers: many, published, at, leaving });
    expect(counts).toBeUndefined();
    expect(new Set(pool.map((s) => s.slug))).toEqual(new Set(everyCandidate.map((s) => s.slug)));
    expect(relatedArticles(many, RELATED_COUNT, pool)).toEqual(relatedArticles(many, RELATED_COUNT, everyCandidate));
  });

  it("counts the archive's earlier stories, in all and by tag", () => {
    const { counts } = relatedPool(db, 'zh-Hant', { choosers, published, at, leaving });
    for (const c of choosers) {
      const earlier = everyCandidate.filter((s) => isEarlier(s, c));
      expect(counts!.all(c), c.slug).toBe(earlier.length);
      for (const tag of c.tagSlugs)
        expect(counts!.withTag(c, tag), `${c.slug} ${tag}`).toBe(
          earlier.filter((s) => s.tagSlugs.includes(tag)).length,
        );
    }
  });
});

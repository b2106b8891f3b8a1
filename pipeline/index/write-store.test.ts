import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { indexOf, storeOf, story } from '@/tests/content-index-fixture';
import { BodyWriter, openStoreForWriting, readIndexFromStore, writeIndexToStore } from './write-store';
import type { ContentIndex } from '@/lib/content-model';
import { ContentStore } from '@/lib/content-store';
import { isPagePath } from '@/lib/page-paths';
import { site } from '@/lib/site';

// The content store as servers read it while the pipeline writes it: a real SQLite file, a reader
// on another thread, stories withdrawn and scheduled.

const dir = mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes an index (and a body for each story) to a store file, as the index step does. */
function write(file: string, index: ContentIndex) {
  const db = openStoreForWriting(file);
  const bodies = new BodyWriter(db);
  for (const a of index.articles) bodies.add(a.bodyHash, JSON.stringify({ code: `/* ${a.slug} */`, images: {} }));
  bodies.flush();
  const change = writeIndexToStore(db, index, { at: Date.now(), key: 'test' });
  db.close();
  return change;
}

/** A generation of the archive: every story's title carries its number. */
const generation = (n: number, stories = 60) =>
  indexOf(
    Array.from({ length: stories + (n % 7) }, (_, i) => story(`s${i}`, (i % 28) + 1, { title: `第 ${n} 版` })).flat(),
  );

describe('the content store', () => {
  it('shows a reader on another thread the store before or after a write, never between', async () => {
    const file = path.join(dir, 'swap.db');
    write(file, generation(0));
    // A server's process reads as lib/content-store.ts does: read-only, one statement per question.
    const reader = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.sqlite);
      const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
      const titles = db.prepare("SELECT json_extract(data, '$.title') AS t, COUNT(*) AS n FROM articles GROUP BY t");
      let reads = 0, mixed = 0, seen = new Set();
      const deadline = Date.now() + workerData.ms;
      while (Date.now() < deadline) {
        const rows = titles.all();
        reads += 1;
        if (rows.length !== 1) mixed += 1;
        for (const r of rows) seen.add(r.t + '/' + r.n);
      }
      parentPort.postMessage({ reads, mixed, seen: [...seen] });
      `,
      { eval: true, workerData: { file, ms: 1500, sqlite: createRequire(import.meta.url).resolve('better-sqlite3') } },
    );
    const done = new Promise<{ reads: number; mixed: number; seen: string[] }>((resolve, reject) => {
      reader.once('message', resolve);
      reader.once('error', reject);
    });
    let writes = 0;
    const started = Date.now();
    while (Date.now() - started < 1200) write(file, generation(++writes));
    const { reads, mixed, seen } = await done;
    expect(writes).toBeGreaterThan(5);
    expect(reads).toBeGreaterThan(writes);
    expect(mixed, 'a read saw two generations of titles at once').toBe(0);
    // Each generation is whole: its number of stories goes with its titles.
    for (const entry of seen) {
      const [, n, count] = /^第 (\d+) 版\/(\d+)$/.exec(entry)!;
      expect(Number(count)).toBe(2 * (60 + (Number(n) % 7)));
    }
    expect(seen.length, 'the reader saw the writes land').toBeGreaterThan(1);
  }, 20_000);

  it('writes only the stories that changed, and drops a withdrawn story from every listing', () => {
    const file = path.join(dir, 'withdraw.db');
    const stories = Array.from({ length: 8 }, (_, i) =>
      story(`w${i}`, i + 1, { tagSlugs: ['ai', 'chips'], related: i === 0 ? ['w5'] : [] }),
    ).flat();
    expect(write(file, indexOf(stories))).toEqual({ written: 16, removed: 0 });
    expect(write(file, indexOf(stories))).toEqual({ written: 0, removed: 0 });
    const store = new ContentStore(file);
    expect(store.article('zh-Hant', 'w5')).toBeDefined();
    expect(store.pointing('zh-Hant', 'w5')).toEqual(['w0']);
    expect(store.count({ locale: 'zh-Hant', tag: 'chips' })).toBe(8);
    const body = store.article('zh-Hant', 'w5')!.bodyHash;

    expect(write(file, indexOf(stories.filter((a) => a.slug !== 'w5')))).toEqual({ written: 0, removed: 2 });
    expect(store.article('zh-Hant', 'w5')).toBeUndefined();
    expect(store.count({ locale: 'zh-Hant', tag: 'chips' })).toBe(7);
    expect(store.count({ locale: 'zh-Hans', author: 'newsroom' })).toBe(7);
    expect(store.slugs({ locale: 'zh-Hant', section: 'tech' })).not.toContain('w5');
    expect(store.termCount('zh-Hant', 'tag', 'ai')).toBe(7);
    expect(store.body(body), 'a body no story names is removed').toBeUndefined();
    expect(readIndexFromStore(file)!.articles).toHaveLength(14);
    store.db.close();
  });

  it('shows a scheduled story at its time, in its listings and on its page', () => {
    const at = Date.now();
    const later = new Date(at + 60_000).toISOString();
    const store = storeOf(
      indexOf([...story('now', 1), ...story('later', 2, { publishedAt: later, tagSlugs: ['chips'] })]),
    );
    expect(store.article('zh-Hant', 'later', at)).toBeUndefined();
    expect(store.count({ locale: 'zh-Hant' }, at)).toBe(1);
    expect(store.termCount('zh-Hant', 'tag', 'chips', at)).toBe(0);
    expect(isPagePath('/zh-Hant/articles/later', store)).toBe(false);
    expect(store.nextScheduled(at)).toBe(Date.parse(later));

    const after = at + 61_000;
    expect(store.article('zh-Hant', 'later', after)?.slug).toBe('later');
    expect(store.articles({ locale: 'zh-Hant' }, 0, -1, after).map((a) => a.slug)).toEqual(['later', 'now']);
    expect(store.termCount('zh-Hant', 'tag', 'chips', after)).toBe(1);
    expect(store.wentLive(at, after).map((a) => `${a.locale}/${a.slug}`)).toEqual(['zh-Hans/later', 'zh-Hant/later']);
    expect(store.nextScheduled(after)).toBe(Infinity);
  });

  it('knows which paths are pages: stories, listings and their pages, the site pages', () => {
    const store = storeOf(indexOf(Array.from({ length: site.pageSize + 1 }, (_, i) => story(`p${i}`, i + 1)).flat()));
    for (const path of [
      '/zh-Hant',
      '/zh-Hans/tags',
      '/zh-Hant/search',
      '/zh-Hant/articles/p0',
      '/zh-Hans/page/2',
      '/zh-Hant/tags/ai',
      '/zh-Hant/tags/ai/page/2',
      '/zh-Hant/sections/tech',
      '/zh-Hant/authors/newsroom',
    ])
      expect(isPagePath(path, store), path).toBe(true);
    for (const path of [
      '/zh-Hant/articles/nothing',
      '/zh-Hant/page/1',
      '/zh-Hant/page/3',
      '/zh-Hant/tags/chips',
      '/zh-Hant/tags/ai/page/3',
      '/zh-Hant/sections/none',
      '/zh-Hant/info/about',
      '/zh-Hant/articles/p0/more',
      '/en/articles/p0',
    ])
      expect(isPagePath(path, store), path).toBe(false);
  });

  it('refuses a store written by another version, naming the command that writes it anew', () => {
    const file = path.join(dir, 'old.db');
    write(file, indexOf(story('x', 1)));
    const db = openStoreForWriting(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => new ContentStore(file)).toThrow(/npm run content/);
  });
});

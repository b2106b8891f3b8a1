import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { ContentStore } from '@/lib/content-store';
import { FEED_SIZE } from '@/lib/feeds';
import { listingsOf } from '@/lib/page-paths';
import { projectCopy } from '@/tests/project-copy';
import { readIndexFromStore } from './index/write-store';
import { changedTags, diffIndexes } from './publish-tags';

// A publish at a few hundred stories, through the real content step and store: how many cache tags a
// new story, a fixed body and a new title invalidate. Before the store and tags, a new story
// revalidated every page of every listing it entered and every story whose related cards moved.

const STORIES = 200;
const { run, dir } = projectCopy();
const corpus = () => path.join(dir(), 'corpus');
const stored = () => readIndexFromStore(path.join(dir(), '.contentlayer', 'site', 'content.db'))!;
const content = () => {
  const result = run('content', [], { CONTENT_DIR: corpus() });
  expect(result.status, result.output).toBe(0);
};

describe(`a publish at ${STORIES} stories`, () => {
  it('invalidates a bounded set of tags: its own pages, its listings and feeds, no other story', () => {
    const made = spawnSync('npx', ['tsx', 'bench/corpus.ts', '--articles', String(STORIES), '--out', corpus()], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    content();
    const before = stored();
    expect(before.articles.length).toBeGreaterThan(STORIES);

    // A new story: the newest one copied under a new name and dated an hour ago, in Taipei time.
    const anHourAgo = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 19);
    const newest = before.articles.find((a) => a.locale === 'zh-Hant' && !a.derivedFrom)!;
    const source = path.join(corpus(), newest.sourceFile);
    const folder = path.join(path.dirname(path.dirname(source)), 'a-new-story');
    cpSync(path.dirname(source), folder, { recursive: true });
    for (const file of readdirSync(folder)) {
      const target = path.join(folder, file);
      const dated = readFileSync(target, 'utf8').replace(/^publishedAt: .*$/m, `publishedAt: ${anHourAgo}`);
      writeFileSync(target, dated);
    }
    content();
    const added = changedTags(diffIndexes(before, stored())).tags;
    const stories = added.filter((t) => t.startsWith('c:story:'));
    expect(stories.sort()).toEqual(['c:story:zh-Hans/a-new-story', 'c:story:zh-Hant/a-new-story']);
    // Its listings (home, section, tags, authors: a list and a feed each) in two scripts, the tag
    // list of each script and the sitemaps.
    const { tagSlugs, authorIds } = stored().articles.find((a) => a.slug === 'a-new-story')!;
    const listings = 2 + tagSlugs.length + authorIds.length;
    expect(added).toHaveLength(2 + 2 * 2 * listings + 2 + 1);

    // A fix in a body: the story and its feeds.
    const withNew = stored();
    const file = path.join(folder, 'zh-Hant.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n更正：本文數字已修正。\n`);
    content();
    const fixed = changedTags(diffIndexes(withNew, stored())).tags;
    // The Simplified page changes with it when it is derived from the Traditional file.
    const derived = !readdirSync(folder).includes('zh-Hans.mdx');
    expect(fixed.filter((t) => !t.startsWith('c:feed:')).sort()).toEqual([
      'c:sitemap',
      ...(derived ? ['c:story:zh-Hans/a-new-story'] : []),
      'c:story:zh-Hant/a-new-story',
    ]);
    expect(fixed).toContain('c:feed:zh-Hant:home:');
    expect(fixed).not.toContain('c:list:zh-Hant:home:');

    // Withdrawn: every story a feed shows again has its feed HTML (each listing's next story is back).
    rmSync(folder, { recursive: true });
    content();
    const store = new ContentStore(path.join(dir(), '.contentlayer', 'site', 'content.db'));
    try {
      for (const locale of locales)
        for (const { filter } of listingsOf(store, locale))
          for (const article of store.articles(filter, 0, FEED_SIZE))
            expect(store.feedHtml(article), article.path).toContain('<p>');
    } finally {
      store.db.close();
    }
  }, 600_000);
});

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import { compileBodies, compiledKey, readCompiled } from './mdx-compile';

// The body compile on real worker threads, with its cache in a folder of its own.
const work = mkdtempSync(path.join(os.tmpdir(), 'mdx-compile-'));
const contentDir = path.join(work, 'content');
const cacheDir = path.join(work, 'cache');
process.env.MDX_CACHE_DIR = cacheDir;
afterAll(() => rmSync(work, { recursive: true, force: true }));

const story = (n: number, text = `第 ${n} 則的內文，有**粗體**與 <Term hant="軟體" hans="软件" />。`) => ({
  sourceFile: `articles/story-${n}/zh-Hant.mdx`,
  body: `\n## 小標 ${n}\n\n${text}\n`,
});

describe('compiling bodies by content hash', () => {
  beforeEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('compiles a body once: an unchanged body is taken from the cache, a changed one compiled again', async () => {
    const bodies = [story(1), story(2), story(3)];
    const first = await compileBodies([bodies], { contentDir, threads: 2 });
    expect(first).toMatchObject({ compiled: 3, cached: 0, problems: [] });
    expect(readdirSync(cacheDir)).toHaveLength(3);

    const again = await compileBodies([bodies], { contentDir, threads: 2 });
    expect(again).toMatchObject({ compiled: 0, cached: 3, problems: [] });

    const edited = [story(1), story(2, '改過的內文。'), story(3)];
    const afterEdit = await compileBodies([edited], { contentDir, threads: 2 });
    expect(afterEdit).toMatchObject({ compiled: 1, cached: 2, problems: [] });
    const code = readCompiled(compiledKey(contentHash(edited[1]!.body)), edited[1]!.sourceFile);
    expect(code).toMatch(/^"use strict"/);
    expect(code).toContain('改過的內文。');
  });

  it('compiles many bodies on more than one worker thread, a broken one reported from there too', async () => {
    const bodies = Array.from({ length: 24 }, (_, n) => story(n));
    const broken = { sourceFile: 'articles/story-x/zh-Hant.mdx', body: '\n<Figure src="/a.png"\n' };
    const report = await compileBodies([[...bodies, broken]], { contentDir, threads: 2 });
    expect(report.compiled).toBe(24);
    expect(report.problems).toMatchObject([{ file: broken.sourceFile }]);
    expect(report.threads.size).toBe(2);
    expect(report.threads.has(threadId)).toBe(false);
  });

  it("compiles a publish's few bodies in the calling thread, without starting a pool", async () => {
    const report = await compileBodies([[story(1), story(2)]], { contentDir, threads: 2 });
    expect(report.compiled).toBe(2);
    expect([...report.threads]).toEqual([threadId]);
  });

  it('reports a broken body at its file and line, in Chinese, and caches nothing for it', async () => {
    const sourceFile = 'articles/broken/zh-Hant.mdx';
    const frontMatter = '---\ntitle: 壞掉的文章\nsummary: 摘要\n---\n';
    const body = '\n第一段。\n\n<Callout>\n沒有結尾的元件。\n';
    mkdirSync(path.join(contentDir, 'articles', 'broken'), { recursive: true });
    writeFileSync(path.join(contentDir, sourceFile), frontMatter + body);

    const report = await compileBodies([[story(1)], [{ sourceFile, body }]], { contentDir, threads: 2 });
    expect(report.compiled).toBe(1);
    expect(report.problems).toHaveLength(1);
    const [problem] = report.problems;
    // <Callout> opens on the file's 8th line (4 of front matter, then the body's 4th).
    expect(problem).toMatchObject({
      file: sourceFile,
      line: 8,
      message: expect.stringContaining('<Callout> 沒有結尾'),
    });
    expect(problem!.fix).toContain('</Callout>');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.js'))).toHaveLength(1);
    expect(() => readCompiled(compiledKey(contentHash(body)), sourceFile)).toThrow(/npm run content/);
  });
});

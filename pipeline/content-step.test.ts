import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectCopy } from '@/tests/project-copy';

// Runs the real content step (`npm run content`) on a copy of the project: what it compiles, converts
// and indexes, and what it keeps from the run before.
// Its own copy of the project (tests/project-copy.ts), so that the content tests run side by side.
const { run, withArticle, dir: work, runContentStep } = projectCopy();

describe('the content step', () => {
  const file = 'articles/podcast-advertising/zh-Hant.mdx';

  it('passes on the sample content', () => {
    const { status, output } = runContentStep();
    expect(output).toMatch(/Indexed \d+ articles/);
    expect(status).toBe(0);
  }, 120_000);

  it("builds again after a stopped preview left contentlayer's own package file empty", () => {
    writeFileSync(path.join(work(), '.contentlayer', 'package.json'), '');
    const { status, output } = runContentStep();
    expect(output).not.toMatch(/ConfigReadError/);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(work(), '.contentlayer', 'package.json'), 'utf8'))).toMatchObject({
      name: 'dot-contentlayer',
    });
  }, 120_000);

  it('lists what the converter replaced in each converted file, also when the conversion is kept', () => {
    const story = 'articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
    rmSync(path.join(work(), '.contentlayer', 'site', 'conversions.json'), { force: true });
    const first = runContentStep();
    expect(first.status).toBe(0);
    const report = new RegExp(
      `converted zh-Hant -> zh-Hans: ${story}\\n\\s+vocabulary \\d+: [^\\n]*資料中心→数据中心[^\\n]*\\n\\s+glossary \\d+: [^\\n]*台灣→台湾`,
    );
    expect(first.output).toMatch(report);
    const again = runContentStep();
    expect(again.output).toMatch(/, 0 of them converted now\)/);
    expect(again.output).toMatch(report);
  }, 120_000);

  it("explains one file's conversion with each replacement marked, and the <Term> kept", () => {
    const { status, output } = run('check:content', [
      '--explain',
      'content/articles/taiwan-ai-server-supply-chain/zh-Hant.mdx',
    ]);
    expect(status).toBe(0);
    expect(output).toContain('⟦資料中心→数据中心⟧');
    expect(output).toContain('⟦詞彙表：台灣→台湾⟧');
    expect(output).toContain('<Term hant="客製化" hans="定制化" />');
    expect(output).toMatch(/地區詞彙 \d+ 處、詞彙表 \d+ 處/);
    const missing = run('check:content', ['--explain', 'content/articles/nope/zh-Hant.mdx']);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('找不到「content/articles/nope/zh-Hant.mdx」');
  }, 60_000);

  it('recompiles only files whose content changed, even when every file time is new (a fresh clone)', () => {
    // contentlayer2 keyed its cache on modification times, which a clone resets: patches/ keys it on
    // each file's content. A document altered in the cache shows which one the compile used.
    const compile = () => {
      const result = spawnSync('npx', ['tsx', 'scripts/compile-content.ts'], {
        cwd: work(),
        encoding: 'utf8',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      expect(result.status, result.stderr).toBe(0);
    };
    const cacheDir = path.join(work(), '.contentlayer', '.cache');
    rmSync(cacheDir, { recursive: true, force: true });
    compile();
    const [cacheFile] = readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /data-\w+\.json$/.test(f),
    );
    const cachePath = path.join(cacheDir, cacheFile ?? 'missing');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as {
      cacheItemsMap: Record<string, { document: { title: string } }>;
    };
    cache.cacheItemsMap[file]!.document.title = '快取裡的標題';
    writeFileSync(cachePath, JSON.stringify(cache));
    const later = new Date(Date.now() + 3_600_000);
    for (const f of readdirSync(path.join(work(), 'content'), { recursive: true, encoding: 'utf8' })) {
      utimesSync(path.join(work(), 'content', f), later, later);
    }
    const compiledTitle = () => {
      const articles = JSON.parse(
        readFileSync(path.join(work(), '.contentlayer', 'generated', 'Article', '_index.json'), 'utf8'),
      ) as {
        title: string;
        _raw: { sourceFilePath: string };
      }[];
      return articles.find((a) => a._raw.sourceFilePath === file)?.title;
    };
    try {
      compile();
      expect(compiledTitle()).toBe('快取裡的標題');
      withArticle(
        file,
        (text) => text.replace(/^title: .*$/m, 'title: 改過的標題'),
        () => {
          compile();
          expect(compiledTitle()).toBe('改過的標題');
        },
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('indexes search from the content index, and a build again keeps each part whose text is the same', () => {
    const parts = () =>
      JSON.parse(readFileSync(path.join(work(), '.contentlayer', 'site', 'pagefind', 'parts.json'), 'utf8')) as Record<
        string,
        { parts: Record<string, { url: string }> }
      >;
    expect(runContentStep().status).toBe(0);
    const first = run('search:index');
    expect(first.output).toMatch(/Search index: 20 article pages indexed in 2 part\(s\)/);
    const before = parts();
    // Nothing changed (the sample's stories are each in one part per script): nothing indexed.
    expect(run('search:index').output).toMatch(/Search index: 0 article pages indexed in 0 part\(s\)/);
    expect(parts()).toEqual(before);
    withArticle(
      file,
      (text) => `${text}\n搜尋也要找得到新加的這一句。\n`,
      () => {
        expect(runContentStep().status).toBe(0);
        expect(run('search:index').output).toMatch(/Search index: 10 article pages indexed in 1 part\(s\)/);
        const after = parts();
        // The story is written in both scripts: only the edited script's part is indexed again.
        expect(after['zh-Hant']!.parts.all!.url).not.toBe(before['zh-Hant']!.parts.all!.url);
        expect(after['zh-Hans']!.parts.all).toEqual(before['zh-Hans']!.parts.all);
      },
    );
  }, 600_000);
});

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real content step (`npm run content`) on a copy of the project whose content an editor
// has broken, and checks that the build stops and says which file and what is wrong.

const root = path.resolve(__dirname, '..');
let work: string;

function run(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '-s', script, '--', ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    input: '',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const runContentStep = () => run('content');

function withArticle(file: string, edit: (text: string) => string, check: () => void) {
  const target = path.join(work, 'content', file);
  const original = readFileSync(target, 'utf8');
  writeFileSync(target, edit(original));
  try {
    check();
  } finally {
    writeFileSync(target, original);
  }
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'content-build-'));
  for (const entry of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'contentlayer.config.ts',
    'lib',
    'i18n',
    'pipeline',
    'scripts',
    'content',
    'components',
    'messages',
    '.githooks',
  ]) {
    cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  cpSync(path.join(root, 'public'), path.join(work, 'public'), { recursive: true });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the content step', () => {
  const file = 'articles/podcast-advertising/zh-Hant.mdx';

  it('passes on the sample content', () => {
    const { status, output } = runContentStep();
    expect(output).toMatch(/Indexed \d+ articles/);
    expect(status).toBe(0);
  }, 120_000);

  it("builds again after a stopped preview left contentlayer's own package file empty", () => {
    writeFileSync(path.join(work, '.contentlayer', 'package.json'), '');
    const { status, output } = runContentStep();
    expect(output).not.toMatch(/ConfigReadError/);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(work, '.contentlayer', 'package.json'), 'utf8'))).toMatchObject({
      name: 'dot-contentlayer',
    });
  }, 120_000);

  it('lists what the converter replaced in each converted file, also when the conversion is kept', () => {
    const story = 'articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
    rmSync(path.join(work, '.contentlayer', 'site', 'conversions.json'), { force: true });
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
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      expect(result.status, result.stderr).toBe(0);
    };
    const cacheDir = path.join(work, '.contentlayer', '.cache');
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
    for (const f of readdirSync(path.join(work, 'content'), { recursive: true, encoding: 'utf8' })) {
      utimesSync(path.join(work, 'content', f), later, later);
    }
    const compiledTitle = () => {
      const articles = JSON.parse(
        readFileSync(path.join(work, '.contentlayer', 'generated', 'Article', '_index.json'), 'utf8'),
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

  it('compiles a large tree in shards, one contentlayer run each, into the same index', () => {
    const readIndex = () =>
      JSON.parse(readFileSync(path.join(work, '.contentlayer', 'site', 'index.json'), 'utf8')) as object;
    expect(runContentStep().status).toBe(0);
    const whole = readIndex();
    // Four article files per shard: the sample's ten stories need several shards.
    const { status, output } = run('content', [], { CONTENT_SHARD_SIZE: '4' });
    expect(output).toMatch(/Compiled \d+ shards in/);
    expect(status).toBe(0);
    const { dirs } = JSON.parse(readFileSync(path.join(work, '.contentlayer', 'generated-dirs.json'), 'utf8')) as {
      dirs: string[];
    };
    expect(dirs.length).toBeGreaterThan(2);
    expect(readIndex()).toEqual(whole);
  }, 240_000);

  it("compiles a publish's changed stories beside the shards, into the index a full compile makes", () => {
    const env = { CONTENT_SHARD_SIZE: '4' };
    const readIndex = () =>
      JSON.parse(readFileSync(path.join(work, '.contentlayer', 'site', 'index.json'), 'utf8')) as object;
    const tsx = (script: string, args: string[] = [], overlaySize = 4) => {
      const result = spawnSync('npx', ['tsx', script, ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env, CONTENT_OVERLAY_SIZE: String(overlaySize) },
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    };
    const publishCompile = (changed: string[], overlaySize?: number) => {
      const compiled = tsx(
        'scripts/compile-content.ts',
        changed.flatMap((f) => ['--changed', f]),
        overlaySize,
      );
      expect(compiled.status, compiled.output).toBe(0);
      const indexed = tsx('scripts/index-content.ts');
      expect(indexed.status, indexed.output).toBe(0);
      return compiled.output;
    };
    const fullBuild = () => {
      const { status, output } = run('content', [], env);
      expect(status, output).toBe(0);
      return readIndex();
    };
    const other = 'articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
    const added = 'articles/overlay-test-story';
    const edit = (f: string, title: string) => {
      const target = path.join(work, 'content', f);
      writeFileSync(target, readFileSync(target, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    };
    const originals = new Map([file, other].map((f) => [f, readFileSync(path.join(work, 'content', f), 'utf8')]));
    try {
      fullBuild();
      // One story changed and one added: compiled alone, in the overlay; the index is a full build's.
      edit(file, '只重新編譯這一篇');
      cpSync(path.join(work, 'content', path.dirname(file)), path.join(work, 'content', added), { recursive: true });
      const output = publishCompile([file, `${added}/zh-Hant.mdx`]);
      expect(output).toMatch(/Compiled 2 story folder\(s\) changed since the last full compile/);
      expect(output).not.toMatch(/shards in/);
      const published = readIndex();
      expect(JSON.stringify(published)).toContain('只重新編譯這一篇');
      expect(JSON.stringify(published)).toContain('/zh-Hant/articles/overlay-test-story');
      // A tag renamed: authors, tags and sections come from the overlay from then on.
      const tag = path.join(work, 'content', 'tags', 'alibaba.yaml');
      originals.set('tags/alibaba.yaml', readFileSync(tag, 'utf8'));
      writeFileSync(tag, readFileSync(tag, 'utf8').replace('hant: 阿里巴巴\n', 'hant: 阿里巴巴集團\n'));
      publishCompile(['tags/alibaba.yaml']);
      expect(JSON.stringify(readIndex())).toContain('阿里巴巴集團');
      // The added story removed again: gone, while its copy in no shard stays behind.
      rmSync(path.join(work, 'content', added), { recursive: true });
      publishCompile([`${added}/zh-Hant.mdx`]);
      expect(JSON.stringify(readIndex())).not.toContain('overlay-test-story');
      const afterRemoval = readIndex();
      expect(fullBuild()).toEqual(afterRemoval);

      // The overlay grown past its size: the shards holding its stories run, and the overlay empties.
      edit(file, '第二次修改');
      publishCompile([file]);
      edit(other, '另一篇也改了');
      const folded = publishCompile([other], 2);
      expect(folded).toMatch(/Compiled \d+ of \d+ shards in/);
      expect(readFileSync(path.join(work, '.contentlayer', 'generated-dirs.json'), 'utf8')).not.toContain('overlay');
      const afterFold = readIndex();
      expect(JSON.stringify(afterFold)).toContain('第二次修改');
      expect(fullBuild()).toEqual(afterFold);
    } finally {
      for (const [f, text] of originals) writeFileSync(path.join(work, 'content', f), text);
      rmSync(path.join(work, 'content', added), { recursive: true, force: true });
    }
  }, 600_000);

  it('indexes search from the content index, and a build again keeps each part whose text is the same', () => {
    const parts = () =>
      JSON.parse(readFileSync(path.join(work, '.contentlayer', 'site', 'pagefind', 'parts.json'), 'utf8')) as Record<
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

  it('stops on an unknown tag, naming the file, the field and the value', () => {
    withArticle(
      file,
      (text) => text.replace(/^tags:\n/m, 'tags:\n  - 區塊鏈\n'),
      () => {
        const { status, output } = runContentStep();
        expect(status).not.toBe(0);
        expect(output).toMatch(new RegExp(`content/${file}:\\d+:\\d+  標籤「區塊鏈」不存在`));
      },
    );
  }, 120_000);

  it('stops on a missing required field, naming the file and the field', () => {
    withArticle(
      file,
      (text) => text.replace(/^title: .*\n/m, ''),
      () => {
        const { status, output } = runContentStep();
        expect(status).not.toBe(0);
        expect(output).toContain(file);
        expect(output).toMatch(/title/);
      },
    );
  }, 120_000);

  it('stops on an MDX syntax error, naming the file', () => {
    withArticle(
      file,
      (text) => `${text}\n<Figure src={ \n`,
      () => {
        const { status, output } = runContentStep();
        expect(status).not.toBe(0);
        expect(output).toContain(file);
      },
    );
  }, 120_000);

  it('stops on a hero image that does not exist', () => {
    withArticle(
      file,
      (text) => text.replace(/hero\.jpg/, 'missing.jpg'),
      () => {
        const { status, output } = runContentStep();
        expect(status).not.toBe(0);
        expect(output).toMatch(
          new RegExp(`content/${file}:\\d+:\\d+  找不到首圖「/images/articles/podcast-advertising/missing.jpg」`),
        );
      },
    );
  }, 120_000);

  it('stops on a malformed <Term> override, naming the file and the line', () => {
    const single = 'articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
    withArticle(
      single,
      (text) => text.replace('<Term hant="客製化" hans="定制化" />', '<Term hant="客製化" />'),
      () => {
        const line =
          readFileSync(path.join(work, 'content', single), 'utf8')
            .split('\n')
            .findIndex((l) => l.includes('<Term')) + 1;
        const { status, output } = runContentStep();
        expect(status).not.toBe(0);
        expect(output).toContain(`content/${single}:${line}:`);
        expect(output).toContain('<Term> 缺少 hans 屬性');
      },
    );
  }, 120_000);
});

describe('npm run new', () => {
  const flags = [
    '--slug',
    'chip-export-rules',
    '--script',
    'zh-Hant',
    '--title',
    '晶片出口新規上路',
    '--section',
    '科技',
    '--tags',
    '半導體，人工智慧',
    '--authors',
    'newsroom',
  ];

  it('scaffolds a draft with valid front matter, dated today in Taipei', () => {
    const { status, output } = run('new', flags);
    expect(output).toContain('已建立 content/articles/chip-export-rules/zh-Hant.mdx');
    expect(status).toBe(0);
    const text = readFileSync(path.join(work, 'content/articles/chip-export-rules/zh-Hant.mdx'), 'utf8');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Taipei', dateStyle: 'short' }).format(new Date());
    expect(text).toMatch(new RegExp(`^publishedAt: ${today}T\\d{2}:\\d{2}:00$`, 'm'));
    expect(text).toContain('title: "晶片出口新規上路"');
    expect(text).toContain('draft: true');
    expect(text).toContain('  - 半導體\n  - 人工智慧');
  }, 60_000);

  it('gives a draft that passes the check before its picture, which is asked for once it is published', () => {
    const draft = run('check:content');
    expect(draft.output).toContain('沒有問題');
    expect(draft.status).toBe(0);
    const file = path.join(work, 'content/articles/chip-export-rules/zh-Hant.mdx');
    const asDraft = readFileSync(file, 'utf8');
    writeFileSync(file, asDraft.replace('draft: true\n', ''));
    const missing = run('check:content');
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain('找不到首圖「/images/articles/chip-export-rules/hero.jpg」');
    cpSync(
      path.join(work, 'public/images/articles/double-11-ten-years/hero.jpg'),
      path.join(work, 'public/images/articles/chip-export-rules/hero.jpg'),
    );
    expect(run('check:content').output).not.toContain('找不到首圖');
    writeFileSync(file, asDraft);
    const fixed = run('check:content');
    expect(fixed.output).toContain('沒有問題');
    expect(fixed.status).toBe(0);
  }, 60_000);

  it('refuses a slug that is taken, and a tag that does not exist', () => {
    const taken = run('new', flags);
    expect(taken.status).not.toBe(0);
    expect(taken.output).toContain('代稱「chip-export-rules」已經有文章了');
    const badTag = run('new', [
      '--slug',
      'another-story',
      ...flags.slice(2, 8),
      '--tags',
      '區塊鏈',
      '--authors',
      'newsroom',
    ]);
    expect(badTag.status).not.toBe(0);
    expect(badTag.output).toContain('標籤「區塊鏈」不存在');
    expect(existsSync(path.join(work, 'content/articles/another-story'))).toBe(false);
    const unknownFlag = run('new', ['--slgu', 'x']);
    expect(unknownFlag.status).not.toBe(0);
    expect(unknownFlag.output).toContain('看不懂這個參數');
    expect(unknownFlag.output).not.toContain('    at ');
  }, 60_000);
});

describe('the pre-commit hook', () => {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: work, encoding: 'utf8', input: '' });

  it('stops a commit of a broken article, says why, and can be skipped', () => {
    git('init', '-q');
    git('config', 'user.email', 'editor@example.com');
    git('config', 'user.name', 'Editor');
    git('config', 'core.hooksPath', '.githooks');
    git('add', 'content');
    expect(git('commit', '-q', '--no-verify', '-m', 'base').status).toBe(0);

    const file = 'content/articles/podcast-advertising/zh-Hant.mdx';
    const original = readFileSync(path.join(work, file), 'utf8');
    writeFileSync(path.join(work, file), original.replace(/^tags:\n/m, 'tags:\n  - 區塊鏈\n'));
    git('add', file);
    const refused = git('commit', '-m', 'broken');
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(new RegExp(`${file}:\\d+:\\d+  標籤「區塊鏈」不存在`));
    expect(git('commit', '-q', '--no-verify', '-m', 'skipped').status).toBe(0);

    writeFileSync(path.join(work, file), original);
    git('add', file);
    expect(git('commit', '-q', '-m', 'fixed').status).toBe(0);
  }, 60_000);
});

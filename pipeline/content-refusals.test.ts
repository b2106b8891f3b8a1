import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectCopy } from '@/tests/project-copy';

// Breaks a copy of the project's content as an editor might, and checks that the build, `npm run new`
// and the pre-commit hook stop and say which file and what is wrong.
// Its own copy of the project (tests/project-copy.ts), so that the content tests run side by side.
const { run, withArticle, dir: work, runContentStep } = projectCopy();

describe('the content step', () => {
  const file = 'articles/podcast-advertising/zh-Hant.mdx';

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
        // The compile ran beside the check and was stopped: nothing of contentlayer's reaches the editor.
        expect(output).not.toMatch(/contentlayer|Compiled \d+ bodies/i);
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
          readFileSync(path.join(work(), 'content', single), 'utf8')
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
    const text = readFileSync(path.join(work(), 'content/articles/chip-export-rules/zh-Hant.mdx'), 'utf8');
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
    const file = path.join(work(), 'content/articles/chip-export-rules/zh-Hant.mdx');
    const asDraft = readFileSync(file, 'utf8');
    writeFileSync(file, asDraft.replace('draft: true\n', ''));
    const missing = run('check:content');
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain('找不到首圖「/images/articles/chip-export-rules/hero.jpg」');
    cpSync(
      path.join(work(), 'public/images/articles/double-11-ten-years/hero.jpg'),
      path.join(work(), 'public/images/articles/chip-export-rules/hero.jpg'),
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
    expect(existsSync(path.join(work(), 'content/articles/another-story'))).toBe(false);
    const unknownFlag = run('new', ['--slgu', 'x']);
    expect(unknownFlag.status).not.toBe(0);
    expect(unknownFlag.output).toContain('看不懂這個參數');
    expect(unknownFlag.output).not.toContain('    at ');
  }, 60_000);
});

describe('the pre-commit hook', () => {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: work(), encoding: 'utf8', input: '' });

  it('stops a commit of a broken article, says why, and can be skipped', () => {
    git('init', '-q');
    git('config', 'user.email', 'editor@example.com');
    git('config', 'user.name', 'Editor');
    git('config', 'core.hooksPath', '.githooks');
    git('add', 'content');
    expect(git('commit', '-q', '--no-verify', '-m', 'base').status).toBe(0);

    const file = 'content/articles/podcast-advertising/zh-Hant.mdx';
    const original = readFileSync(path.join(work(), file), 'utf8');
    writeFileSync(path.join(work(), file), original.replace(/^tags:\n/m, 'tags:\n  - 區塊鏈\n'));
    git('add', file);
    const refused = git('commit', '-m', 'broken');
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(new RegExp(`${file}:\\d+:\\d+  標籤「區塊鏈」不存在`));
    expect(git('commit', '-q', '--no-verify', '-m', 'skipped').status).toBe(0);

    writeFileSync(path.join(work(), file), original);
    git('add', file);
    expect(git('commit', '-q', '-m', 'fixed').status).toBe(0);
  }, 60_000);
});

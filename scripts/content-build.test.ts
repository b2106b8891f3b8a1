import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real content step (`npm run content`) on a copy of the project whose content an editor
// has broken, and checks that the build stops and says which file and what is wrong.

const root = path.resolve(__dirname, '..');
let work: string;

function runContentStep() {
  const result = spawnSync('npm', ['run', 'content'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

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
  for (const entry of ['package.json', 'tsconfig.json', 'contentlayer.config.ts', 'lib', 'i18n', 'scripts', 'content']) {
    cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  symlinkSync(path.join(root, 'public'), path.join(work, 'public'));
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

  it('stops on an unknown tag, naming the file, the field and the value', () => {
    withArticle(file, (text) => text.replace(/^tags:\n/m, 'tags:\n  - 區塊鏈\n'), () => {
      const { status, output } = runContentStep();
      expect(status).not.toBe(0);
      expect(output).toMatch(new RegExp(`content/${file}:\\d+:\\d+  標籤「區塊鏈」不存在`));
    });
  }, 120_000);

  it('stops on a missing required field, naming the file and the field', () => {
    withArticle(file, (text) => text.replace(/^title: .*\n/m, ''), () => {
      const { status, output } = runContentStep();
      expect(status).not.toBe(0);
      expect(output).toContain(file);
      expect(output).toMatch(/title/);
    });
  }, 120_000);

  it('stops on an MDX syntax error, naming the file', () => {
    withArticle(file, (text) => `${text}\n<Figure src={ \n`, () => {
      const { status, output } = runContentStep();
      expect(status).not.toBe(0);
      expect(output).toContain(file);
    });
  }, 120_000);

  it('stops on a hero image that does not exist', () => {
    withArticle(file, (text) => text.replace(/hero\.jpg/, 'missing.jpg'), () => {
      const { status, output } = runContentStep();
      expect(status).not.toBe(0);
      expect(output).toMatch(new RegExp(`content/${file}:\\d+:\\d+  找不到首圖「/images/articles/podcast-advertising/missing.jpg」`));
    });
  }, 120_000);

  it('stops on a malformed <Term> override, naming the file and the line', () => {
    const single = 'articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
    withArticle(single, (text) => text.replace('<Term hant="客製化" hans="定制化" />', '<Term hant="客製化" />'), () => {
      const line = readFileSync(path.join(work, 'content', single), 'utf8').split('\n').findIndex((l) => l.includes('<Term')) + 1;
      const { status, output } = runContentStep();
      expect(status).not.toBe(0);
      expect(output).toContain(`content/${single}:${line}:`);
      expect(output).toContain('<Term> 缺少 hans 屬性');
    });
  }, 120_000);
});

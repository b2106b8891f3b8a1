import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { contentSchemas } from '../schema';
import * as body from './body';
import { checkContent } from './check-content';

// Counts the bodies the check parses, and lets it parse them.
vi.mock('./body', async (original) => {
  const actual = await original<typeof body>();
  return { ...actual, checkBody: vi.fn(actual.checkBody) };
});
const parsed = () => {
  const calls = vi.mocked(body.checkBody).mock.calls.length;
  vi.mocked(body.checkBody).mockClear();
  return calls;
};

const root = path.resolve(__dirname, '..', '..');
const now = new Date('2026-12-01T00:00:00Z');
let work: string;
const contentDir = () => path.join(work, 'content');
const cacheFile = () => path.join(work, 'check-cache.json');
const check = (cached = true) =>
  checkContent({
    contentDir: contentDir(),
    publicDir: path.join(root, 'public'),
    schemas: contentSchemas,
    now,
    cacheFile: cached ? cacheFile() : undefined,
  }).map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`);
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(path.join(contentDir(), file), change(readFileSync(path.join(contentDir(), file), 'utf8')));

const linking = 'articles/podcast-advertising/zh-Hant.mdx';
const linked = 'battery-swapping-scooters';

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'body-cache-'));
  cpSync(path.join(root, 'content'), contentDir(), { recursive: true });
  edit(linking, (text) => `${text}\n另見[換電機車](/zh-Hant/articles/${linked})與[關於我們](/zh-Hant/info/about)。\n`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a body that passed is not parsed again, until a story or a page it links to is gone', () => {
  expect(check()).toEqual([]);
  const bodies = parsed();
  expect(bodies).toBeGreaterThan(10);

  // Nothing changed, or only the files' times (a fresh clone): no body is parsed.
  expect(check()).toEqual([]);
  expect(parsed()).toBe(0);
  const later = new Date(Date.now() + 60_000);
  for (const e of readdirSync(contentDir(), { recursive: true, withFileTypes: true }))
    if (e.isFile()) utimesSync(path.join(e.parentPath, e.name), later, later);
  expect(check()).toEqual([]);
  expect(parsed()).toBe(0);

  // A body changed: that one is parsed.
  edit(linking, (text) => `${text}\n再補一句。\n`);
  expect(check()).toEqual([]);
  expect(parsed()).toBe(1);

  // The story it links to taken back to draft: it is parsed again, and the broken link found.
  for (const file of readdirSync(path.join(contentDir(), 'articles', linked)))
    edit(`articles/${linked}/${file}`, (text) => text.replace(/^publishedAt: (.*)$/m, 'publishedAt: $1\ndraft: true'));
  const withdrawn = check();
  expect(withdrawn.some((p) => p.startsWith(linking) && p.includes(`連結的文章「${linked}」不存在`))).toBe(true);
  expect(withdrawn).toEqual(check(false));
  parsed();
  // A body with a problem is never taken as passed.
  check();
  expect(vi.mocked(body.checkBody).mock.calls.some(([text]) => text.includes(linked))).toBe(true);
  parsed();

  // Back, and then a page it links to gone: every body is parsed again.
  for (const file of readdirSync(path.join(contentDir(), 'articles', linked)))
    edit(`articles/${linked}/${file}`, (text) => text.replace('\ndraft: true', ''));
  expect(check()).toEqual([]);
  parsed();
  renameSync(path.join(contentDir(), 'pages', 'about'), path.join(work, 'about'));
  const pageGone = check();
  expect(pageGone.some((p) => p.startsWith(linking) && p.includes('連結的網站頁面「about」不存在'))).toBe(true);
  expect(parsed()).toBeGreaterThanOrEqual(bodies - 1);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contentChangedSince } from './publish-state';

let repo: string;
let commit: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'publish-state-'));
  git('init', '-q');
  for (const slug of ['a-story', 'b-story', 'c-story', 'd-story']) write(`content/articles/${slug}/zh-Hant.mdx`, slug);
  write('content/tags/ai.yaml', 'slug: ai');
  write('public/images/a.png', 'png');
  write('README.md', 'site');
  git('add', '-A');
  git('commit', '-qm', 'Start');
  commit = git('rev-parse', 'HEAD');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

test('nothing changed: an empty set', () => {
  expect(contentChangedSince(commit, 'content', repo)).toEqual(new Set());
});

test('committed and uncommitted changes under content/, new folders read file by file, renames both ways', () => {
  write('content/articles/c-story/zh-Hant.mdx', 'c-story, fixed');
  git('commit', '-qam', 'Fix c');
  // Unstaged: git's status line starts with a space.
  write('content/articles/a-story/zh-Hant.mdx', 'a-story, mended');
  write('content/articles/2026/new-story/zh-Hant.mdx', 'new');
  write('content/articles/2026/new-story/zh-Hans.mdx', 'new');
  renameSync(path.join(repo, 'content/articles/d-story'), path.join(repo, 'content/articles/e-story'));
  git('add', 'content/articles/d-story', 'content/articles/e-story');
  write('zz-notes.txt', 'not content');
  expect([...contentChangedSince(commit, 'content', repo)!].sort()).toEqual([
    'articles/2026/new-story/zh-Hans.mdx',
    'articles/2026/new-story/zh-Hant.mdx',
    'articles/a-story/zh-Hant.mdx',
    'articles/c-story/zh-Hant.mdx',
    'articles/d-story/zh-Hant.mdx',
    'articles/e-story/zh-Hant.mdx',
  ]);
  // Run again, from the untracked folders git keeps in its index now: the same.
  expect(contentChangedSince(commit, 'content', repo)!.size).toBe(6);
});

test('a picture changed, committed or not: undefined (every body is checked)', () => {
  write('public/images/b.png', 'png');
  expect(contentChangedSince(commit, 'content', repo)).toBeUndefined();
  git('add', '-A');
  git('commit', '-qm', 'Picture');
  expect(contentChangedSince(commit, 'content', repo)).toBeUndefined();
});

test('a commit git does not know: undefined', () => {
  expect(contentChangedSince('0'.repeat(40), 'content', repo)).toBeUndefined();
});

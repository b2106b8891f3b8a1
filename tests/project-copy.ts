import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

// A throwaway copy of the project's sources and content for the tests that run the editors' own
// scripts (`npm run content`, `npm run new`, the pre-commit hook) and break the content on purpose.
// One per test file, so that the files run side by side.

const root = path.resolve(__dirname, '..');
const COPIED = [
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
  'public',
];

export type ProjectCopy = {
  /** The copy's folder (set once the file's tests start). */
  dir: () => string;
  /** `npm run <script> -- <args>` in the copy: its exit status and everything it printed. */
  run: (script: string, args?: string[], env?: Record<string, string>) => { status: number | null; output: string };
  /** `npm run content` in the copy. */
  runContentStep: () => { status: number | null; output: string };
  /** Runs `check` with one content file edited, then puts the file back. */
  withArticle: (file: string, edit: (text: string) => string, check: () => void) => void;
};

/** Makes the copy before the test file's tests and removes it after them. */
export function projectCopy(): ProjectCopy {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'content-build-'));
    for (const entry of COPIED) cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });
  const run: ProjectCopy['run'] = (script, args = [], env = {}) => {
    const result = spawnSync('npm', ['run', '-s', script, '--', ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      input: '',
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  return {
    dir: () => work,
    run,
    runContentStep: () => run('content'),
    withArticle(file, edit, check) {
      const target = path.join(work, 'content', file);
      const original = readFileSync(target, 'utf8');
      writeFileSync(target, edit(original));
      try {
        check();
      } finally {
        writeFileSync(target, original);
      }
    },
  };
}

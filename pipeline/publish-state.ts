// What the last publish (or full build) put live: its commit, and the cache tags some server has not
// yet been told about. Kept apart from pipeline/publish.ts so that the build's index step can record
// its commit without loading the rest of the publish step.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { contentOutDir } from '@/lib/content-files';
import { readJson, writeAtomically } from './files';

const stateFile = path.join(contentOutDir, 'published.json');

/**
 * The commit published, and what some server or the search index has not yet been given: the cache
 * tags to revalidate (lib/page-tags.ts), and the article pages to index for search.
 */
export type PublishState = { commit?: string; at: string; pending: string[]; searchPending?: string[] };

export const readState = () => readJson<PublishState>(stateFile);

export const writeState = (state: PublishState) => writeAtomically(stateFile, JSON.stringify(state));

/** Git's output as written (`git status` starts its lines with spaces), or undefined when git failed. */
const tryGitOutput = (args: string[], cwd?: string) => {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    });
  } catch {
    return undefined;
  }
};

export const git = (...args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

export const tryGit = (...args: string[]) => tryGitOutput(args)?.trim();

/**
 * The files git's status shows changed or new under these folders (relative to the top of the work
 * tree). One status of the whole tree, with git's cache of untracked folders: with a path or
 * `--untracked-files=all` git reads every folder again (a second at 50,000 stories). An untracked
 * folder is listed as such, and its files are read here.
 */
function uncommittedFiles(top: string, under: string[]): string[] | undefined {
  const status = tryGitOutput(['-c', 'core.untrackedCache=true', 'status', '--porcelain', '-z'], top);
  if (status === undefined) return undefined;
  const entries = status.split('\0');
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    // A rename or copy names its source in the next entry: both changed.
    if (/^[RC]/.test(entry)) files.push(entries[++i]!);
    const file = entry.slice(3);
    if (!file.endsWith('/')) files.push(file);
    else if (under.some((u) => file.startsWith(u) || u.startsWith(file)))
      for (const e of readdirSync(path.join(top, file), { withFileTypes: true, recursive: true }))
        if (e.isFile()) files.push(path.relative(top, path.join(e.parentPath, e.name)));
  }
  return files.filter((f) => under.some((u) => f.startsWith(u)));
}

/**
 * Content files (relative to the content folder) changed since a commit, committed or not; undefined
 * when git cannot tell, or when a file under public/ changed (a body may show a picture that is
 * gone): then every body is checked.
 */
export function contentChangedSince(commit: string, contentDir: string, cwd = process.cwd()): Set<string> | undefined {
  const top = tryGitOutput(['rev-parse', '--show-toplevel'], cwd)?.trim();
  if (!top) return undefined;
  const prefix = `${path.relative(top, path.resolve(cwd, contentDir))}/`;
  const publicPrefix = `${path.relative(top, path.resolve(cwd, 'public'))}/`;
  const committed = tryGitOutput(['diff', '--name-only', '-z', commit, 'HEAD', '--', prefix, publicPrefix], top);
  const uncommitted = uncommittedFiles(top, [prefix, publicPrefix]);
  if (committed === undefined || uncommitted === undefined) return undefined;
  const files = [...committed.split('\0').filter(Boolean), ...uncommitted];
  if (files.some((f) => f.startsWith(publicPrefix))) return undefined;
  return new Set(files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)));
}

/**
 * Records the commit a full build was made from, as if published: the first publish after it then
 * checks and compiles only what changed since (scripts/index-content.ts calls it).
 */
export function recordBuild(): void {
  const commit = tryGit('rev-parse', 'HEAD');
  if (commit) writeState({ commit, at: new Date().toISOString(), pending: [] });
}

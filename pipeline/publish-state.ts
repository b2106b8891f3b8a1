// What the last publish (or full build) put live: its commit, and the cache tags some server has not
// yet been told about. Kept apart from pipeline/publish.ts so that the build's index step can record
// its commit without loading the rest of the publish step.
import { execFileSync } from 'node:child_process';
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

export const git = (...args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

export const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

/**
 * Records the commit a full build was made from, as if published: the first publish after it then
 * checks and compiles only what changed since (scripts/index-content.ts calls it).
 */
export function recordBuild(): void {
  const commit = tryGit('rev-parse', 'HEAD');
  if (commit) writeState({ commit, at: new Date().toISOString(), pending: [] });
}

// The publish step (`npm run publish`, scripts/publish.ts; a server runs it for a git host's webhook,
// lib/publish.ts): puts what changed in content/ live on every running server, without a rebuild.
//
//  1. finds what changed since the last published commit (git);
//  2. checks it: changed story files alone, against the store, when nothing else changed; else all
//     content, cross-file rules included. A problem stops here and nothing is published;
//  3. compiles with contentlayer2, only the changed story folders (the overlay, pipeline/compile.ts)
//     when nothing else changed, and then in its own process while step 2 runs;
//  4. writes the content store: changed stories updated in place (pipeline/index/update-index.ts),
//     else the full index step; every server's lib/content-store.ts reads the new rows by itself;
//  5. tells each server in PUBLISH_SERVERS to revalidate the cache tags of what changed
//     (pipeline/publish-tags.ts), then requests the front pages and the changed stories so that no
//     reader waits for their first render;
//  6. then indexes for search the article pages whose text changed (pipeline/search-index.tsx:
//     a small fresh part, merged with the others in the reader's browser).
import path from 'node:path';
import type { ContentProblem } from '@/lib/content-model';
import { storeFile } from '@/lib/content-files';
import { checkCacheFile } from './check/cache';
import { formatProblems } from './check/format';
import { compileContent } from './compile';
import { readGenerated } from './index/generated';
import type { IndexChange } from './publish-tags';
import { contentChangedSince, git, readState, tryGit, writeState } from './publish-state';
import { contentSchemas } from './schema';
import { searchSource, writeSearchIndex } from './search-index';

/**
 * The check's, the index update's and the cache tags' modules take about a second to load (the MDX
 * parsers, the script converter, Next's cache): loaded while contentlayer compiles, not before it starts.
 */
async function loadSteps() {
  const [
    { checkContent },
    { checkChangedStories, prepareUpdate, updateContentIndex },
    { readPublishedSlugs },
    { writeContentIndex },
    { changedTags, diffIndexes },
    { isPageTag },
  ] = await Promise.all([
    import('./check/check-content'),
    import('./index/update-index'),
    import('./index/write-store'),
    import('./index/write-index'),
    import('./publish-tags'),
    import('@/lib/page-tags'),
  ]);
  return {
    checkContent,
    checkChangedStories,
    prepareUpdate,
    updateContentIndex,
    readPublishedSlugs,
    writeContentIndex,
    changedTags,
    diffIndexes,
    isPageTag,
  };
}
type Steps = Awaited<ReturnType<typeof loadSteps>>;

const contentDir = process.env.CONTENT_DIR ?? 'content';

/** The servers to notify: PUBLISH_SERVERS (comma-separated origins), or the local one on PORT. */
function publishServers(): string[] {
  const listed = (process.env.PUBLISH_SERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return listed.length > 0
    ? listed.map((s) => s.replace(/\/+$/, ''))
    : [`http://127.0.0.1:${process.env.PORT ?? 3000}`];
}

export type PublishOptions = { pull?: boolean; log?: (line: string) => void };

/** `changed`: the cache tags this publish found changed. */
export type PublishResult = { ok: boolean; changed: string[]; seconds: number };

/** Pulls the upstream branch, fast-forward only, when there is one. */
function pullUpstream(log: (line: string) => void) {
  if (tryGit('rev-parse', '--abbrev-ref', '@{upstream}')) log(git('pull', '--ff-only'));
  else log('No upstream branch: nothing pulled.');
}

/**
 * Checks what a publish would put live. Changed story files only (their folders in `folders`): each
 * on its own and against the store, the rules across files following in the index step
 * (pipeline/index/update-index.ts). Else, or when a published story leaves, all content: bodies are
 * parsed only where they changed since the last publish (which checked all the others), and where
 * they may link to a story that left; front matter and references are checked everywhere.
 */
function checkForPublish(
  steps: Steps,
  changedFiles: Set<string> | undefined,
  folders: Set<string> | undefined,
): ContentProblem[] {
  const quick = folders && steps.checkChangedStories(changedFiles!);
  if (quick) return quick;
  const published = steps.readPublishedSlugs(storeFile, Date.now());
  return steps.checkContent({
    contentDir: path.resolve(contentDir),
    publicDir: path.resolve(process.env.PUBLIC_DIR ?? 'public'),
    schemas: contentSchemas,
    now: new Date(),
    bodies: changedFiles && published ? { changed: changedFiles, published } : undefined,
    cacheFile: checkCacheFile,
  });
}

/** The article pages whose search document changed (`searchSource`), came or went. */
function searchChanges(change: IndexChange): string[] {
  const paths = new Set(change.first || change.searchNames ? change.paths() : []);
  for (const { was, now } of change.stories) {
    if (!was || !now || searchSource(was, '') !== searchSource(now, '')) paths.add((now ?? was)!.path);
  }
  return [...paths].sort();
}

/** The story folders (under articles/) of changed files, or undefined when a file outside them changed. */
function storyFolders(files: ReadonlySet<string>): Set<string> | undefined {
  const folders = new Set<string>();
  for (const file of files) {
    const folder = /^articles\/(.+)\/[^/]+\.mdx$/.exec(file)?.[1];
    if (!folder) return undefined;
    folders.add(folder);
  }
  return folders;
}

/**
 * Writes the store and says what changed: for changed story files only, by updating their stories in
 * place (pipeline/index/update-index.ts); else, or when the store cannot be updated so, by the full
 * index step and a comparison of the whole index. Undefined, with the problems printed, when content is wrong.
 */
function indexChanges(steps: Steps, folders: Set<string> | undefined): IndexChange | undefined {
  if (folders) {
    const updated = steps.updateContentIndex(readGenerated(undefined, folders), folders);
    if (updated !== undefined) return updated ?? undefined;
  }
  const written = steps.writeContentIndex(readGenerated());
  return written && steps.diffIndexes(written.previous, written.index);
}

/** Logs how many tags changed and the first of them. */
function logTags(changed: string[], tags: string[], log: (line: string) => void, elapsed: () => number) {
  log(
    `${changed.length} cache tag(s) changed${tags.length > changed.length ? `, ${tags.length - changed.length} left from an earlier publish` : ''} (compared in ${elapsed()} s).`,
  );
  for (const t of tags.slice(0, 40)) log(`  ${t}`);
  if (tags.length > 40) log(`  … and ${tags.length - 40} more`);
}

/**
 * Tells every server which tags to revalidate, then indexes the changed pages for search (side by
 * side, the search's processes read the whole store and slowed the servers' answer by seconds at
 * 50,000 stories); true when both were done. What they owe is recorded before anything is sent: a publish stopped from
 * here on leaves the next one the tags and the search entries it owes (the store already says what it
 * published).
 */
async function deliver(
  commit: string | undefined,
  tags: string[],
  warm: string[],
  searchPaths: string[],
  log: (line: string) => void,
  elapsed: () => number,
): Promise<boolean> {
  writeState({ commit, at: new Date().toISOString(), pending: tags, searchPending: searchPaths });
  const notified = tags.length === 0 || (await notifyServers(tags, warm, log, elapsed));
  const searched = await indexForSearch(searchPaths, log, elapsed);
  writeState({
    commit,
    at: new Date().toISOString(),
    pending: notified ? [] : tags,
    searchPending: searched ? [] : searchPaths,
  });
  if (!notified) console.error('Not every server was told: run npm run publish again once they answer.');
  if (!searched) console.error('The search index was not updated: run npm run publish again.');
  if (notified && searched) log(`Published in ${elapsed()} s.`);
  return notified && searched;
}

/** A promise whose failure waits until it is asked for: a compile that fails while the check finds a problem says nothing. */
function settled<T>(promise: Promise<T>): Promise<() => T> {
  return promise.then(
    (value) => () => value,
    (error: unknown) => () => {
      throw error;
    },
  );
}

/** Runs the publish step; false when content has problems (printed) or a server could not be told. */
export async function publish({ pull = false, log = console.log }: PublishOptions = {}): Promise<PublishResult> {
  // Seconds since this process started (it runs one publish): the editor waits for its start and
  // modules too, a second or more under load.
  const elapsed = () => Number((performance.now() / 1000).toFixed(2));
  const state = readState();

  if (pull) pullUpstream(log);
  const commit = tryGit('rev-parse', 'HEAD');
  const changedFiles = commit && state?.commit ? contentChangedSince(state.commit, contentDir) : undefined;
  if (changedFiles) log(`Changed since ${state!.commit!.slice(0, 7)}: ${changedFiles.size} content file(s).`);

  const folders = changedFiles && storyFolders(changedFiles);
  // Changed stories only: contentlayer compiles them in its own process while this one checks them,
  // and then builds the index update's converter. What it compiled is used only once both are done.
  const compiling = folders ? settled(compileContent(changedFiles, { quiet: true })) : undefined;
  const steps = await loadSteps();
  const problems = checkForPublish(steps, changedFiles, folders);
  if (problems.length > 0) {
    await compiling;
    console.error(formatProblems(problems, contentDir));
    console.error(`內容檢查：${problems.length} 個問題。沒有發布任何變更，網站維持原樣。`);
    return { ok: false, changed: [], seconds: elapsed() };
  }
  log(`Checked in ${elapsed()} s.`);
  if (folders) steps.prepareUpdate();

  const bodyProblems = compiling ? await (await compiling)() : await compileContent(changedFiles);
  if (bodyProblems.length > 0) {
    console.error(formatProblems(bodyProblems, contentDir));
    console.error(`內文編譯：${bodyProblems.length} 個問題。沒有發布任何變更，網站維持原樣。`);
    return { ok: false, changed: [], seconds: elapsed() };
  }
  log(`Compiled in ${elapsed()} s.`);
  const change = indexChanges(steps, folders);
  if (!change) {
    console.error('內容檢查：以上問題要先修正。沒有發布任何變更，網站維持原樣。');
    return { ok: false, changed: [], seconds: elapsed() };
  }
  log(`Indexed in ${elapsed()} s.`);

  const { tags: changed, warm } = steps.changedTags(change);
  // A state left by a publish that sent paths, not tags, owes nothing the new store did not redo.
  const tags = [...new Set([...(state?.pending ?? []).filter(steps.isPageTag), ...changed])];
  logTags(changed, tags, log, elapsed);
  const searchPaths = [...new Set([...(state?.searchPending ?? []), ...searchChanges(change)])];
  const ok = await deliver(commit, tags, warm, searchPaths, log, elapsed);
  return { ok, changed, seconds: elapsed() };
}

/** Indexes for search the article pages whose text changed; false (and why, on stderr) when it failed. */
async function indexForSearch(paths: string[], log: (line: string) => void, elapsed: () => number): Promise<boolean> {
  try {
    await writeSearchIndex(path.join(process.cwd(), 'scripts', 'search-index.ts'), { changed: paths });
    log(`Indexed for search in ${elapsed()} s.`);
    return true;
  } catch (error) {
    console.error((error as Error).message);
    return false;
  }
}

/** At most this many pages are requested after a notice, a few at a time. */
const WARM_PAGES = 24;

async function notifyServers(
  tags: string[],
  warmPages: string[],
  log: (line: string) => void,
  elapsed: () => number,
): Promise<boolean> {
  const token = process.env.PUBLISH_TOKEN;
  if (!token) {
    console.error(
      'PUBLISH_TOKEN is not set: the servers cannot be told what changed. Set it to the token the servers were started with.',
    );
    return false;
  }
  const results = await Promise.all(
    publishServers().map(async (origin) => {
      try {
        const response = await fetch(`${origin}/api/publish`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ tags }),
          signal: AbortSignal.timeout(30_000),
        });
        if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
        log(`Told ${origin} in ${elapsed()} s.`);
        const main = warmPages.slice(0, WARM_PAGES);
        await warm(origin, main);
        log(`Warmed ${origin} (${main.length} page(s)) in ${elapsed()} s.`);
        return true;
      } catch (error) {
        console.error(`Could not tell ${origin}: ${(error as Error).message}`);
        return false;
      }
    }),
  );
  return results.every(Boolean);
}

/** Requests pages a few at a time, so they are rendered before readers ask. */
async function warm(origin: string, paths: string[]) {
  const queue = [...paths];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      await fetch(`${origin}${p}`, { signal: AbortSignal.timeout(30_000) }).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

// The publish step (`npm run publish`, scripts/publish.ts; a server runs it for a git host's webhook,
// lib/publish.ts): puts what changed in content/ live on every running server, without a rebuild.
//
//  1. finds what changed since the last published commit (git), for the report;
//  2. checks all content, cross-file rules included: a problem stops here and nothing is published;
//  3. compiles with contentlayer2, whose cache recompiles only files whose content changed;
//  4. writes the index (new bodies beside the old, then the index swapped in one rename; every
//     server's lib/content-index.ts notices the new file by itself);
//  5. compares every page before and after (lib/page-paths.ts) and tells each server in
//     PUBLISH_SERVERS to revalidate exactly the pages that differ, then requests the main ones so
//     that no reader waits for their first render;
//  6. rebuilds the parts of the search index whose article pages changed, from the first server.
import path from 'node:path';
import { loadIndex } from '@/lib/content-index';
import type { ContentIndex } from '@/lib/content-model';
import { changedPages, pageFingerprints } from '@/lib/page-paths';
import { checkContent } from './check/check-content';
import { formatProblems } from './check/format';
import { compileContent } from './compile';
import { readGenerated } from './index/generated';
import { readWrittenIndex, writeContentIndex } from './index/write-index';
import { git, readState, tryGit, writeState } from './publish-state';
import { contentSchemas } from './schema';
import { writeSearchIndex } from './search-index';

const contentDir = process.env.CONTENT_DIR ?? 'content';

/**
 * Content files (relative to the content folder) changed since a commit, committed or not; undefined
 * when git cannot tell, or when a file under public/ changed (a body may show a picture that is
 * gone): then every body is checked.
 */
function filesChangedSince(commit: string): Set<string> | undefined {
  const committed = tryGit('diff', '--name-only', commit, 'HEAD', '--', contentDir);
  const uncommitted = tryGit('status', '--porcelain', '--untracked-files=all', '--', contentDir);
  const pictures = [tryGit('diff', '--name-only', commit, 'HEAD', '--', 'public'), tryGit('status', '--porcelain', '--', 'public')];
  if (committed === undefined || uncommitted === undefined || pictures.some((p) => p === undefined || p !== '')) return undefined;
  const prefix = `${path.relative(tryGit('rev-parse', '--show-toplevel') ?? process.cwd(), path.resolve(contentDir))}/`;
  const files = [...committed.split('\n'), ...uncommitted.split('\n').map((line) => line.slice(3).split(' -> ').pop() ?? '')]
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length));
  return new Set(files);
}

/** The servers to notify: PUBLISH_SERVERS (comma-separated origins), or the local one on PORT. */
export function publishServers(): string[] {
  const listed = (process.env.PUBLISH_SERVERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return listed.length > 0 ? listed.map((s) => s.replace(/\/+$/, '')) : [`http://127.0.0.1:${process.env.PORT ?? 3000}`];
}

export type PublishOptions = { pull?: boolean; log?: (line: string) => void };

export type PublishResult = { ok: boolean; changed: string[]; seconds: number };

/** Runs the publish step; false when content has problems (printed) or a server could not be told. */
export async function publish({ pull = false, log = console.log }: PublishOptions = {}): Promise<PublishResult> {
  const started = performance.now();
  const elapsed = () => Number(((performance.now() - started) / 1000).toFixed(2));
  const state = readState();

  if (pull) {
    if (tryGit('rev-parse', '--abbrev-ref', '@{upstream}')) log(git('pull', '--ff-only'));
    else log('No upstream branch: nothing pulled.');
  }
  const commit = tryGit('rev-parse', 'HEAD');
  const changedFiles = commit && state?.commit ? filesChangedSince(state.commit) : undefined;
  if (changedFiles) log(`Changed since ${state!.commit!.slice(0, 7)}: ${changedFiles.size} content file(s).`);
  const served = readWrittenIndex();
  const published = new Set(served?.articles.filter((a) => Date.parse(a.publishedAt) <= Date.now()).map((a) => a.slug));

  // Bodies are parsed only where they changed since the last publish (which checked all the
  // others); front matter and references are checked everywhere, as a change can break another file.
  const problems = checkContent({
    contentDir: path.resolve(contentDir),
    publicDir: path.resolve(process.env.PUBLIC_DIR ?? 'public'),
    schemas: contentSchemas,
    now: new Date(),
    bodies: changedFiles && served ? { changed: changedFiles, published } : undefined,
  });
  if (problems.length > 0) {
    console.error(formatProblems(problems, contentDir));
    console.error(`內容檢查：${problems.length} 個問題。沒有發布任何變更，網站維持原樣。`);
    return { ok: false, changed: [], seconds: elapsed() };
  }
  log(`Checked in ${elapsed()} s.`);

  await compileContent(changedFiles);
  log(`Compiled in ${elapsed()} s.`);
  const written = writeContentIndex(readGenerated());
  if (!written) return { ok: false, changed: [], seconds: elapsed() };

  const now = Date.now();
  const fingerprints = (index: ContentIndex | undefined) => (index ? pageFingerprints(loadIndex(index, now)) : new Map<string, string>());
  const changed = changedPages(fingerprints(written.previous), fingerprints(written.index));
  if (changed.length > 0) changed.push('/sitemap.xml');
  const paths = [...new Set([...(state?.pending ?? []), ...changed])];
  log(`${changed.length} page(s) changed${paths.length > changed.length ? `, ${paths.length - changed.length} left from an earlier publish` : ''}.`);
  for (const p of paths.slice(0, 40)) log(`  ${p}`);
  if (paths.length > 40) log(`  … and ${paths.length - 40} more`);

  const notified = paths.length === 0 || (await notifyServers(paths, log));
  if (notified && paths.some((p) => p.includes('/articles/'))) {
    await writeSearchIndex(path.join(process.cwd(), 'scripts', 'search-index.ts'), { origin: publishServers()[0], changed: paths });
  }
  writeState({ commit, at: new Date().toISOString(), pending: notified ? [] : paths });
  log(notified ? `Published in ${elapsed()} s.` : 'Not every server was told: run npm run publish again once they answer.');
  return { ok: notified, changed, seconds: elapsed() };
}

/** Pages a reader is likely to open first after a publish: requested once so that they are rendered. */
const isMainPage = (p: string) => /^\/[^/]+(?:\/articles\/[^/]+|\/(?:tags|sections|authors)\/[^/]+)?$/.test(p);

async function notifyServers(paths: string[], log: (line: string) => void): Promise<boolean> {
  const token = process.env.PUBLISH_TOKEN;
  if (!token) {
    console.error('PUBLISH_TOKEN is not set: the servers cannot be told what changed. Set it to the token the servers were started with.');
    return false;
  }
  const results = await Promise.all(
    publishServers().map(async (origin) => {
      try {
        const response = await fetch(`${origin}/api/publish`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ paths }),
          signal: AbortSignal.timeout(30_000),
        });
        if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
        await warm(origin, paths.filter(isMainPage));
        log(`Told ${origin}.`);
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
      await fetch(`${origin}${p}`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer(), () => undefined);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}



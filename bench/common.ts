// What the page benchmarks share: the pages they measure, and a server to measure them on.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locale } from '@/i18n/locales';
import { storeFile } from '@/lib/content-files';
import { readIndexFromStore } from '@/pipeline/index/write-store';

/** The whole index of this build's store. */
export const readStoredIndex = () => {
  const index = readIndexFromStore(storeFile);
  if (!index) throw new Error('No content store: run npm run build first.');
  return index;
};

/** Every template of the site, one page of each; `not-found` answers with status 404, the rest with 200. */
export const pageKinds = [
  'home',
  'article',
  'sponsored',
  'syndicated',
  'section',
  'tag',
  'author',
  'search',
  'info',
  'newsletter',
  'not-found',
] as const;
export type PageKind = (typeof pageKinds)[number];

/** One page of each template in one script, picked from the content index of this build. */
export function samplePages(locale: Locale): Record<PageKind, string> {
  const index = readStoredIndex();
  // A scheduled article (dated later) is in the index but answers 404 until its time.
  const published = index.articles.filter(
    (a) => a.locale === locale && !a.draft && Date.parse(a.publishedAt) <= Date.now(),
  );
  const pick = (what: string, test: (a: (typeof published)[number]) => boolean) => {
    const found = published.find(test);
    if (!found) throw new Error(`No published ${locale} ${what} in the content index: run npm run build first.`);
    return found;
  };
  // The newest story that is neither sponsored nor syndicated: the page most readers land on.
  const article = pick('story', (a) => !a.sponsor && !a.syndication);
  const page =
    index.pages.find((p) => p.locale === locale && p.slug === 'about') ?? index.pages.find((p) => p.locale === locale);
  if (!page) throw new Error(`No ${locale} site page in the content index.`);
  return {
    home: `/${locale}`,
    article: article.path,
    sponsored: pick('sponsored story', (a) => Boolean(a.sponsor)).path,
    syndicated: pick('syndicated story', (a) => Boolean(a.syndication)).path,
    section: `/${locale}/sections/${article.sectionSlug}`,
    tag: `/${locale}/tags/${article.tagSlugs[0]}`,
    author: `/${locale}/authors/${article.authorIds[0]}`,
    search: `/${locale}/search`,
    info: page.path,
    // Rendered per request, from the server's database.
    newsletter: `/${locale}/newsletter`,
    // An unknown story: the proxy answers it with the script's 404 page.
    'not-found': `/${locale}/articles/no-such-story`,
  };
}

// The servers a benchmark starts write what its requests cause (view beacons, comments) into a
// throwaway SQLite file, removed at exit, never into the project's .data/site.db; DATABASE_FILE or
// DATABASE_URL in the environment, or the caller's env, name another.
let scratchDatabase: string | undefined;
function benchDatabaseFile() {
  if (process.env.DATABASE_FILE) return process.env.DATABASE_FILE;
  if (!scratchDatabase) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-db-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratchDatabase = path.join(dir, 'site.db');
  }
  return scratchDatabase;
}

export type Server = { url: string; stop: () => void; pid: number | undefined };

/** Starts a server (`next start` or a static file server) and resolves once it answers `probe`. */
export async function startServer(
  command: string[],
  port: number,
  probe = '/',
  origin = `http://127.0.0.1:${port}`,
  options: { cwd?: string; env?: Record<string, string>; log?: string; waitSeconds?: number } = {},
): Promise<Server> {
  // A server left running on the port would answer the probe while ours fails to start, and the
  // benchmark would measure it instead (an older build, say) without a word.
  const taken = await fetch(origin + probe).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new Error(
      `Something already answers on ${origin}: stop it first, or the benchmark would measure it instead of this build.`,
    );
  // A log file keeps what the server said, for a benchmark that must say why an answer failed.
  const out = options.log ? openSync(options.log, 'a') : 'ignore';
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    stdio: ['ignore', out, out],
    cwd: options.cwd,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_FILE: benchDatabaseFile(),
      PORT: String(port),
      ...options.env,
    },
  });
  const url = origin;
  const stop = () => void child.kill();
  process.on('exit', stop);
  let exitCode: number | null = null;
  child.on('exit', (code) => (exitCode = code ?? 1));
  const deadline = performance.now() + (options.waitSeconds ?? 20) * 1000;
  while (performance.now() < deadline && exitCode === null) {
    try {
      const response = await fetch(url + probe);
      if (response.ok) return { url, stop, pid: child.pid };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(
    `${command.join(' ')} ${exitCode === null ? 'did not answer' : `exited with ${exitCode}`} on port ${port}.`,
  );
}

/** The production server of the build in this folder, as `npm start` runs it; it listens on PORT. */
export const productionServer = (dir = '.') => [
  process.execPath,
  '--import',
  'tsx/esm',
  path.join(dir, 'scripts', existsSync(path.join(dir, 'scripts', 'start.mjs')) ? 'start.mjs' : 'start.ts'),
];

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * Resident memory (KiB) and CPU time used so far (s) of a process and all its descendants, read
 * from /proc. A process's CPU time includes that of the children it has already reaped, so the sum
 * over the live tree counts every process that ran in it.
 */
export function treeUsage(pid: number): { rssKiB: number; cpuSeconds: number } {
  let rssKiB = 0;
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // Fields after the command name: utime, stime, cutime, cstime are the 12th to 15th.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i] ?? 0), 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) for (const child of children.split(/\s+/)) visit(Number(child));
      }
    } catch {
      // The process ended while being read.
    }
  };
  visit(pid);
  return { rssKiB, cpuSeconds: ticks / clockTicks };
}

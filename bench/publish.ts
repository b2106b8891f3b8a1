// `npm run bench:publish -- --articles N [--runs R] [--work DIR] [--rate RPS] [--changes abc]`: how long a change takes from
// `git commit` to readers, on a built site of N synthetic stories (bench/corpus.ts) served by two
// production servers sharing Redis. For (a) a one-character fix in a story's body, (b) a new story
// and (c) a story taken back to draft, R times each (default 3), it commits the change, runs
// `npm run publish` (telling both servers) and prints:
// - visible: seconds until the change shows over HTTP on both servers, on the story's page and on the
//   front page (a new story listed, a withdrawn one gone);
// - in search: seconds until the search page of both servers, in Chromium, finds the change (the
//   fixed sentence, the new story's title) or no longer finds the withdrawn story, asked once the
//   publish is done (it swaps the search index in last);
// - done: seconds until the publish step finished, the search index included;
// - the publish step's own timings, and what autocannon saw meanwhile: 50 connections on pages and
//   listings of both servers (errors, non-2xx answers, requests), as fast as they answer or, with
//   --rate, at that many requests a second in all.
// The site is built once in DIR (default: a folder in the system's temp folder), and reused by later
// runs with the same DIR and N.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { productionServer, startServer, type Server } from './common';
import { startRedis } from './redis-server';
import { readIndexFromStore } from '@/pipeline/index/write-store';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string' },
    rate: { type: 'string' },
    changes: { type: 'string', default: 'abc' },
  },
});
// Requests per second of the load on both servers together; unset, as fast as they answer.
const rate = values.rate ? Number(values.rate) : undefined;
const articles = Number(values.articles);
const runs = Number(values.runs);
const root = process.cwd();
const work = path.resolve(values.work ?? path.join(os.tmpdir(), `guanchao-bench-publish-${articles}`));
const token = 'bench-publish-token-0123456789abcdef';
const ports = [3401, 3402];
const origins = ports.map((p) => `http://127.0.0.1:${p}`);

const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(command, args, {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd: work,
    stdio: 'pipe',
  });

/** A copy of the project with N synthetic stories as its content, built once. */
function prepare() {
  const marker = path.join(work, '.bench-built');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(articles)) return;
  rmSync(work, { recursive: true, force: true });
  const skip = new Set(['node_modules', '.next', '.contentlayer', '.git', 'test-results', 'playwright-report', 'out']);
  cpSync(root, work, { recursive: true, filter: (src) => !skip.has(path.basename(src)) });
  // Hard links, not a symlink: Turbopack refuses a symlinked node_modules.
  execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(work, 'node_modules')]);
  rmSync(path.join(work, 'content'), { recursive: true, force: true });
  // Run from this project: the corpus refuses to replace the content/ of the folder it runs in.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/corpus.ts', '--articles', String(articles), '--out', path.join(work, 'content')],
    { cwd: root, stdio: 'inherit' },
  );
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Corpus');
  run('npm', ['run', 'build']);
  writeFileSync(marker, String(articles));
}

const index = () => readIndexFromStore(path.join(work, '.contentlayer', 'site', 'content.db'))!;
const read = (file: string) => readFileSync(path.join(work, 'content', file), 'utf8');
const write = (file: string, text: string) => writeFileSync(path.join(work, 'content', file), text);
const body = (origin: string, p: string) =>
  fetch(`${origin}${p}`).then(
    async (r) => ({ status: r.status, html: await r.text() }),
    () => ({ status: 0, html: '' }),
  );

/** What the search page of one server lists for a query, read in a fresh browser context (no cached manifest). */
async function searchHits(origin: string, query: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/zh-Hant/search?q=${encodeURIComponent(query)}`);
    await page
      .getByTestId('search-status')
      .and(page.locator('[data-state="done"], [data-state="failed"]'))
      .waitFor({ timeout: 30_000 });
    return await page
      .getByTestId('search-results')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  } catch {
    return [];
  } finally {
    await context.close();
  }
}

/** Whether a query finds (or, with `found` false, no longer finds) a page on both servers. */
const inSearch = async (query: string, pagePath: string, found = true) =>
  (await Promise.all(origins.map((o) => searchHits(o, query)))).every((hits) => hits.includes(pagePath) === found);

type Change = {
  name: string;
  make: (k: number) => {
    visible: () => Promise<boolean>;
    searched: () => Promise<boolean>;
    searchable?: () => Promise<boolean>;
  };
};

/** A published story written by hand in one script, and its file. */
function storyWithFile(k: number) {
  const candidates = index().articles.filter((a) => a.locale === 'zh-Hant' && !a.derivedFrom && !a.draft);
  return candidates[(k * 7919) % candidates.length]!;
}

const changes: Change[] = [
  {
    name: '(a) a fix in a body',
    make(k) {
      const story = storyWithFile(k);
      // A word found nowhere else, so that search finds this story for it only once it is indexed.
      const word = `qz${k}${Date.now().toString(36)}x`;
      const marker = `修正標記 ${word} 。`;
      const text = read(story.sourceFile);
      const split = text.indexOf('\n---', 4) + 5;
      write(story.sourceFile, `${text.slice(0, split)}\n${marker}${text.slice(split)}`);
      return {
        visible: async () =>
          (await Promise.all(origins.map((o) => body(o, story.path)))).every((r) => r.html.includes(marker)),
        searched: () => inSearch(word, story.path),
      };
    },
  },
  {
    name: '(b) a new story',
    make(k) {
      const story = storyWithFile(k + 1000);
      const slug = `bench-new-story-${Date.now().toString(36)}`;
      const title = `基準測試新稿${k}號：邊緣運算`;
      const now = new Date(Date.now() + 8 * 3600_000 - 60_000).toISOString().slice(0, 19);
      const text = read(story.sourceFile)
        .replace(/^title: .*$/m, `title: ${title}`)
        .replace(/^publishedAt: .*$/m, `publishedAt: ${now}`)
        .replace(/^updatedAt: .*\n/m, '')
        .replace(/^featured: .*\n/m, '');
      const dir = path.join('articles', 'bench', slug);
      execFileSync('mkdir', ['-p', path.join(work, 'content', dir)]);
      write(path.join(dir, 'zh-Hant.mdx'), text);
      return {
        visible: async () => {
          const pages = await Promise.all(
            origins.flatMap((o) => [body(o, `/zh-Hant/articles/${slug}`), body(o, '/zh-Hant')]),
          );
          return pages.every((r) => r.status === 200 && r.html.includes(title));
        },
        searched: () => inSearch(title, `/zh-Hant/articles/${slug}`),
      };
    },
  },
  {
    name: '(c) a story withdrawn',
    make(k) {
      const story = storyWithFile(k + 2000);
      const newest = index().articles.find(
        (a) => a.locale === 'zh-Hant' && !a.derivedFrom && Date.parse(a.publishedAt) <= Date.now(),
      )!;
      // The newest story, so the front page shows the change too.
      const target = k % 2 === 0 ? newest : story;
      // Every script's file of the story: the two must agree on being a draft.
      const folder = path.posix.dirname(target.sourceFile);
      for (const file of readdirSync(path.join(work, 'content', folder)).filter((f) => f.endsWith('.mdx'))) {
        const source = path.posix.join(folder, file);
        write(source, read(source).replace(/^publishedAt: (.*)$/m, 'publishedAt: $1\ndraft: true'));
      }
      return {
        visible: async () => {
          const pages = await Promise.all(origins.flatMap((o) => [body(o, target.path), body(o, '/zh-Hant')]));
          return pages.every((r, i) =>
            i % 2 === 0 ? r.status === 404 : r.status === 200 && !r.html.includes(`href="${target.path}"`),
          );
        },
        searched: () => inSearch(target.title, target.path, false),
        // Its title must find it before, or its absence after says nothing.
        searchable: () => inSearch(target.title, target.path),
      };
    },
  },
];

/** What the load saw on one server. */
type Tally = { errors: number; timeouts: number; non2xx: number; requests: number };

/** 50 connections on pages and listings of both servers until stopped, at `rate` requests a second in all when set. */
function loadWhile() {
  const a = index().articles.find((x) => x.locale === 'zh-Hant')!;
  const paths = [
    '/zh-Hant',
    '/zh-Hans',
    `/zh-Hant/tags/${a.tagSlugs[0]}`,
    `/zh-Hant/sections/${a.sectionSlug}`,
    '/zh-Hant/page/3',
  ];
  const runs = origins.map((origin) => {
    const paced = rate ? { overallRate: rate / origins.length } : {};
    const worker = new Worker(new URL('./load-thread.mjs', import.meta.url), {
      workerData: {
        url: origin,
        connections: 25,
        duration: 3600,
        ...paced,
        requests: paths.map((p) => ({ method: 'GET', path: p })),
      },
    });
    const done = new Promise<Tally>((resolve, reject) => {
      worker.once('message', (m: Tally | { error: string }) =>
        'error' in m ? reject(new Error(m.error)) : resolve(m),
      );
      worker.once('error', reject);
    });
    return { stop: () => worker.postMessage('stop'), done: done.finally(() => worker.terminate()) };
  });
  return async () => {
    for (const r of runs) r.stop();
    const results = await Promise.all(runs.map((r) => r.done));
    // autocannon counts a timeout (10 s without an answer) among its errors too.
    return results.reduce(
      (s, r) => ({
        errors: s.errors + r.errors,
        timeouts: s.timeouts + r.timeouts,
        non2xx: s.non2xx + r.non2xx,
        requests: s.requests + r.requests,
      }),
      { errors: 0, timeouts: 0, non2xx: 0, requests: 0 },
    );
  };
}

function publish(): Promise<{ seconds: number; output: string; status: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'publish'], {
      cwd: work,
      env: { ...process.env, PUBLISH_TOKEN: token, PUBLISH_SERVERS: origins.join(',') },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (status) =>
      resolve({ seconds: (performance.now() - started) / 1000, output, status: status ?? 1 }),
    );
  });
}

/** The median of the runs that measured something (a run that never saw the change counts as NaN, left out). */
const median = (xs: number[]) => {
  const measured = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return measured.length ? measured[Math.floor(measured.length / 2)]! : Number.NaN;
};

prepare();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const redis = await startRedis(6399);
const servers: Server[] = [];
for (const port of ports) {
  servers.push(
    await startServer(productionServer(work), port, '/zh-Hant', `http://127.0.0.1:${port}`, {
      cwd: work,
      env: { REDIS_URL: redis.url, PUBLISH_TOKEN: token, HOSTNAME: '127.0.0.1' },
    }),
  );
}
try {
  console.log(
    `${articles} stories in ${work}; load ${rate ? `${rate} requests a second` : 'as fast as the servers answer'}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${os.cpus().length} cores.`,
  );
  // --changes picks some of (a), (b) and (c) by letter.
  for (const change of changes.filter((c) => values.changes.includes(c.name[1]!))) {
    const visible: number[] = [];
    const inSearchAfter: number[] = [];
    const done: number[] = [];
    for (let k = 0; k < runs; k++) {
      const { visible: isVisible, searched, searchable } = change.make(k);
      const checkable = searchable ? await searchable() : true;
      git('add', '-A');
      git('commit', '-qm', `${change.name} ${k}`);
      const stopLoad = loadWhile();
      const started = performance.now();
      const publishing = publish();
      let seenAt: number | undefined;
      let searchedAt: number | undefined;
      let finished: Awaited<ReturnType<typeof publish>> | undefined;
      void publishing.then((r) => (finished = r));
      const since = () => (performance.now() - started) / 1000;
      const watchPages = (async () => {
        while (seenAt === undefined && since() < 300) {
          if (await isVisible()) seenAt = since();
          else await new Promise((r) => setTimeout(r, 250));
        }
      })();
      // Searched in a browser only once the publish is done (its last step swaps the search manifest
      // in): a browser searching every second beside it took more of the machine than the publish.
      await publishing;
      while (checkable && searchedAt === undefined && since() < 300) {
        if (await searched()) searchedAt = since();
        else await new Promise((r) => setTimeout(r, 1000));
      }
      await watchPages;
      const result = finished ?? (await publishing);
      const load = await stopLoad();
      if (result.status !== 0) throw new Error(`publish failed:\n${result.output}`);
      visible.push(seenAt ?? Number.NaN);
      inSearchAfter.push(searchedAt ?? Number.NaN);
      done.push(result.seconds);
      // The publish's own clock at the end of each step.
      const steps = [
        ...result.output.matchAll(
          /^(Checked|Compiled|Indexed|Told \S+|Warmed \S+|Published) (?:\(\d+ page\(s\)\) )?in ([\d.]+) s\.$|\(compared in ([\d.]+) s\)/gm,
        ),
      ].map((m) =>
        m[3]
          ? `compared ${m[3]} s`
          : `${m[1]!.replace(/^(Told|Warmed) http:\/\/127\.0\.0\.1:/, '$1 :').toLowerCase()} ${m[2]} s`,
      );
      const tags = /^(\d+) cache tag\(s\) changed/m.exec(result.output)?.[1];
      const search = /^Search index: .*$/m.exec(result.output)?.[0] ?? 'search index untouched';
      console.log(
        `${change.name} #${k + 1}: visible on both servers in ${seenAt?.toFixed(1) ?? 'never'} s, in search in ${checkable ? `${searchedAt?.toFixed(1) ?? 'never'} s` : '(not found by its title before: not measured)'}, ` +
          `publish done in ${result.seconds.toFixed(1)} s ` +
          `(${steps.join(', ')}; ${tags} cache tags revalidated; ${search}); under load: ${load.requests} requests, ${load.errors} errors (${load.timeouts} of them timeouts), ${load.non2xx} non-2xx`,
      );
    }
    console.log(
      `${change.name}: median visible ${median(visible).toFixed(1)} s, in search ${median(inSearchAfter).toFixed(1)} s, done ${median(done).toFixed(1)} s`,
    );
  }
} finally {
  for (const server of servers) server.stop();
  await redis.stop();
  await browser.close();
}

// `npm run bench:engage -- [--seconds S] [--connections C] [--rounds R]`: readers reading, commenting
// and being counted at once against the production server of this build, on an SQLite file and on
// PostgreSQL (a throwaway cluster, bench/postgres-server.ts), R rounds alternating (default 2, so
// A B A B). Each round: S seconds (default 60), C connections (default 20), requests 80% pages (the
// front pages and stories of both scripts), 10% comment posts, 10% view beacons, each from its own
// reader address. Prints requests a second, p50/p99, answers by class, errors and timeouts, and the
// comments the database holds afterwards. Goal: 0 errors, 0 5xx. Run after `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

import { openDatabase } from '@/lib/engage/database';
import { productionServer, readStoredIndex, startServer } from './common';
import { freePort, freshDatabase, startPostgres } from './postgres-server';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
  },
});
const index = readStoredIndex();
const now = new Date().toISOString();
const stories = index.articles.filter((a) => !a.draft && !a.commentsClosed && a.publishedAt <= now).slice(0, 6);
const story = stories[0]!;

let serial = 0;
const reader = () => `10.${Math.floor(++serial / 62500) % 250}.${Math.floor(serial / 250) % 250}.${serial % 250}`;
const pages = ['/zh-Hant', '/zh-Hans', ...stories.map((a) => a.path), `/zh-Hans/articles/${story.slug}`];
// Ten requests, taken in turn: eight pages, one comment, one view.
const requests: autocannon.Request[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ method: 'GET' as const, path: pages[i % pages.length]! })),
  {
    method: 'POST',
    path: `/api/comments/${story.slug}`,
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': reader() },
      body: JSON.stringify({ name: '壓測讀者', body: `第 ${serial} 則壓力測試留言`, locale: 'zh-Hant' }),
    }),
  },
  {
    method: 'POST',
    path: `/api/views/${stories[serial % stories.length]!.slug}`,
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      headers: {
        'Content-Type': 'text/plain',
        'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0',
        'X-Forwarded-For': reader(),
      },
      body: 'zh-Hant',
    }),
  },
];

type Result = {
  kind: string;
  rps: number;
  p50: number;
  p99: number;
  answers: string;
  errors: number;
  timeouts: number;
  comments: number;
};
const results: Result[] = [];

async function round(kind: 'sqlite' | 'postgres') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-engage-'));
  const postgres = kind === 'postgres' ? await startPostgres(await freePort()) : undefined;
  const url = postgres ? await freshDatabase(postgres, `bench_${Date.now()}`) : undefined;
  const env: Record<string, string> = {
    HOSTNAME: '127.0.0.1',
    TRUST_PROXY_HOPS: '1',
    ...(url ? { DATABASE_URL: url } : { DATABASE_FILE: path.join(dir, 'site.db') }),
  };
  const server = await startServer(productionServer(), await freePort(), '/zh-Hant', undefined, { env });
  try {
    // Warm the pages and the database (its tables are made on first use).
    await autocannon({ url: server.url, connections: 4, duration: 3, requests });
    const result = await autocannon({
      url: server.url,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      timeout: 10,
      requests,
    });
    const db = await openDatabase(url ? { url } : { file: path.join(dir, 'site.db') });
    const comments = Number(
      (
        await db.db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await db.close();
    results.push({
      kind,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      answers: `2xx ${result['2xx']}, 3xx ${result['3xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}`,
      errors: result.errors,
      timeouts: result.timeouts,
      comments,
    });
    console.log(
      `${kind}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${results.at(-1)!.answers}; errors ${result.errors}, timeouts ${result.timeouts}; ${comments} comments stored`,
    );
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 500));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `${values.rounds} rounds of ${values.seconds} s each on SQLite and PostgreSQL, ${values.connections} connections; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (let r = 0; r < Number(values.rounds); r++) for (const kind of ['sqlite', 'postgres'] as const) await round(kind);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
for (const kind of ['sqlite', 'postgres']) {
  const mine = results.filter((r) => r.kind === kind);
  console.log(
    `${kind}, median of ${mine.length}: ${median(mine.map((r) => r.rps)).toFixed(0)} req/s, p99 ${median(mine.map((r) => r.p99))} ms, errors ${mine.reduce((n, r) => n + r.errors, 0)}, 5xx ${mine.map((r) => r.answers.match(/5xx (\d+)/)![1]).join('/')}`,
  );
}
if (results.some((r) => r.errors > 0 || !r.answers.endsWith('5xx 0'))) process.exitCode = 1;

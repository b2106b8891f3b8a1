// `npm run bench:serve`: how fast the production server answers an article page. autocannon sends
// 50 concurrent connections for 30 s (BENCH_SECONDS to change) at one article on the production server (npm start), then
// at the same prebuilt HTML served by a plain static file server (`serve`), and prints requests per
// second, p50/p99 latency, errors and non-2xx answers for each, and the ratio. Run after
// `npm run build`. The load generator shares the machine with the server, as it would in CI.
//
// BENCH_BEFORE=<another project folder, built> compares instead that build's production server with
// this one's on the article and the front page, turn about (A B A B, BENCH_ROUNDS rounds, 3 by
// default), as a browser asks (gzip and br accepted), and prints each round, the medians and the
// bytes sent and the server's CPU milliseconds per answer. This build runs twice a round: as it
// ships ("after"), and with the front door's recent pages off ("no-mem", PAGE_MEMORY_MS=0), which
// is what an answer costs when Next makes it (a page few readers ask for at the same moment).
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { prerenderedPagesDir } from '@/lib/prerendered';
import { productionServer, samplePages, startServer, treeUsage } from './common';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = 50;
const { article: articlePath, home: homePath } = samplePages('zh-Hant');

type Figures = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
};

async function load(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Figures & { bytes: number }> {
  // One request first, so that the measurement starts from a warm server.
  await fetch(url);
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    bytes: result.throughput.total / Math.max(1, result.requests.total),
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

const before = process.env.BENCH_BEFORE;
if (before) {
  await compare(path.resolve(before));
  process.exit(process.exitCode ?? 0);
}

async function compare(beforeDir: string) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };
  const builds: { name: string; cwd: string; env: Record<string, string> }[] = [
    { name: 'before', cwd: beforeDir, env: {} },
    { name: 'after', cwd: process.cwd(), env: {} },
    { name: 'no-mem', cwd: process.cwd(), env: { PAGE_MEMORY_MS: '0' } },
  ];
  const pages = [articlePath, homePath];
  const runs: (Figures & { bytes: number; page: string; cpuMs: number })[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  console.log(
    `${pages.join(' and ')}, ${connections} connections, ${seconds} s a run, ${rounds} rounds of before, after and no-mem; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (let round = 1; round <= rounds; round++) {
    for (const build of builds) {
      const server = await startServer(productionServer(build.cwd), 3400, articlePath, undefined, {
        cwd: build.cwd,
        env: build.env,
      });
      for (const page of pages) {
        const cpuBefore = treeUsage(server.pid!).cpuSeconds;
        const measured = await load(build.name, server.url + page, browser);
        // The server's CPU per answer: steadier than req/s when the load generator shares the cores.
        const cpuMs = ((treeUsage(server.pid!).cpuSeconds - cpuBefore) * 1000) / Math.max(1, measured.requests);
        const figures = { ...measured, page, cpuMs };
        runs.push(figures);
        console.log(
          `round ${round} ${build.name.padEnd(7)} ${page} ${figures.rps.toFixed(0).padStart(6)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  ${figures.cpuMs.toFixed(2)} CPU ms/answer  ${figures.bytes.toFixed(0)} bytes/answer  errors ${figures.errors}, timeouts ${figures.timeouts}, non-2xx ${figures.non2xx}`,
        );
      }
      server.stop();
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  for (const page of pages) {
    for (const build of builds) {
      const own = runs.filter((r) => r.name === build.name && r.page === page);
      console.log(
        `median ${build.name.padEnd(7)} ${page} ${median(own.map((r) => r.rps))
          .toFixed(0)
          .padStart(
            6,
          )} req/s  p50 ${median(own.map((r) => r.p50))} ms  p99 ${median(own.map((r) => r.p99))} ms  ${median(own.map((r) => r.cpuMs)).toFixed(2)} CPU ms/answer  ${median(own.map((r) => r.bytes)).toFixed(0)} bytes/answer`,
      );
    }
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  process.exitCode = runs.some((r) => r.errors + r.timeouts + r.non2xx > 0) ? 1 : 0;
}

const next = await startServer(productionServer(), 3400, articlePath);
const nextFigures = await load('production server', next.url + articlePath);
next.stop();

// The prerendered pages as plain files: /zh-Hant/articles/x is served from .../zh-Hant/articles/x.html.
const staticDir = prerenderedPagesDir();
const files = await startServer(
  [
    process.execPath,
    path.join('node_modules', 'serve', 'build', 'main.js'),
    '--no-request-logging',
    '-l',
    '3401',
    staticDir,
  ],
  3401,
  articlePath,
);
const staticFigures = await load('static files', files.url + articlePath);
files.stop();

console.log(`\n${articlePath}, ${connections} connections, ${seconds} s each`);
console.log(
  `${'server'.padEnd(14)}${'req/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}`,
);
for (const f of [nextFigures, staticFigures]) {
  console.log(
    `${f.name.padEnd(14)}${f.rps.toFixed(0).padStart(9)}${String(f.p50).padStart(8)}${String(f.p99).padStart(8)}${String(f.requests).padStart(10)}${String(f.errors + f.timeouts).padStart(8)}${String(f.non2xx).padStart(9)}`,
  );
}
console.log(
  `production server / static files: ${(nextFigures.rps / staticFigures.rps).toFixed(2)} of the static server's requests per second.`,
);
const failures =
  nextFigures.errors +
  nextFigures.timeouts +
  nextFigures.non2xx +
  staticFigures.errors +
  staticFigures.timeouts +
  staticFigures.non2xx;
console.log(
  failures === 0 ? 'No errors and no non-2xx answers.' : `${failures} errors or non-2xx answers: the target is zero.`,
);
process.exitCode = failures === 0 ? 0 : 1;

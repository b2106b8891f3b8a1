// `npm run bench:archive -- [--work DIR] [--stories N]`: how fast an archive story (one the build did
// not prerender, PRERENDER_ARTICLES) is served: the first request, which renders it, and the next,
// from the page cache. It starts the production server of a built project (DIR, default this one:
// for a big archive, the copy `npm run bench:build` leaves in the system's temp folder), asks for N
// of the oldest stories of each script (default 20) one at a time, then for each again, and prints
// the median and the slowest of both, the server's first request (its start, on its own), and the
// resident memory of its process tree at the end. The server answers nothing else meanwhile.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { productionServer, startServer, treeUsage } from './common';
import { readIndexFromStore } from '@/pipeline/index/write-store';

const { values } = parseArgs({
  options: {
    work: { type: 'string' },
    stories: { type: 'string', default: '20' },
    port: { type: 'string', default: '3411' },
  },
});
const work = path.resolve(values.work ?? '.');
const count = Number(values.stories);
const index = readIndexFromStore(path.join(work, '.contentlayer', 'site', 'content.db'))!;
// The oldest stories: the build prerenders the newest of each script.
const oldest = (locale: string) =>
  index.articles
    .filter((a) => a.locale === locale && !a.draft)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    .slice(0, count)
    .map((a) => `/${locale}/articles/${a.slug}`);
const paths = [...oldest('zh-Hant'), ...oldest('zh-Hans')];

const starting = performance.now();
const server = await startServer(productionServer(work), Number(values.port), '/zh-Hant', undefined, {
  cwd: work,
  env: { HOSTNAME: '127.0.0.1' },
});
const timed = async (p: string) => {
  const started = performance.now();
  const response = await fetch(`${server.url}${p}`);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${p}: ${response.status}`);
  return { ms: performance.now() - started, cache: response.headers.get('x-nextjs-cache') ?? '' };
};
const summary = (runs: { ms: number; cache: string }[]) => {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const caches = [...new Set(runs.map((r) => r.cache || '(none)'))].join('/');
  return `median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, slowest ${ms.at(-1)!.toFixed(1)} ms (x-nextjs-cache: ${caches})`;
};
const started = performance.now() - starting;
try {
  const first = [];
  for (const p of paths) first.push(await timed(p));
  const again = [];
  for (const p of paths) again.push(await timed(p));
  console.log(
    `${index.articles.length} article pages in the index; ${paths.length} archive stories (the oldest ${count} of each script), one request at a time:`,
  );
  console.log(`  first request: ${summary(first)}`);
  console.log(`  cached:        ${summary(again)}`);
  console.log(`  the server answered its first page ${(started / 1000).toFixed(1)} s after it was started`);
  if (server.pid !== undefined)
    console.log(`  resident memory of the server's processes: ${Math.round(treeUsage(server.pid).rssKiB / 1024)} MiB`);
} finally {
  server.stop();
}

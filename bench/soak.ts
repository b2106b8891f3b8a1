// `npm run bench:soak -- [--minutes M] [--connections C]`: holds mixed traffic on the production server
// of this build for M minutes (default 10): pages and listings of both scripts, stories, the search
// page and its index, pictures through the image optimizer, 404s, and hostile requests (broken
// encoding, dot segments, other methods, impossible ranges, image requests for what is not a
// picture), C connections at once (default 20). It prints every minute and at the end: requests,
// answers by class, errors, timeouts and 5xx, and the server's resident memory after the first
// minute (warm-up), at the end, and at its highest. Goal: 0 5xx and 0 errors, memory flat after
// warm-up. Run after `npm run build`, with nothing else on the port.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { indexFile } from '@/lib/content-files';
import type { ContentIndex } from '@/lib/content-model';
import { productionServer, startServer } from './common';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    port: { type: 'string', default: '3412' },
  },
});
const minutes = Number(values.minutes);
const index = JSON.parse(readFileSync(indexFile, 'utf8')) as ContentIndex;
const stories = index.articles.filter((a) => !a.draft).slice(0, 8);
const story = stories[0]!;
const picture = story.hero.src;

type Request = {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'TRACE';
  path: string;
  headers?: Record<string, string>;
};
const requests: Request[] = [
  // What readers ask for.
  { path: '/zh-Hant' },
  { path: '/zh-Hans' },
  ...stories.map((a) => ({ path: a.path })),
  { path: `/zh-Hant/tags/${story.tagSlugs[0]}` },
  { path: `/zh-Hans/sections/${story.sectionSlug}` },
  { path: `/zh-Hant/authors/${story.authorIds[0]}` },
  { path: '/zh-Hant/search' },
  { path: '/pagefind/manifest.json' },
  { path: '/sitemap.xml' },
  { path: picture },
  { path: `/_next/image?url=${encodeURIComponent(picture)}&w=640&q=75` },
  { path: '/', headers: { 'Accept-Language': 'zh-CN' } },
  { path: '/zh-Hant/' },
  // What scanners and broken links ask for.
  { path: '/zh-Hant/articles/no-such-story' },
  { path: '/wp-login.php' },
  { path: '/.env' },
  { path: '/zh-Hant/tags/%ZZ' },
  { path: '/images/..%2f..%2fpackage.json' },
  { path: '/_next/static/%E0%A4%A.js' },
  { method: 'POST', path: '/zh-Hant' },
  { method: 'TRACE', path: '/zh-Hans' },
  { method: 'DELETE', path: picture },
  { path: picture, headers: { Range: 'bytes=99999999-' } },
  { path: '/_next/image?url=/robots.txt&w=640&q=75' },
  { path: `/_next/image?url=${encodeURIComponent(picture)}&w=641&q=75` },
  { method: 'POST', path: '/api/publish', headers: { Authorization: 'Bearer wrong' } },
  { path: `/zh-Hant/search?q=${encodeURIComponent('<script>alert(1)</script>')}` },
];

const server = await startServer(productionServer(), Number(values.port), '/zh-Hant', undefined, {
  env: { HOSTNAME: '127.0.0.1' },
});
const rss = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};
const samples: { minute: number; mib: number }[] = [];
const started = performance.now();
try {
  const instance = autocannon({
    url: server.url,
    connections: Number(values.connections),
    duration: minutes * 60,
    timeout: 10,
    requests: requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, headers: r.headers })),
  });
  const timer = setInterval(() => {
    const minute = (performance.now() - started) / 60_000;
    samples.push({ minute, mib: rss() });
    if (Math.abs(minute - Math.round(minute)) < 0.1)
      console.log(`  ${minute.toFixed(1)} min: server ${rss().toFixed(0)} MiB`);
  }, 5_000);
  const result = await instance;
  clearInterval(timer);
  const afterWarmUp = samples.find((s) => s.minute >= 1) ?? samples[0]!;
  const end = samples.at(-1)!;
  const highest = Math.max(...samples.map((s) => s.mib));
  console.log(
    `${minutes} min, ${values.connections} connections, ${requests.length} kinds of request (${requests.filter((r) => r.method || r.path.includes('%') || r.headers?.Range).length} hostile):`,
  );
  console.log(
    `  requests ${result.requests.total}, ${result.requests.average.toFixed(0)} a second; 2xx ${result['2xx']}, 3xx ${result['3xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}`,
  );
  console.log(
    `  errors ${result.errors}, timeouts ${result.timeouts}; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  );
  console.log(
    `  server memory (resident): ${afterWarmUp.mib.toFixed(0)} MiB after the first minute, ${end.mib.toFixed(0)} MiB at the end, ${highest.toFixed(0)} MiB at most`,
  );
  if (result['5xx'] > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  server.stop();
}

// `npm run bench:soak -- [--minutes M] [--connections C]`: a festival night. Two production servers
// (`npm start`: scripts/start.ts) of a throwaway copy of this build (tests/site-copy.ts: the project is
// never touched) share one Redis and one PostgreSQL, both started here, for M minutes (default 10).
// C connections (default 20), spread over both, send in turn (bench/soak-traffic.ts): pages,
// listings, stories, pictures and redirects of both scripts, the search page and its index, comments,
// view beacons and newsletter sign-ups as the site's own pages send them (each from another reader
// behind one trusted proxy), and hostile requests. Meanwhile three publishes run in the copy
// (bench/soak-publishes.ts): a fix to a story's text, a new story with a new picture, a withdrawal;
// each is watched on both servers until they serve it. It prints every minute and at the end:
// requests, answers by class, errors, timeouts, 5xx, each server's resident memory (after the first
// minute, at the end, at most) and its live heap after a full collection (bench/heap-probe.mjs, every
// 30 s), and each publish's seconds until live on each server; then every 5xx, error and timeout with
// its request, and the servers' error lines. Goals (else exit 1): 0 5xx, 0 errors and timeouts, every
// publish live on both servers and still served to the end, the live heap flat after the first minute
// (the last minute's at most 20% or 24 MiB above the second's).
// Run after `npm run build`.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentIndex } from '@/lib/content-model';
import { makeSiteCopy, type SiteCopy } from '../tests/site-copy';
import { productionServer, startServer, type Server } from './common';
import { freePort, startPostgres, type PostgresServer } from './postgres-server';
import { startRedis, type RedisServer } from './redis-server';
import { festivalPublishes, publishTargets, runPublish, watchRelapses, type PublishResult } from './soak-publishes';
import { newTally, requestPlan, startTraffic, warmUp, type Tally } from './soak-traffic';
import { printFindings, printMinute, printSummary, treeMiB, type Sample } from './soak-report';
import { readIndexFromStore } from '@/pipeline/index/write-store';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    port: { type: 'string', default: '3421' },
  },
});
const minutes = Number(values.minutes);
const connections = Number(values.connections);
const ports = [Number(values.port), Number(values.port) + 1];
const token = 'soak-publish-token-0123456789abcdef';
/** When, as a share of the run, each publish starts (each after the one before is live). */
const PUBLISH_AT = [0.2, 0.45, 0.7];
/** A publish not live on both servers this many seconds after it started counts as never. */
const GIVE_UP_SECONDS = 180;

type Night = {
  site: SiteCopy;
  redis: RedisServer;
  postgres: PostgresServer;
  servers: Server[];
  logs: string[];
  heaps: string[];
};

/** Redis, PostgreSQL, the copy of the site and its two servers, each logging to a file kept after the run. */
async function setUp(): Promise<Night> {
  if (!existsSync(path.join('.next', 'BUILD_ID'))) throw new Error('No build: run `npm run build` first.');
  const redis = await startRedis(ports[0]! + 3000);
  const postgres = await startPostgres(await freePort());
  const site = makeSiteCopy(ports[0]!, token);
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'soak-logs-'));
  const logs = ports.map((p) => path.join(logDir, `server-${p}.log`));
  // Each server's live heap after a full collection, every 30 s (bench/heap-probe.mjs).
  const heaps = ports.map((p) => path.join(logDir, `server-${p}.heap.jsonl`));
  const env = {
    REDIS_URL: redis.url,
    DATABASE_URL: postgres.url,
    PUBLISH_TOKEN: token,
    HOSTNAME: '127.0.0.1',
    // Behind one proxy, as behind a CDN: each request names its reader in X-Forwarded-For.
    TRUST_PROXY_HOPS: '1',
  };
  // One after the other: both migrating the empty database at once is not what this measures.
  const servers: Server[] = [];
  for (const [i, port] of ports.entries())
    servers.push(
      await startServer(
        [process.execPath, '--import', path.resolve('bench', 'heap-probe.mjs'), ...productionServer(site.dir).slice(1)],
        port,
        '/zh-Hant',
        undefined,
        {
          cwd: site.dir,
          env: { ...env, HEAP_PROBE_FILE: heaps[i]! },
          log: logs[i],
          waitSeconds: 120,
        },
      ),
    );
  return { site, redis, postgres, servers, logs, heaps };
}

async function tearDown(night: Partial<Night>) {
  for (const server of night.servers ?? []) server.stop();
  await new Promise((r) => setTimeout(r, 1000));
  night.site?.remove();
  await night.redis?.stop();
  await night.postgres?.stop();
}

/** The publishes, each at its time or once the one before is live, whichever is later. */
async function publishNight(
  night: Night,
  tally: Tally,
  index: ContentIndex,
  started: number,
  results: PublishResult[],
) {
  const origins = night.servers.map((s) => s.url);
  for (const [i, publish] of festivalPublishes(tally, index).entries()) {
    const wait = started + PUBLISH_AT[i]! * minutes * 60_000 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const result = await runPublish(night.site, origins, publish, GIVE_UP_SECONDS);
    const live = result.liveAfter.map((s, k) => `${ports[k]} ${s === undefined ? 'never' : `${s.toFixed(1)} s`}`);
    console.log(
      `  publish ${i + 1}, ${result.name}: done in ${result.seconds.toFixed(1)} s (exit ${result.status}); live on ${live.join(', ')}`,
    );
    if (result.status !== 0) console.log(result.output);
    results.push(result);
  }
}

async function festivalNight(night: Night) {
  const index = readIndexFromStore(night.site.file('.contentlayer/site/content.db'))!;
  const plan = requestPlan(index, publishTargets(index).withdrawn.slug);
  const tally = newTally();
  const origins = night.servers.map((s) => s.url);
  const warming = performance.now();
  const firsts = await warmUp(origins, plan, tally);
  const slowest = firsts
    .slice(0, 4)
    .map((f) => `${f.request} on :${new URL(f.origin).port} ${f.seconds.toFixed(1)} s (${f.status ?? 'no answer'})`);
  console.log(
    `  warm-up, each kind once on each server: ${((performance.now() - warming) / 1000).toFixed(1)} s; slowest first answers: ${slowest.join('; ')}`,
  );
  const samples: Sample[] = [];
  const started = performance.now();
  const startedAt = Date.now();
  tally.started = started;
  const elapsed = () => (performance.now() - started) / 60_000;
  const stopTraffic = startTraffic(
    night.servers.map((s) => s.url),
    plan,
    connections,
    tally,
  );
  const sampler = setInterval(() => {
    samples.push({ minute: elapsed(), mib: night.servers.map((s) => treeMiB(s.pid)) });
    const minute = samples.at(-1)!.minute;
    if (Math.floor(minute) > Math.floor(samples.at(-2)?.minute ?? 0)) printMinute(minute, tally, samples.at(-1)!);
  }, 5_000);
  const publishes: PublishResult[] = [];
  const stopWatching = watchRelapses(publishes, origins, started);
  await publishNight(night, tally, index, started, publishes);
  const left = started + minutes * 60_000 - performance.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  clearInterval(sampler);
  const relapses = await stopWatching();
  await stopTraffic();
  const checked = [];
  for (const p of publishes) checked.push({ ...p, liveAtEnd: await p.stillLive() });
  return { tally, samples, publishes: checked, relapses, minutes: elapsed(), plan: plan.length, startedAt };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const night: Partial<Night> = {};
try {
  console.log(
    `Festival night: ${minutes} min, ${connections} connections on ports ${ports.join(' and ')}; load average ${load()}, ${os.cpus().length} cores.`,
  );
  Object.assign(night, await setUp());
  const run = await festivalNight(night as Night);
  console.log(`Load average at the end: ${load()}.`);
  printSummary({ ...run, ports, connections, heaps: night.heaps! });
  const failed = printFindings(run, ports, night.logs!, night.heaps!);
  if (failed.length) {
    console.log(`Goals missed: ${failed.join('; ')}.`);
    process.exitCode = 1;
  } else console.log('Every goal met.');
} finally {
  await tearDown(night);
}

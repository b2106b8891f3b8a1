// What the festival-night soak (bench/soak.ts) prints, and its goals.
import { readFileSync } from 'node:fs';
import { treeUsage } from './common';
import type { PublishResult, Relapse } from './soak-publishes';
import type { Tally } from './soak-traffic';

/** Each server's resident memory (MiB) at a moment of the run. */
export type Sample = { minute: number; mib: number[] };

type Run = {
  tally: Tally;
  samples: Sample[];
  publishes: (PublishResult & { liveAtEnd: (boolean | undefined)[] })[];
  relapses: Relapse[];
  minutes: number;
  plan: number;
  /** When the traffic started (Date.now()), the clock of the heap probe's lines. */
  startedAt: number;
};

/** Resident memory of a process and every process under it (a server may start workers), in MiB. */
export const treeMiB = (pid: number | undefined): number => (pid === undefined ? 0 : treeUsage(pid).rssKiB / 1024);

const classes = (t: Tally) =>
  `2xx ${t.classes['2xx']}, 3xx ${t.classes['3xx']}, 4xx ${t.classes['4xx']}, 5xx ${t.classes['5xx']}`;

export function printMinute(minute: number, tally: Tally, sample: Sample) {
  console.log(
    `  ${minute.toFixed(1)} min: ${tally.requests} requests (${classes(tally)}), errors ${tally.errors}, timeouts ${tally.timeouts}; servers ${sample.mib.map((m) => `${m.toFixed(0)} MiB`).join(', ')}`,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

/**
 * Per server: resident memory after the first minute, at the end, at most, and the median of each
 * minute's samples (every 5 s). Printed, not judged: a single sample swings by a collection's worth
 * (100 MiB seen).
 */
function memory(samples: Sample[], server: number) {
  const afterWarmUp = (samples.find((s) => s.minute >= 1) ?? samples[0])?.mib[server] ?? 0;
  const end = samples.at(-1)?.mib[server] ?? 0;
  const peak = Math.max(...samples.map((s) => s.mib[server] ?? 0));
  const minutes = Math.ceil(samples.at(-1)?.minute ?? 0);
  const perMinute = Array.from({ length: minutes }, (_, m) =>
    median(samples.filter((s) => s.minute >= m && s.minute < m + 1).map((s) => s.mib[server] ?? 0)),
  );
  return { afterWarmUp, end, peak, perMinute };
}

/**
 * Each minute's median of a server's live heap after a full collection (bench/heap-probe.mjs writes
 * one every 30 s), from the start of the traffic.
 */
function liveHeap(file: string, startedAt: number): number[] {
  let lines: { at: number; heapMiB: number }[] = [];
  try {
    lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { at: number; heapMiB: number });
  } catch {
    // No probe file: the server wrote none.
  }
  const minutes = lines.map((l) => ({ minute: (l.at - startedAt) / 60_000, heapMiB: l.heapMiB }));
  const last = Math.ceil(Math.max(0, ...minutes.map((m) => m.minute)));
  return Array.from({ length: last }, (_, m) =>
    median(minutes.filter((s) => s.minute >= m && s.minute < m + 1).map((s) => s.heapMiB)),
  );
}

/**
 * Flat: the last minute's live heap at most 20% or 24 MiB above the second minute's (the first is
 * warm-up). Judged on the heap a full collection leaves, not on resident memory, which rose by
 * 100-130 MiB in ten minutes while that heap stayed within 62-81 MiB (docs/performance.md).
 */
const heapGoal = (perMinute: number[]) => {
  const [first, last] = [perMinute[1] ?? perMinute[0] ?? 0, perMinute.at(-1) ?? 0];
  return last <= first * 1.2 || last - first <= 24;
};

export function printSummary({
  tally,
  samples,
  publishes,
  minutes,
  plan,
  ports,
  connections,
  heaps,
  startedAt,
}: Run & { ports: number[]; connections: number; heaps: string[] }) {
  console.log(
    `${minutes.toFixed(1)} min, ${connections} connections over ${ports.length} servers, ${plan} kinds of request in turn:`,
  );
  console.log(
    `  requests ${tally.requests}, ${(tally.requests / (minutes * 60)).toFixed(0)} a second; ${classes(tally)}`,
  );
  const sorted = tally.latencies.sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(0);
  console.log(`  errors ${tally.errors}, timeouts ${tally.timeouts}; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
  for (const [kind, counts] of tally.byKind)
    console.log(
      `  ${kind}: ${[...counts]
        .sort()
        .map(([status, n]) => `${status} ×${n}`)
        .join(', ')}`,
    );
  for (const [i, port] of ports.entries()) {
    const m = memory(samples, i);
    console.log(
      `  server ${port} memory (resident): ${m.afterWarmUp.toFixed(0)} MiB after the first minute, ${m.end.toFixed(0)} MiB at the end, ${m.peak.toFixed(0)} MiB at most`,
    );
    console.log(`    median of each minute: ${m.perMinute.map((x) => x.toFixed(0)).join(', ')} MiB`);
    const heap = liveHeap(heaps[i]!, startedAt);
    console.log(`    live heap after a full collection, each minute: ${heap.map((x) => x.toFixed(0)).join(', ')} MiB`);
  }
  for (const p of publishes)
    console.log(
      `  ${p.name}: publish ${p.seconds.toFixed(1)} s (exit ${p.status}); live ${p.liveAfter.map((s, i) => `on ${ports[i]} after ${s === undefined ? 'never' : `${s.toFixed(1)} s`}`).join(', ')}; at the end ${p.liveAtEnd.every((live) => live !== false) ? 'still served on both' : `served on ${ports.filter((_, i) => p.liveAtEnd[i] !== false).join(', ') || 'neither'}`}`,
    );
}

/** The server's lines that say something went wrong, each distinct line (digits aside) once with its count. */
function errorLines(log: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of readFileSync(log, 'utf8').split('\n'))
    if (/error|⨯|unhandled|exception|warn|fail|timed out|^\s+at /i.test(line)) {
      const key = line.replace(/\d+/g, 'N').slice(0, 300);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return [...counts];
}

/** Prints every failure with its request and the servers' error lines; returns the goals missed. */
export function printFindings(
  { tally, publishes, relapses, startedAt }: Run,
  ports: number[],
  logs: string[],
  heaps: string[],
): string[] {
  const failed: string[] = [];
  if (tally.classes['5xx'] > 0) failed.push(`${tally.classes['5xx']} answers 5xx`);
  if (tally.errors + tally.timeouts > 0) failed.push(`${tally.errors} errors and ${tally.timeouts} timeouts`);
  for (const p of publishes) {
    if (p.status !== 0 || p.liveAfter.some((s) => s === undefined)) failed.push(`${p.name} not live on both servers`);
    else if (p.liveAtEnd.some((live) => live === false))
      failed.push(`${p.name} no longer served on both servers at the end`);
  }
  for (const [i, port] of ports.entries()) {
    const heap = liveHeap(heaps[i]!, startedAt);
    if (heap.length === 0) failed.push(`server ${port} wrote no heap figures (bench/heap-probe.mjs)`);
    else if (!heapGoal(heap)) failed.push(`server ${port}'s live heap grew after the first minute`);
  }
  if (relapses.length > 0) failed.push(`${relapses.length} time(s) a published change was no longer served`);
  for (const r of relapses.slice(0, 10))
    console.log(`  at ${r.second.toFixed(1)} s, ${r.origin} no longer served ${r.name}`);
  for (const f of tally.findings)
    console.log(`  at ${f.second.toFixed(1)} s, ${f.origin}, ${f.kind}: ${f.request}\n    -> ${f.answer}`);
  for (const [i, log] of logs.entries()) {
    const lines = errorLines(log);
    console.log(`  server ${ports[i]}'s log, ${log}: ${lines.reduce((n, [, c]) => n + c, 0)} line(s) of trouble`);
    for (const [line, n] of lines.slice(0, 15)) console.log(`    ×${n} ${line}`);
  }
  return failed;
}

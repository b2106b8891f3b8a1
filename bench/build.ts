// `npm run bench:build -- --articles N [--base M] [--warm]`: builds the whole site from a synthetic corpus of
// N stories (bench/corpus.ts) and prints, for each step, the wall time, the peak memory of the
// step's whole process tree, what it produced and the size of its output; then the same for a smaller
// corpus of M stories (default N/10) and the marginal cost of one more page between the two sizes.
// The build runs in a copy of the project in the system's temp folder, so the working tree's own
// build is left alone. Results are added to docs/bench/build.json (`npm run bench:chart` plots them);
// `--base 0` skips the smaller build and compares with the largest smaller run already recorded (each
// run records its commit, and the comparison says when the two differ).
// `--warm` then builds the N stories again as after a fresh clone with the content cache restored:
// the same content copied anew (new files, times and inodes), .contentlayer/ kept, .next/ gone.
// `--again` does only that, on the copy the last run left, with the project's sources copied in.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { nextBuildDir, readPrerenderedRoutes } from '@/lib/prerendered';
import { searchBundleDir } from '@/lib/search';
import { treeUsage } from './common';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    base: { type: 'string' },
    warm: { type: 'boolean', default: false },
    again: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const base = Number(values.base ?? Math.max(100, Math.round(articles / 10)));
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(base) || base < 0) {
  throw new Error('Usage: npm run bench:build -- --articles N [--base M]');
}

const root = process.cwd();
const work = path.join(os.tmpdir(), 'guanchao-bench-build');
const resultsFile = path.join(root, 'docs', 'bench', 'build.json');

type Step = {
  name: string;
  seconds: number;
  cpuSeconds?: number;
  peakMiB: number;
  output: string;
  outputMiB: number;
  note?: string;
};
type Run = {
  articles: number;
  articleFiles: number;
  pages: number;
  steps: Step[];
  seconds: number;
  cpuSeconds?: number;
  peakMiB: number;
  date: string;
  /** The commit measured (with "+changes" when the tree had uncommitted ones); absent in older runs. */
  commit?: string;
};

/**
 * Runs one command in the work copy, sampling the memory and CPU time of its process tree every
 * 100 ms. CPU time is steadier than wall time on a shared machine: it shows work done, not waiting.
 */
function measure(
  command: string[],
  env: Record<string, string> = {},
): Promise<{ seconds: number; peakMiB: number; cpuSeconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: work,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PWD: work, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stdout.write(chunk);
    });
    let peak = 0;
    let cpuSeconds = 0;
    const timer = setInterval(() => {
      const usage = treeUsage(child.pid!);
      peak = Math.max(peak, usage.rssKiB);
      cpuSeconds = Math.max(cpuSeconds, usage.cpuSeconds);
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command.join(' ')} exited with ${code}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024, cpuSeconds, stdout });
    });
  });
}

function sizeMiB(target: string): number {
  const walk = (p: string): number => {
    const stat = statSync(p);
    return stat.isDirectory() ? readdirSync(p).reduce((n, e) => n + walk(path.join(p, e)), 0) : stat.size;
  };
  return existsSync(target) ? walk(target) / 2 ** 20 : 0;
}

/** A fresh copy of the project to build in: sources copied, node_modules hard-linked (Turbopack refuses a symlink). */
const skip = new Set(['node_modules', '.next', '.contentlayer', '.git', 'test-results', 'playwright-report']);
function prepareWorkCopy() {
  rmSync(work, { recursive: true, force: true });
  cpSync(root, work, {
    recursive: true,
    filter: (src) => !skip.has(path.basename(src)),
  });
  const linked = spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(work, 'node_modules')]);
  if (linked.status !== 0)
    cpSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), { recursive: true });
}

/** The corpus of `stories` made anew with a fresh work copy, or (warm) its files rewritten as a fresh clone has them. */
function prepareCorpus(corpus: string, stories: number, warm: boolean) {
  if (warm) {
    // What a fresh clone has in the same place: the same files, written anew (new times and inodes).
    const before = `${corpus}-before`;
    rmSync(before, { recursive: true, force: true });
    renameSync(corpus, before);
    cpSync(before, corpus, { recursive: true });
    rmSync(before, { recursive: true, force: true });
    rmSync(path.join(work, '.next'), { recursive: true, force: true });
    return;
  }
  spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'bench/corpus.ts',
      '--articles',
      String(stories),
      '--out',
      corpus,
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  prepareWorkCopy();
}

/** One step's figures as the report shows them. */
const stepOf = (
  name: string,
  m: { seconds: number; peakMiB: number; cpuSeconds: number },
  output: string,
  outputMiB: number,
  note?: string,
): Step => ({
  name,
  seconds: m.seconds,
  cpuSeconds: m.cpuSeconds,
  peakMiB: m.peakMiB,
  output,
  outputMiB,
  ...(note ? { note } : {}),
});

async function benchmark(stories: number, warm = false): Promise<Run> {
  const corpus = path.join(os.tmpdir(), `guanchao-corpus-${stories}`);
  prepareCorpus(corpus, stories, warm);
  const tsx = (script: string) => [process.execPath, path.join(work, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script];
  const env = { CONTENT_DIR: corpus };
  const articleFiles = readdirSync(path.join(corpus, 'articles'), { recursive: true }).filter((f) =>
    String(f).endsWith('.mdx'),
  ).length;
  const steps: Step[] = [];
  const record = (...step: Parameters<typeof stepOf>) => steps.push(stepOf(...step));
  console.log(
    `\n== ${stories} stories (${articleFiles} article files) in ${work}${warm ? ', again after a fresh clone, content cache kept' : ''}`,
  );

  // The check and the compile run side by side, as `npm run content` runs them.
  const content = await measure(tsx('scripts/check-and-compile.ts'), env);
  const checkSeconds = /內容檢查：沒有問題（([\d.]+) 秒）/.exec(content.stdout)?.[1];
  const shardSeconds = /Compiled (?:\d+ of )?\d+ shards in ([\d.]+) s/.exec(content.stdout)?.[1];
  const bodySeconds = /Compiled \d+ bodies on \d+ thread\(s\) in ([\d.]+) s/.exec(content.stdout)?.[1];
  record(
    'content',
    content,
    `${articleFiles} files checked and compiled`,
    sizeMiB(path.join(work, '.contentlayer')),
    `check ${checkSeconds} s, contentlayer ${shardSeconds ?? '(one run)'} s, bodies ${bodySeconds} s`,
  );

  const index = await measure(tsx('scripts/index-content.ts'), env);
  const indexed = /Indexed (\d+) articles \((\d+) derived/.exec(index.stdout);
  const conversion = /Conversion: ([\d.]+) s in all, ([\d.]+) ms per converted article/.exec(index.stdout);
  record(
    'index',
    index,
    `${indexed?.[1]} article pages, ${indexed?.[2]} converted`,
    sizeMiB(path.join(work, '.contentlayer', 'site')),
    conversion ? `conversion ${conversion[1]} s, ${conversion[2]} ms per converted article` : undefined,
  );

  const pagesStep = await measure([
    process.execPath,
    path.join(work, 'node_modules', 'next', 'dist', 'bin', 'next'),
    'build',
  ]);
  const pages = readPrerenderedRoutes(work).length;
  record('pages', pagesStep, `${pages} pages prerendered`, sizeMiB(nextBuildDir(work)));

  const search = await measure(tsx('scripts/search-index.ts'));
  const searched = /Search index: (\d+) article pages indexed in (.*), [\d.]+ s\./.exec(search.stdout);
  record(
    'search',
    search,
    `${searched?.[1]} pages in ${searched?.[2]}`,
    sizeMiB(path.join(work, path.relative(root, searchBundleDir))),
  );

  return {
    articles: stories,
    articleFiles,
    pages,
    steps,
    seconds: steps.reduce((n, s) => n + s.seconds, 0),
    cpuSeconds: steps.reduce((n, s) => n + (s.cpuSeconds ?? 0), 0),
    peakMiB: Math.max(...steps.map((s) => s.peakMiB)),
    date: new Date().toISOString(),
    commit: measuredCommit(),
  };
}

/** The project's commit, marked when the working tree differs from it. */
function measuredCommit(): string | undefined {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return undefined;
  // The results file changes as runs are recorded: not a change of what is measured.
  const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/bench').stdout.trim() !== '';
  return `${head.stdout.trim()}${changed ? '+changes' : ''}`;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
function print(run: Run) {
  console.log(`\n${run.articles} stories, ${run.articleFiles} article files, ${run.pages} pages`);
  const cpu = (seconds?: number) => (seconds === undefined ? '-' : fmt(seconds)).padStart(8);
  console.log(
    `${'step'.padEnd(9)}${'wall s'.padStart(9)}${'CPU s'.padStart(8)}${'peak MiB'.padStart(10)}${'out MiB'.padStart(9)}  output`,
  );
  for (const s of run.steps) {
    console.log(
      `${s.name.padEnd(9)}${fmt(s.seconds).padStart(9)}${cpu(s.cpuSeconds)}${fmt(s.peakMiB, 0).padStart(10)}${fmt(s.outputMiB).padStart(9)}  ${s.output}${s.note ? `; ${s.note}` : ''}`,
    );
  }
  console.log(
    `${'total'.padEnd(9)}${fmt(run.seconds).padStart(9)}${cpu(run.cpuSeconds)}${fmt(run.peakMiB, 0).padStart(10)}`,
  );
}

/** Adds a run to docs/bench/build.json as soon as it is measured, replacing one of the same size. */
function save(run: Run) {
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Run[]) : [];
  const merged = [...previous.filter((r) => r.articles !== run.articles), run].sort((a, b) => a.articles - b.articles);
  writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
}

if (values.again) {
  if (!existsSync(path.join(work, '.contentlayer')))
    throw new Error(`No earlier run in ${work}: run without --again first.`);
  cpSync(root, work, { recursive: true, filter: (src) => !skip.has(path.basename(src)) });
  print(await benchmark(articles, true));
  process.exit(0);
}

// --base 0 measures only N and takes the smaller size from the figures already recorded.
const recorded = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Run[]) : [];
const small = base === 0 ? recorded.filter((r) => r.articles < articles).at(-1) : await benchmark(base);
if (!small) throw new Error(`No recorded run smaller than ${articles} stories in ${resultsFile}: leave out --base 0.`);
if (base !== 0) save(small);
print(small);
const large = await benchmark(articles);
save(large);
print(small);
print(large);
// Most pages render on their first request, not at build: the cost that grows is per article file.
const perFile = (a: number, b: number) => ((b - a) / (large.articleFiles - small.articleFiles)) * 1000;
console.log(`\nMarginal cost per article file between ${small.articleFiles} and ${large.articleFiles} files:`);
// A base run of other code (--base 0 takes the largest recorded) measures a change along with the size.
if (small.commit !== large.commit)
  console.log(
    `  (the smaller run measured ${small.commit ?? 'an unrecorded commit'} on ${small.date.slice(0, 10)}, this one ${large.commit}: the figures mix two versions)`,
  );
// Runs recorded before the check and the compile ran side by side have them apart: together they are 'content'.
const stepIn = (run: Run, name: string): Pick<Step, 'seconds' | 'cpuSeconds'> | undefined => {
  const step = run.steps.find((x) => x.name === name);
  if (step || name !== 'content') return step;
  const parts = run.steps.filter((x) => x.name === 'check' || x.name === 'compile');
  if (parts.length !== 2) return undefined;
  const cpu = parts.every((x) => x.cpuSeconds !== undefined) ? parts.reduce((n, x) => n + x.cpuSeconds!, 0) : undefined;
  return { seconds: parts.reduce((n, x) => n + x.seconds, 0), cpuSeconds: cpu };
};
for (const s of large.steps) {
  const before = stepIn(small, s.name);
  if (!before) {
    console.log(`  ${s.name.padEnd(8)} (not in the smaller run)`);
    continue;
  }
  const cpu =
    s.cpuSeconds !== undefined && before.cpuSeconds !== undefined
      ? `, ${fmt(perFile(before.cpuSeconds, s.cpuSeconds), 2)} ms CPU`
      : '';
  console.log(`  ${s.name.padEnd(8)} ${fmt(perFile(before.seconds, s.seconds), 2)} ms wall${cpu}`);
}
console.log(
  `  ${'total'.padEnd(8)} ${fmt(perFile(small.seconds, large.seconds), 2)} ms wall, ${fmt(perFile(small.cpuSeconds ?? 0, large.cpuSeconds ?? 0), 2)} ms CPU (goal: at most 9 ms wall and 16 ms CPU)`,
);
if (values.warm) {
  const warm = await benchmark(articles, true);
  console.log('\nThe same again after a fresh clone, the content cache (.contentlayer/) restored, nothing changed:');
  print(warm);
}
console.log(`\nGoal at 50,000 stories: at most 15 min (900 s) and 6 GiB (6144 MiB) on 2 cores.`);

console.log(`Results are in ${path.relative(root, resultsFile)}.`);

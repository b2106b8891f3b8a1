// The body compile (`npm run content` and `npm run publish`, inside pipeline/compile.ts; the live
// preview too): every article's and site page's MDX body, compiled by @mdx-js/mdx into a function
// body that components/mdx/mdx-content.tsx runs. contentlayer2 keeps the front matter (fields,
// validation, types) and leaves bodies as written (contentlayer.config.ts).
//
// Bodies are compiled on a pool of worker threads (piscina), one per core (a few, as a publish has,
// in the calling thread: a thread's start and its own load of the compiler cost half a second, and a
// publish has the compiler loaded already for its check), and each one's code is
// kept on disk under a hash of the body, the compiler's version and its settings: a body compiled
// once is never compiled again, whatever contentlayer's cache or the shards say. The cache lives in
// .cache/mdx/ at the project's root (MDX_CACHE_DIR to move it): outside .contentlayer/, which a clean
// build removes, and outside node_modules/, which `npm ci` removes, so CI can keep it as one folder.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { CompileOptions } from '@mdx-js/mdx';
import { Piscina } from 'piscina';
import type { ContentProblem } from '@/lib/content-model';
import { explainMdxError } from './check/syntax-errors';
import { contentHash } from './content-hash';

const workerFile = new URL('./mdx-worker.mjs', import.meta.url);

/**
 * The compiler's settings, declared once: no remark or rehype plugins (contentlayer's compile had
 * none besides mdx-bundler's front matter ones, and the body here has no front matter).
 */
const compileOptions = { outputFormat: 'function-body', development: false } satisfies CompileOptions;

/** What makes the same body compile to the same code: the compiler (its package.json: name, version), its settings and the worker. */
const compilerKey = contentHash(
  JSON.stringify([
    readFileSync(
      path.join(path.dirname(createRequire(import.meta.url).resolve('@mdx-js/mdx')), 'package.json'),
      'utf8',
    ),
    compileOptions,
    readFileSync(workerFile, 'utf8'),
  ]),
);

const cacheDir = () => path.resolve(process.env.MDX_CACHE_DIR ?? path.join('.cache', 'mdx'));

/**
 * A body's key, from its hash (contentHash of the body as written): its compiled code's name in the
 * cache, and the code's hash for the index step, which knows the body's hash without reading it.
 */
export const compiledKey = (rawHash: string) => contentHash(`${compilerKey}:${rawHash}`);

const compiledFile = (key: string) => path.join(cacheDir(), `${key}.js`);

/** A body's compiled code, from the cache. */
export function readCompiled(key: string, sourceFile: string): string {
  try {
    return readFileSync(compiledFile(key), 'utf8');
  } catch {
    throw new Error(`${sourceFile}: its compiled body ${key} is not in ${cacheDir()}: run npm run content.`);
  }
}

/** An MDX body and the content file it is the body of (relative to the content folder). */
export type SourceBody = { sourceFile: string; body: string };

export type BodyCompileReport = {
  compiled: number;
  cached: number;
  /** The worker threads that compiled (their ids): more than one when the pool used several cores. */
  threads: Set<number>;
  /** Bodies that did not compile, at the line and column of their file. */
  problems: ContentProblem[];
  /** Each batch's bodies by their compiled keys. */
  keys: string[][];
};

/** The keys of the bodies compiled in the cache. */
export function compiledBodies(): Set<string> {
  const dir = cacheDir();
  const names = existsSync(dir) ? readdirSync(dir) : [];
  return new Set(names.filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3)));
}

type WorkerResult = { threadId: number; error?: { reason: string; line?: number; column?: number } };

/** Lines of the file above its body: a compile error's line is the body's; an editor reads the file's. */
function linesAbove(contentDir: string, { sourceFile, body }: SourceBody): number {
  const file = path.join(contentDir, sourceFile);
  if (!existsSync(file)) return 0;
  // As contentlayer read it (patches/): no byte-order mark, \n line ends; the body is the file's end.
  const text = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const at = text.lastIndexOf(body);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
}

function problemOf(contentDir: string, source: SourceBody, error: NonNullable<WorkerResult['error']>): ContentProblem {
  const above = linesAbove(contentDir, source);
  // A parser that notices a mistake only at the end (an unclosed tag) names its place in the reason alone.
  const named = /\((\d+):(\d+)/.exec(error.reason);
  const line = error.line ?? (named ? Number(named[1]) : undefined);
  return {
    file: source.sourceFile,
    line: line === undefined ? undefined : line + above,
    column: error.column ?? (named ? Number(named[2]) : undefined),
    ...explainMdxError(error.reason, above),
  };
}

/** Fewer bodies than this, with no pool started yet, are compiled in the calling thread. */
const IN_THREAD = 16;

type CompileTask = { body: string; file: string; options: CompileOptions };
type Compiler = (task: CompileTask) => Promise<WorkerResult>;

/** Runs one batch's bodies not compiled yet, counting into the report. */
async function compileBatch(
  compile: Compiler,
  todo: Map<string, SourceBody>,
  contentDir: string,
  report: BodyCompileReport,
) {
  await Promise.all(
    [...todo].map(async ([key, source]) => {
      const result = await compile({ body: source.body, file: compiledFile(key), options: compileOptions });
      report.threads.add(result.threadId);
      if (result.error) report.problems.push(problemOf(contentDir, source, result.error));
      else report.compiled += 1;
    }),
  );
}

/**
 * Compiles the bodies not in the cache, on one pool of `threads` worker threads (default: one per
 * core). Bodies come in batches (a shard's each), read one at a time so that only one is in memory.
 * `contentDir` is where the source files are, to give a broken body's line in its file.
 */
export async function compileBodies(
  batches: Iterable<SourceBody[]>,
  { contentDir, threads = os.availableParallelism() }: { contentDir: string; threads?: number },
): Promise<BodyCompileReport> {
  mkdirSync(cacheDir(), { recursive: true });
  // One listing of the cache, not a look-up per body (20,000 of them at scale).
  const present = compiledBodies();
  const report: BodyCompileReport = { compiled: 0, cached: 0, threads: new Set(), problems: [], keys: [] };
  let pool: Piscina<unknown, WorkerResult> | undefined;
  try {
    for (const sources of batches) {
      const todo = new Map<string, SourceBody>();
      const keys: string[] = [];
      report.keys.push(keys);
      for (const source of sources) {
        const key = compiledKey(contentHash(source.body));
        keys.push(key);
        if (present.has(key) || todo.has(key)) report.cached += 1;
        else todo.set(key, source);
      }
      if (todo.size === 0) continue;
      let compile: Compiler;
      if (!pool && todo.size < IN_THREAD) {
        const { default: compileBody } = (await import(workerFile.href)) as { default: Compiler };
        compile = compileBody;
      } else {
        pool ??= new Piscina({
          filename: workerFile.href,
          minThreads: Math.min(threads, todo.size),
          maxThreads: threads,
        });
        compile = (task) => pool!.run(task);
      }
      await compileBatch(compile, todo, contentDir, report);
      for (const key of todo.keys()) present.add(key);
    }
  } finally {
    await pool?.destroy();
  }
  report.problems.sort((a, b) => a.file.localeCompare(b.file));
  return report;
}

// `next build`, for the production server (scripts/next-build.ts) and the static export
// (pipeline/static-build.ts), with its output shown as it runs and read afterwards: a build whose
// output says Turbopack traced the whole project fails. Turbopack says so when a server file reads
// a path it cannot work out (a path computed at run time; mark it `turbopackIgnore`, as
// lib/prerendered.ts and lib/public-files.ts do): the build then works, but traces every file of
// the project (e2e/, bench/, docs/) as a dependency of that route. Next keeps no record of its
// warnings, so its output is the one place to look. A build whose traces list the content folder
// (.contentlayer/: the store and the search index the server reads at run time) fails too: Turbopack
// gives no warning for a path it can half work out, and tracing that folder cost a later build
// minutes and gigabytes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Turbopack's words for tracing the whole project (it names the file and line just before them). */
const WHOLE_PROJECT = /causes tracing of the whole project/i;

/** Where a build's output says Turbopack traced the whole project: the file, line and column, and the warning. */
export function wholeProjectTraced(output: string): string[] {
  const lines = output.split('\n');
  return lines.flatMap((line, i) => (WHOLE_PROJECT.test(line) ? [`${lines[i - 1] ?? ''} ${line}`.trim()] : []));
}

/**
 * The traces (`*.nft.json`, the files a route needs at run time) in `distDir` that list files of
 * `contentDir`, each with how many and the first of them.
 */
export function contentTraced(distDir: string, contentDir: string): string[] {
  if (!existsSync(distDir)) return [];
  const inside = path.resolve(contentDir) + path.sep;
  const traces = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.nft.json'));
  return traces.flatMap((trace) => {
    const from = path.dirname(path.join(distDir, trace));
    const { files = [] } = JSON.parse(readFileSync(path.join(distDir, trace), 'utf8')) as { files?: string[] };
    const listed = files.map((f) => path.resolve(from, f)).filter((f) => f.startsWith(inside));
    return listed.length === 0 ? [] : [`${trace}: ${listed.length} file(s), ${listed[0]} first`];
  });
}

/**
 * Runs `next build` in `cwd` with `env`; resolves when it built and traced neither the whole
 * project nor the content folder, else rejects, saying why.
 */
export function runNextBuild(cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [next, 'build'], {
    cwd,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const traced = wholeProjectTraced(output);
      const content = code === 0 ? contentTraced(path.join(cwd, '.next'), path.join(cwd, '.contentlayer')) : [];
      if (code !== 0) reject(new Error(`next build exited with ${code}`));
      else if (traced.length > 0)
        reject(
          new Error(
            `next build traced the whole project (a server file reads a path computed at run time: ` +
              `mark it /* turbopackIgnore: true */):\n${traced.join('\n')}`,
          ),
        );
      else if (content.length > 0)
        reject(
          new Error(
            `next build traced the content folder, which the server reads at run time (mark the path ` +
              `that reaches it /* turbopackIgnore: true */):\n${content.slice(0, 5).join('\n')}` +
              (content.length > 5 ? `\n… and ${content.length - 5} more` : ''),
          ),
        );
      else resolve();
    });
  });
}

// `npm run content`, first two steps: the check (scripts/check-content.ts) and the compile
// (scripts/compile-content.ts) side by side, each in its own process. The check takes one core and
// the compile's contentlayer runs both, so together they take less time than one after the other (the
// check alone is four minutes at 50,000 stories). What the compile writes is read only by the index
// step, which runs after both passed. A problem the check finds stops the compile at once, and the
// editor reads the check's words about it, not contentlayer's.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A script of scripts/, run as this one is (its TypeScript loader). */
const script = (name: string) => [...process.execArgv, path.join('scripts', name)];

// The compile in a process group of its own, with the contentlayer runs it starts, to stop them all.
// Its output is held back while the check runs: an editor reads the check's words about a broken
// file first, and only them when there are any.
const compile = spawn(process.execPath, script('compile-content.ts'), {
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let held: { stream: NodeJS.WriteStream; chunk: Buffer }[] | undefined = [];
compile.stdout.on('data', (chunk: Buffer) =>
  held ? held.push({ stream: process.stdout, chunk }) : process.stdout.write(chunk),
);
compile.stderr.on('data', (chunk: Buffer) =>
  held ? held.push({ stream: process.stderr, chunk }) : process.stderr.write(chunk),
);

const exited = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
const compiled = exited(compile);
const stopCompile = () => {
  try {
    process.kill(-compile.pid!, 'SIGTERM');
  } catch {
    // Already done.
  }
};

// Stopped with the step (Ctrl-C), the compile stops too.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopCompile();
    process.exit(1);
  });

const checked = await exited(spawn(process.execPath, script('check-content.ts'), { stdio: 'inherit' }));
if (checked !== 0) {
  stopCompile();
  await compiled;
  process.exit(checked);
}
for (const { stream, chunk } of held) stream.write(chunk);
held = undefined;
process.exit(await compiled);

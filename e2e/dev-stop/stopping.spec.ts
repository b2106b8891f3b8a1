import { execFileSync, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// Stopping `npm run dev` (SIGTERM to npm, as a process supervisor or an editor's terminal does)
// stops everything it started: contentlayer's watcher, next dev and their workers.

const port = Number(process.env.DEV_E2E_PORT ?? 3200);

/** Every process below `pid`, by walking ps's parent links. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of table)
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('SIGTERM to npm run dev leaves no process of it running', async () => {
  test.setTimeout(240_000);
  const npm = spawn('npm', ['run', 'dev', '--', '-p', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  try {
    await expect
      .poll(
        () =>
          fetch(`http://localhost:${port}/zh-Hant`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 180_000 },
      )
      .toBe(200);
    const started = descendants(npm.pid!);
    // npm, the preview, contentlayer's watcher and next dev at least.
    expect(started.length).toBeGreaterThanOrEqual(3);
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    npm.kill('SIGTERM');
    await exited;
    await expect.poll(() => started.filter(alive), { timeout: 15_000 }).toEqual([]);
  } finally {
    for (const pid of descendants(npm.pid!)) process.kill(pid, 'SIGKILL');
    npm.kill('SIGKILL');
  }
});

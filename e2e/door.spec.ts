import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// A production server started without the front door (Next's own `next start`, as an operator
// might) must stop instead of serving without method rules, CSP hashes and a vouched client address.

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');

test('a server started without the front door stops and says how to start it', async () => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 7;
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill();
      resolve(null);
    }, 30_000);
    server.on('exit', (status) => {
      clearTimeout(timer);
      resolve(status);
    });
  });
  expect(output).toContain('This server has no front door');
  expect(code).toBe(1);
});

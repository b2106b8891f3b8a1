import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freePort, freshDatabase, startPostgres, type PostgresServer } from '../bench/postgres-server';
import { expect, test } from './fixtures';
import { articlesIn } from './site-data';

// A server killed while readers post comments loses none it acknowledged: each comment is written
// in one transaction before its 201 leaves. On an SQLite file and on PostgreSQL, a server of the
// built site (npm start) is killed with SIGKILL mid-flood, started again on the same database, and
// every acknowledged comment is looked for.

test.describe.configure({ mode: 'serial' });

const story = articlesIn('zh-Hant').find((a) => !a.commentsClosed)!.slug;

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn('node', ['--import', 'tsx/esm', 'scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      TRUST_PROXY_HOPS: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/comments/${story}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGKILL');
  throw new Error(`The server did not start on port ${port}`);
}

const exited = (server: ChildProcess) =>
  server.exitCode !== null || server.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => server.once('exit', r));

/** Posts `count` comments at once from different readers; kills the server after `killAfter` acknowledgements. */
async function floodAndKill(port: number, server: ChildProcess, count: number, killAfter: number): Promise<string[]> {
  const acknowledged: string[] = [];
  const stamp = Date.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const body = `崩潰測試 ${stamp} 第 ${i} 則`;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/comments/${story}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': `10.250.${Math.floor(i / 250)}.${i % 250}`,
          },
          body: JSON.stringify({ name: '讀者', body, locale: 'zh-Hant' }),
        });
        if (response.status === 201) {
          acknowledged.push(body);
          if (acknowledged.length === killAfter) server.kill('SIGKILL');
        }
      } catch {
        // The server died under this request: it was never acknowledged.
      }
    }),
  );
  return acknowledged;
}

test('SQLite: a killed server loses no acknowledged comment, and starts again on the same file', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crash-sqlite-'));
  const file = path.join(dir, 'site.db');
  const port = await freePort();
  try {
    const server = await startServer(port, { DATABASE_FILE: file });
    const acknowledged = await floodAndKill(port, server, 150, 40);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    await exited(server);
    const db = new Database(file, { readonly: true });
    const stored = new Set((db.prepare('select body from comments').all() as { body: string }[]).map((r) => r.body));
    db.close();
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
    const again = await startServer(port, { DATABASE_FILE: file });
    const after = await fetch(`http://127.0.0.1:${port}/api/comments/${story}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.251.0.1' },
      body: JSON.stringify({ name: '讀者', body: '重新啟動之後的留言', locale: 'zh-Hant' }),
    });
    expect(after.status).toBe(201);
    again.kill();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: a killed server loses no acknowledged comment, and starts again on the same database', async () => {
  test.setTimeout(120_000);
  let postgres: PostgresServer | undefined;
  try {
    postgres = await startPostgres(await freePort());
    const url = await freshDatabase(postgres, 'crash');
    const port = await freePort();
    const server = await startServer(port, { DATABASE_URL: url });
    const acknowledged = await floodAndKill(port, server, 150, 40);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    await exited(server);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stored = new Set((await client.query<{ body: string }>('select body from comments')).rows.map((r) => r.body));
    await client.end();
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
    const again = await startServer(port, { DATABASE_URL: url });
    expect((await fetch(`http://127.0.0.1:${port}/api/comments/${story}`)).status).toBe(200);
    again.kill();
  } finally {
    await postgres?.stop();
  }
});

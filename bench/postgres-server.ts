import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// A real PostgreSQL server for the tests and benchmarks of the site's database (`apt-get install
// postgresql`; .ci/run installs it): a throwaway cluster in a temporary folder on a spare port, owned
// by the postgres user when run as root (PostgreSQL refuses to run as root), gone when stopped.

export type PostgresServer = { url: string; stop(): Promise<void> };

/** The folder of PostgreSQL's programs: PG_BIN, or the newest installed by Debian's packages. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN)');
  return path.join(root, newest, 'bin');
}

export async function startPostgres(port: number): Promise<PostgresServer> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // As root, each program runs as the postgres user, which must own the folder.
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  execFileSync(...command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']), {
    stdio: 'ignore',
  });
  // No durability needed for a throwaway cluster: fsync off keeps the tests quick.
  const server: ChildProcess = spawn(
    ...command('postgres', [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ]),
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) =>
    server.once('exit', (code) => reject(new Error(`postgres exited with ${code} before answering`))),
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      try {
        execFileSync(...command('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-s']), { stdio: 'ignore' });
      } catch {
        server.kill('SIGKILL');
      }
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    const client = new pg.Client({ connectionString: url });
    const ready = await Promise.race([
      client.connect().then(
        () => true,
        () => false,
      ),
      failed,
    ]).catch(async (error: unknown) => {
      await stop();
      throw error;
    });
    await client.end().catch(() => undefined);
    if (ready) return { url, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`PostgreSQL did not answer on port ${port}`);
}

/** A fresh empty database on the server, for one test file. */
export async function freshDatabase(server: Pick<PostgresServer, 'url'>, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** A port nothing listens on now, for a throwaway server. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as import('node:net').AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

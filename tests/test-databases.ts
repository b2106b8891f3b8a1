import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, freshDatabase, startPostgres, type PostgresServer } from '@/bench/postgres-server';
import { openDatabase, type SiteDatabase } from '@/lib/engage/database';

// The two databases every test of the site's data runs against: an SQLite file, and a real
// PostgreSQL server started for the test file (bench/postgres-server.ts).

export type TestDatabases = { open(kind: 'sqlite' | 'postgres'): Promise<SiteDatabase>; stop(): Promise<void> };

export async function testDatabases(name: string): Promise<TestDatabases> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  let server: PostgresServer | undefined;
  let n = 0;
  const opened: SiteDatabase[] = [];
  return {
    async open(kind) {
      n += 1;
      let db: SiteDatabase;
      if (kind === 'sqlite') db = await openDatabase({ file: path.join(dir, `${n}.db`) });
      else {
        server ??= await startPostgres(await freePort());
        db = await openDatabase({ url: await freshDatabase(server, `${name.replace(/\W/g, '_')}_${n}`) });
      }
      opened.push(db);
      return db;
    },
    async stop() {
      await Promise.all(opened.map((db) => db.close()));
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

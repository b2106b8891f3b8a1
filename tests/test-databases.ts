import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freshDatabase } from '@/bench/postgres-server';
import { openDatabase, type SiteDatabase } from '@/lib/engage/database';

// The two databases every test of the site's data runs against: an SQLite file, and a fresh database
// on the real PostgreSQL server the unit run started (tests/postgres-setup.ts).

export type TestDatabases = { open(kind: 'sqlite' | 'postgres'): Promise<SiteDatabase>; stop(): Promise<void> };

export async function testDatabases(name: string): Promise<TestDatabases> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  let n = 0;
  const opened: SiteDatabase[] = [];
  return {
    async open(kind) {
      n += 1;
      let db: SiteDatabase;
      if (kind === 'sqlite') db = await openDatabase({ file: path.join(dir, `${n}.db`) });
      else
        db = await openDatabase({
          url: await freshDatabase({ url: inject('postgresUrl') }, `${name.replace(/\W/g, '_')}_${n}`),
        });
      opened.push(db);
      return db;
    },
    async stop() {
      await Promise.all(opened.map((db) => db.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

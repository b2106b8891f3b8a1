import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations, type Dialect } from './migrations';
import type { Database } from './schema';

// The site's own data: an SQLite file by default (created, and migrated, on first use: nothing to
// set up), PostgreSQL when DATABASE_URL names one (several servers sharing it). One data layer,
// Kysely, over both; the same migrations.

// The database behind each handle openDatabase made, for the few queries written per dialect.
const dialects = new WeakMap<Kysely<Database>, Dialect>();

/** Which database `db` (a handle from openDatabase) is. */
export function dialectOf(db: Kysely<Database>): Dialect {
  const dialect = dialects.get(db);
  if (!dialect) throw new Error('dialectOf: this handle was not made by openDatabase');
  return dialect;
}

export type SiteDatabase = { db: Kysely<Database>; dialect: Dialect; close(): Promise<void> };

/** Where the SQLite file lives when DATABASE_URL is not set: DATABASE_FILE, or .data/site.db in the project. */
export const defaultDatabaseFile = () =>
  path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_FILE ?? path.join('.data', 'site.db'));

/**
 * Opens the database `url` names (postgres://… or postgresql://…), or the SQLite file `file`, and
 * applies any migration not applied yet. Throws, naming the migration, if one fails.
 */
export async function openDatabase({ url, file }: { url?: string; file?: string } = {}): Promise<SiteDatabase> {
  let db: Kysely<Database>;
  let dialect: Dialect;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    dialect = 'postgres';
    // A handful of connections per server process: the queries are small and quick.
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }),
    });
  } else if (url) {
    throw new Error(
      `DATABASE_URL must be a postgres:// address (or unset, for SQLite): ${url.replace(/\/\/[^@]*@/, '//…@')}`,
    );
  } else {
    dialect = 'sqlite';
    const where = file ?? defaultDatabaseFile();
    if (where !== ':memory:') mkdirSync(path.dirname(where), { recursive: true });
    const sqlite = new BetterSqlite3(where);
    // Write-ahead logging: readers never wait for a writer; a committed write survives a crash.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const which = failed ? `migration ${failed}` : 'migrations';
    throw new Error(`Database ${which} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  dialects.set(db, dialect);
  return { db, dialect, close: () => db.destroy() };
}

let shared: Promise<SiteDatabase> | undefined;

/** The server's database, opened once per process from DATABASE_URL or the default SQLite file. */
export function siteDatabase(): Promise<SiteDatabase> {
  shared ??= openDatabase({ url: process.env.DATABASE_URL || undefined }).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

// `npm run db:backup -- FILE`: a consistent copy of the site's database while the site runs.
// SQLite: SQLite's online backup (better-sqlite3), into FILE. PostgreSQL (DATABASE_URL): pg_dump's
// custom format into FILE, restored with pg_restore.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { defaultDatabaseFile } from '@/lib/engage/database';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run db:backup -- <backup file>');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (url) {
  const run = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, url], { stdio: 'inherit' });
  if (run.error) console.error(`pg_dump could not run (${run.error.message}): apt-get install postgresql-client`);
  process.exit(run.status ?? 1);
}
const source = defaultDatabaseFile();
if (!existsSync(source)) {
  console.error(`No database at ${source}: nothing to back up (DATABASE_FILE names another).`);
  process.exit(1);
}
const db = new BetterSqlite3(source, { readonly: true });
await db.backup(path.resolve(target));
db.close();
console.log(`Backed up ${source} to ${path.resolve(target)}.`);

import { sql, type Kysely } from 'kysely';
import { dialectOf } from './database';
import type { Database } from './schema';

// The one rate limiter: attempts kept in the site's database (the `attempts` table), so that a
// limit holds across processes sharing an SQLite file and across servers sharing PostgreSQL. An
// attempt is recorded before it is judged, in one transaction that holds the key (PostgreSQL: an
// advisory lock; SQLite: the write lock the insert takes), so attempts made at once are counted
// one after another and never all pass.

/** At most `max` attempts in any `seconds`. */
export type Limit = { max: number; seconds: number };
/** An attempt allowed (withdraw it if it should not count after all), or how long to wait. */
export type Attempt = { ok: true; id: number } | { ok: false; retryAfter: number };

/** Attempts older than this are pruned: longer than any limit's window. */
const KEEP_SECONDS = 2 * 24 * 3600;

const ago = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

/** Seconds until the attempts `times` (oldest first, in the window) leave room for one more under `limit`. */
function waitFor(limit: Limit, times: string[], now: Date): number {
  const oldest = times[times.length - limit.max];
  if (oldest === undefined) return 0;
  return Math.max(1, Math.ceil((Date.parse(oldest) + limit.seconds * 1000 - now.getTime()) / 1000));
}

/** Records an attempt under `key` and judges it against `limits`; a refused attempt is not kept. */
export async function takeAttempt(
  db: Kysely<Database>,
  key: string,
  limits: readonly Limit[],
  now = new Date(),
): Promise<Attempt> {
  const longest = Math.max(...limits.map((l) => l.seconds));
  return db.transaction().execute(async (tx) => {
    if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
    const { id } = await tx
      .insertInto('attempts')
      .values({ key, at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const earlier = await tx
      .selectFrom('attempts')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', ago(now, longest))
      .where('id', '!=', id)
      .orderBy('at')
      .execute();
    const waits = limits.map((limit) => {
      const since = ago(now, limit.seconds);
      return waitFor(
        limit,
        earlier.map((e) => e.at).filter((at) => at > since),
        now,
      );
    });
    const retryAfter = Math.max(...waits);
    if (retryAfter > 0) await tx.deleteFrom('attempts').where('id', '=', id).execute();
    await tx.deleteFrom('attempts').where('at', '<', ago(now, KEEP_SECONDS)).execute();
    return retryAfter > 0 ? { ok: false, retryAfter } : { ok: true, id };
  });
}

/** An attempt allowed that should not count after all (a comment refused for another reason, a right password). */
export async function withdrawAttempt(db: Kysely<Database>, attempt: { id: number }): Promise<void> {
  await db.deleteFrom('attempts').where('id', '=', attempt.id).execute();
}

/** Forgets every attempt under `keys` (an editor signed in: their failures are forgiven). */
export async function forgetAttempts(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('attempts').where('key', 'in', keys).execute();
}

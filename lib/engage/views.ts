import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { clientOf } from './clients';
import type { Database } from './schema';

// Views of stories, counted without knowing the reader: a reader is a hash of the day's random
// salt, their client (clientOf: the address, an IPv6 by its /64) and the story, kept for that day
// only; the salt is deleted when the day is over, and with it any way from a count back to a reader.
// The browser is not part of it: one address naming 200 browsers is one reader. No cookie, no
// address, no user agent is stored. Counts are kept per story, script and hour for the most-read lists.

/** The day a view belongs to, in Taipei, where the newsroom's day starts. */
export const taipeiDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const hourOf = (now: Date) => now.toISOString().slice(0, 13);

async function saltOf(db: Kysely<Database>, day: string): Promise<string> {
  const found = await db.selectFrom('salts').select('salt').where('day', '=', day).executeTakeFirst();
  if (found) return found.salt;
  // A new day: yesterday's salt and the readers seen with it are forgotten.
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('salts')
      .values({ day, salt: randomBytes(32).toString('base64url') })
      .onConflict((c) => c.column('day').doNothing())
      .execute();
    await tx.deleteFrom('salts').where('day', '<', day).execute();
    await tx.deleteFrom('seen').where('day', '<', day).execute();
  });
  return (await db.selectFrom('salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow()).salt;
}

/** Counts one view of `story` in `locale`, once a day per reader; 'seen' when already counted today. */
export async function recordView(
  db: Kysely<Database>,
  { story, locale, headers, now = new Date() }: { story: string; locale: string; headers: Headers; now?: Date },
): Promise<'counted' | 'seen'> {
  const day = taipeiDay(now);
  const salt = await saltOf(db, day);
  const client = await clientOf(db, headers);
  const hash = createHash('sha256').update(`${salt}\n${client}\n${story}`).digest('base64url');
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('seen')
      .values({ hash, day })
      .onConflict((c) => c.column('hash').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'seen' as const;
    await tx
      .insertInto('views')
      .values({ story, locale, hour: hourOf(now), count: 1 })
      .onConflict((c) => c.columns(['story', 'locale', 'hour']).doUpdateSet({ count: sql`views.count + 1` }))
      .execute();
    return 'counted' as const;
  });
}

/** The most-read stories in one script over the last `hours`, most views first. */
export async function mostRead(
  db: Kysely<Database>,
  { locale, hours, limit = 10, now = new Date() }: { locale: string; hours: number; limit?: number; now?: Date },
): Promise<{ story: string; views: number }[]> {
  const since = hourOf(new Date(now.getTime() - (hours - 1) * 3600_000));
  const rows = await db
    .selectFrom('views')
    .select(['story', (eb) => eb.fn.sum<number | string>('count').as('views')])
    .where('locale', '=', locale)
    .where('hour', '>=', since)
    .groupBy('story')
    .orderBy('views', 'desc')
    .orderBy('story', 'asc')
    .limit(limit)
    .execute();
  // PostgreSQL sums in bigint, which its driver hands over as a string.
  return rows.map((r) => ({ story: r.story, views: Number(r.views) }));
}

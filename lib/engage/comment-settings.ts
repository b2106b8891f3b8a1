import type { Kysely } from 'kysely';
import type { CommentSettings } from './comments';
import type { Database } from './schema';

// The site's comment settings: trust in readers approved before is an operator's choice (an
// environment variable); the word list is the editors', kept in the database by the editors' area.

/** The editors' word list, one word or phrase a line, lower-cased. */
export async function blockedWords(db: Kysely<Database>): Promise<string[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'blocked-words').executeTakeFirst();
  return (row?.value ?? '')
    .split('\n')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
}

export async function commentSettings(db: Kysely<Database>): Promise<CommentSettings> {
  return { trustApproved: process.env.COMMENTS_TRUST_APPROVED === '1', words: await blockedWords(db) };
}

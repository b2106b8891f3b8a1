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

/** What the word list may hold: enough for any desk's list, small enough for the form that edits it. */
export const WORD_LIST_LIMITS = { words: 300, chars: 40 };

/**
 * Replaces the editors' word list with `text` (one word or phrase a line; blank lines dropped).
 * Returns false, storing nothing, when it is too long or has a word too long or control characters.
 */
export async function setBlockedWords(db: Kysely<Database>, text: string): Promise<boolean> {
  const words = [
    ...new Set(
      text
        .split(/\r\n?|\n/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
  if (
    words.length > WORD_LIST_LIMITS.words ||
    words.some((w) => [...w].length > WORD_LIST_LIMITS.chars || /[\u0000-\u001F\u007F]/.test(w))
  )
    return false;
  const value = words.join('\n');
  await db
    .insertInto('settings')
    .values({ key: 'blocked-words', value })
    .onConflict((c) => c.column('key').doUpdateSet({ value }))
    .execute();
  return true;
}

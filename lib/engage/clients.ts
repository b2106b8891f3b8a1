import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

// A reader's client as the comment rules see it: a keyed hash of the address, so that rate limits
// and bans hold across servers while no address is stored. The key is made once per installation
// and kept in the database (every server then hashes alike).

const keys = new WeakMap<Kysely<Database>, Promise<string>>();

async function clientKey(db: Kysely<Database>): Promise<string> {
  const made = randomBytes(32).toString('base64url');
  // Two servers starting at once: the first key written wins, and both read it back.
  await db.insertInto('settings').values({ key: 'client-key', value: made }).onConflict((c) => c.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'client-key').executeTakeFirstOrThrow();
  return row.value;
}

/** The client hash of an address (IPv4, or an IPv6 /64: one household's or phone's prefix). */
export async function clientOf(db: Kysely<Database>, address: string): Promise<string> {
  let key = keys.get(db);
  if (!key) keys.set(db, (key = clientKey(db)));
  const network = address.includes(':') ? address.split(':').slice(0, 4).join(':') : address;
  return createHmac('sha256', await key).update(network).digest('base64url').slice(0, 22);
}

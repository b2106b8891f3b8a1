import { createHmac, randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { Kysely } from 'kysely';
import { clientAddress } from '@/lib/client-address';
import type { Database } from './schema';

// A reader's client as the comment rules see it: a keyed hash of the address, so that rate limits
// and bans hold across servers while no address is stored. The key is made once per installation
// and kept in the database (every server then hashes alike); the newsletter signs its links with
// another such key.

const secrets = new WeakMap<Kysely<Database>, Map<string, Promise<string>>>();

/** The installation's secret named `name` (client-key, newsletter-key): made on first use, then read. */
export function installationSecret(db: Kysely<Database>, name: string): Promise<string> {
  let known = secrets.get(db);
  if (!known) secrets.set(db, (known = new Map()));
  let secret = known.get(name);
  if (!secret) {
    secret = (async () => {
      const made = randomBytes(32).toString('base64url');
      // Two servers starting at once: the first key written wins, and both read it back.
      await db
        .insertInto('settings')
        .values({ key: name, value: made })
        .onConflict((c) => c.column('key').doNothing())
        .execute();
      return (await db.selectFrom('settings').select('value').where('key', '=', name).executeTakeFirstOrThrow()).value;
    })();
    secret.catch(() => known.delete(name));
    known.set(name, secret);
  }
  return secret;
}

/**
 * The network a client is known by: an IPv4 address whole, an IPv6 address by its /64 (one
 * household's or phone's prefix, whatever the rest), however it is written (`::`, case, a zone, an
 * IPv4-mapped form). Anything that is not an address stands for itself.
 */
export function networkOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${prefix.map((part) => part.toString(16)).join(':')}::/64`;
}

/** The client that sent a request: a keyed hash of its network (networkOf), never the address. */
export async function clientOf(db: Kysely<Database>, headers: Headers): Promise<string> {
  return createHmac('sha256', await installationSecret(db, 'client-key'))
    .update(networkOf(clientAddress(headers)))
    .digest('base64url')
    .slice(0, 22);
}

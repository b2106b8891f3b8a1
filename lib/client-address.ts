import { vouchedClient } from './door/client';

// Who sent a request, as the front door (lib/door/client.ts) saw the connection and vouched for it.
// This is the one place the routes learn it.

const HEADER = 'x-client-address';

/**
 * The client's address. Without a front door outside production (`next dev`, route tests) the
 * header is taken as it is, or 'local'. A production request the door did not vouch for has none:
 * that is a server started the wrong way, which instrumentation.ts stops, so it is an error here.
 */
export function clientAddress(headers: Headers): string {
  const address = vouchedClient(headers);
  if (address === undefined) throw new Error('This request did not pass the front door: no client address.');
  return address;
}

/** Headers as the front door would hand them on for `address`, outside production (for tests of what reads them). */
export function withClientAddress(address: string): Headers {
  return new Headers({ [HEADER]: address });
}

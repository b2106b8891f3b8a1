// Who sent a request, as the front door (lib/front-door.mjs) saw the connection: it sets this header
// on every request and overwrites any a client sent. This is the one place that reads it.

const HEADER = 'x-client-address';

/**
 * The client's address. A server run without the front door (`next dev`) has none: its requests
 * all come from the developer's machine, and count as one client, 'local'.
 */
export function clientAddress(headers: Headers): string {
  return headers.get(HEADER)?.trim() || 'local';
}

/** Headers as the front door would hand them on for `address` (for tests of what reads them). */
export function withClientAddress(address: string): Headers {
  return new Headers({ [HEADER]: address });
}

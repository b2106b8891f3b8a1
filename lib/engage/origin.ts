import { timingSafeEqual } from 'node:crypto';

// Where a request that changes something comes from: readers' comments and every editors' action
// must come from the site's own pages
// (Sec-Fetch-Site, or an Origin naming the host asked); an editor's, with the session's form token too.

export const SESSION_COOKIE = 'admin_session';

type Headers = { get(name: string): string | null };

/** True when the browser says the request comes from this site's own pages (or says nothing, as scripts do not). */
export function fromOwnPages(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = headers.get('origin');
  if (origin === null) return true;
  try {
    return new URL(origin).host === headers.get('host');
  } catch {
    return false;
  }
}

/** A form token compared in constant time. */
export function tokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

// How long each kind of answer may be kept (docs/deploy.md, "A CDN in front"): the front door
// (lib/door/front-door.ts) sets it on every answer as its headers leave.

export const CACHE = {
  // Pages and their RSC payloads: a CDN keeps them a minute, so a correction reaches every reader
  // within a minute of the publish; a browser asks again each time (a 304 when nothing changed).
  page: 'public, max-age=0, s-maxage=60',
  // A 404 may become a page at the next publish.
  notFound: 'public, max-age=0, s-maxage=60',
  // Trailing-slash and double-slash redirects never change.
  redirect: 'public, max-age=3600',
  // `/` to the reader's script, by Accept-Language: for this reader only.
  negotiated: 'private, no-cache',
  // Pictures under public/ keep their names when an editor replaces one: an hour.
  file: 'public, max-age=3600',
  // A story's social card (lib/social-card.ts) is named by a hash of what it shows: a new card is
  // a new URL, so a card never changes and may be kept a year.
  card: 'public, max-age=31536000, immutable',
  // Refusals are about the request, not about a resource.
  refused: 'no-store',
  // The editors' area shows one signed-in editor's queue: never kept anywhere.
  editors: 'private, no-store',
  // The newsletter's page answers one reader's link or form (an address, a token): never kept either.
  personal: 'private, no-store',
} as const;

type Kind = keyof typeof CACHE;

/** A social card's path: /zh-Hant/articles/<slug>/og/<key>.png (app/[locale]/articles/[slug]/og/[card]). */
const SOCIAL_CARD_PATH = /^\/zh-Han[st]\/articles\/[^/]+\/og\/[0-9a-f]{16}\.png$/;

/** What kind of answer a response is, for its cache policy; undefined to keep what Next set. */
export function kindOf(pathname: string, status: number, contentType: string): Kind | undefined {
  // Route handlers set their own policy (a comment list, a form's answer): none is a page.
  if (pathname.startsWith('/api/')) return undefined;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return 'editors';
  if (/^\/zh-Han[st]\/newsletter\/?$/.test(pathname)) return 'personal';
  // A temporary redirect is the choice of a script by Accept-Language (`/`): never shared.
  if (status === 302 || status === 303 || status === 307) return 'negotiated';
  if (status >= 300 && status < 400) return 'redirect';
  if (status === 404) return 'notFound';
  if (status !== 200 && status !== 206 && status !== 304) return undefined;
  if (/^text\/(?:html|x-component)/.test(contentType)) return 'page';
  if (SOCIAL_CARD_PATH.test(pathname)) return 'card';
  // Feeds (lib/feeds.ts) change with every publish like pages: feed.json must not be kept as a file.
  if (/^application\/(?:rss\+xml|atom\+xml|feed\+json)/.test(contentType)) return 'page';
  if (!pathname.startsWith('/_next/') && !pathname.startsWith('/pagefind/') && /\.[A-Za-z0-9]+$/.test(pathname)) {
    return /\.(?:xml|txt)$/.test(pathname) ? 'page' : 'file';
  }
  return undefined;
}

/** Whether a Cache-Control value lets a shared cache (a CDN) keep the answer: then it must set no cookie. */
export function isShared(cacheControl: unknown): boolean {
  const value = String(cacheControl ?? '').toLowerCase();
  return /\b(?:public|s-maxage=)/.test(value) && !/\b(?:private|no-store)\b/.test(value);
}

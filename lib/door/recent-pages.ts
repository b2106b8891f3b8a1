import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import { isShared } from './cache-policy';
import { onPagesChanged } from './pages-changed';
import { sendEncoded, type KeepPage, type Page } from './pages';

// The pages the door sent in the last moment (a second by default: PAGE_MEMORY_MS), by URL. When
// many readers ask for one story at once, all but the first of each moment are answered from here,
// without Next. Kept: only what any reader may be given, a 200 page from Next's cache (held whole by
// the door) that a CDN may keep too, sent to a plain GET. A publish on this server forgets them all at
// once, and a page asked for before it is not kept, though sent after it (Next may have read it from
// its cache before the tags expired); one on another server (through Redis) is seen here when the
// moment is over.

type Kept = { page: Page; status: number; headers: OutgoingHttpHeaders; vary: string[] };

/** Requests that ask for part of a page, or for it only on a condition the memory does not keep. */
const PARTIAL = ['range', 'if-range', 'if-match', 'if-unmodified-since'];
/** Headers that belong to one answer's bytes, set again when it is sent. */
const PER_ANSWER = new Set(['content-length', 'content-encoding', 'date', 'connection', 'keep-alive']);

const hasAny = (req: IncomingMessage, names: string[]) => names.some((name) => req.headers[name] !== undefined);
const plain = (req: IncomingMessage, methods: string[]) => methods.includes(req.method ?? '') && !hasAny(req, PARTIAL);

/** The request headers an answer varies on (besides the encoding, which is chosen per request). */
const varyOf = (res: ServerResponse) =>
  String(res.getHeader('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && name !== 'accept-encoding');

export type RecentPages = {
  /** Keeps a page the door sent whole, if any reader may be given it. */
  keep: KeepPage;
  /** Answers from memory, when it has this page; false when Next must answer. */
  answer: (req: IncomingMessage, res: ServerResponse) => boolean;
};

export function recentPages(ms: number): RecentPages {
  const memory = new LRUCache<string, Kept>({
    ttl: ms,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (kept) => kept.page.size,
  });
  // Which publish on this server each request came after.
  let publishes = 0;
  const asked = new WeakMap<IncomingMessage, number>();
  onPagesChanged(() => {
    publishes += 1;
    memory.clear();
  });

  const keep: KeepPage = (req, res, page, status) => {
    const vary = varyOf(res);
    if (asked.get(req) !== publishes) return;
    if (status !== 200 || !plain(req, ['GET']) || vary.includes('*') || hasAny(req, vary)) return;
    if (!isShared(res.getHeader('cache-control')) || res.hasHeader('set-cookie')) return;
    // Next says a page came from its cache (a page it made for this request carries the nonce).
    if (!/^(?:HIT|STALE)$/.test(String(res.getHeader('x-nextjs-cache')))) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders()))
      if (!PER_ANSWER.has(name) && value !== undefined) headers[name] = value;
    memory.set(req.url ?? '', { page, status, headers, vary });
  };

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    // A HEAD gets the GET's headers (Node sends no body to a HEAD).
    const kept = plain(req, ['GET', 'HEAD']) ? memory.get(req.url ?? '') : undefined;
    if (!kept || hasAny(req, kept.vary)) {
      asked.set(req, publishes);
      return false;
    }
    for (const [name, value] of Object.entries(kept.headers)) res.setHeader(name, value!);
    // A browser that has this version already (Next's ETag) is told so, as Next would.
    if (fresh(req.headers, { etag: String(kept.headers.etag ?? '') || undefined })) {
      res.writeHead(304);
      res.end();
    } else sendEncoded(req, res, res, kept.page, kept.status);
    return true;
  };
  return { keep, answer };
}

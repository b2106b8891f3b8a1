import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import vary from 'vary';
import { inlineScriptHashes, withScriptHashes, withScriptNonce } from './script-hashes';

// An HTML page's CSP allows its own inline scripts without 'unsafe-inline', in one of two ways.
// A page from a cache is whole already: the front door holds it, hashes its inline scripts, then
// compresses it here (next.config.js leaves compression to the door, which must see the page before
// it is encoded); each version is hashed and compressed once, then served from memory. A page Next
// renders now streams as it renders (compression() encodes it on the way), its CSP naming the nonce
// the door gave the request, which Next put on its scripts.

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Page = {
  body: Buffer;
  hashes: string[];
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
  size: number;
};
type Encoding = 'br' | 'gzip';

// Pages as last sent, by Next's ETag (a hash of the page): their scripts' hashes and encodings,
// worked out once per version of a page instead of once per request. Bounded by bytes, so that
// 20,000 pages cost at most this much memory; a page that falls out is worked out again.
const pages = new LRUCache<string, Page>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (page) => page.size });
// Computed once per version of a page, so a better ratio than compression()'s per-request quality 4.
const ENCODE: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    brotli(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => gzip(body, { level: 9 }),
};

/** The page for this body: from the cache when Next's ETag names the same bytes. */
function pageFor(body: Buffer, etag: unknown): Page {
  const cached = typeof etag === 'string' ? pages.get(etag) : undefined;
  if (cached?.body.equals(body)) return cached;
  const page: Page = { body, hashes: inlineScriptHashes(body.toString('utf8')), encoded: {}, size: body.length * 2 };
  if (typeof etag === 'string') pages.set(etag, page);
  return page;
}

const isHtml = (res: ServerResponse) => /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));

/** Whether an answer is a page whose first bytes tell how to send it: HTML with a body, to a GET. */
const isPage = (req: IncomingMessage, res: ServerResponse, status: number) =>
  req.method === 'GET' && status !== 204 && status !== 304 && isHtml(res);

// The pages being held whole: compression() (inside the door's wrapper) leaves them to sendPage.
const held = new WeakSet<ServerResponse>();

/** Whether the door holds this answer whole, to hash and compress it itself. */
export const isHeldPage = (res: ServerResponse) => held.has(res);

/** The headers given to writeHead (an object, or a flat or paired array), set on the response. */
function foldHeaders(res: ServerResponse, headers: unknown) {
  if (Array.isArray(headers)) {
    const flat = headers.flat() as string[];
    for (let i = 0; i + 1 < flat.length; i += 2) res.appendHeader(flat[i]!, flat[i + 1]!);
  } else if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers as OutgoingHttpHeaders)) if (v !== undefined) res.setHeader(k, v);
  }
}

type Chunk = string | Buffer | Uint8Array | null | undefined;
type Callback = (error?: Error | null) => void;
type Original = Pick<ServerResponse, 'writeHead' | 'write' | 'end'>;

// negotiator 1.x takes the preferred order as an option, which its published types do not know yet.
type Encodings = (available: string[], options: { preferred: string[] }) => string | undefined;
function negotiate(req: IncomingMessage): string | undefined {
  const negotiator = new Negotiator(req);
  return (negotiator.encoding as Encodings).call(negotiator, ['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
}

/**
 * Sends a page whole, compressed as the client accepts; `onHead` sees the response once its headers
 * are final (the door's recent pages keep them).
 */
export function sendEncoded(
  req: IncomingMessage,
  res: ServerResponse,
  inner: Original,
  page: Page,
  status: number,
  onHead?: () => void,
) {
  vary(res, 'Accept-Encoding');
  const method = page.body.length < 1024 ? 'identity' : ((negotiate(req) ?? 'identity') as Encoding | 'identity');
  const send = (bytes: Buffer) => {
    if (method !== 'identity') res.setHeader('Content-Encoding', method);
    res.setHeader('Content-Length', bytes.length);
    inner.writeHead.call(res, status);
    onHead?.();
    (inner.end as (chunk: Buffer) => ServerResponse).call(res, bytes);
  };
  if (method === 'identity') return send(page.body);
  page.encoded[method] ??= ENCODE[method](page.body);
  page.encoded[method].then(send, (error: unknown) => {
    console.error(`Failed to compress ${req.url}:`, error);
    delete page.encoded[method];
    res.destroy();
  });
}

/** What the door does with a page it sent whole, once its headers are final. */
export type KeepPage = (req: IncomingMessage, res: ServerResponse, page: Page, status: number) => void;

/** Sends a held page whole: its CSP naming its scripts, compressed as the client accepts. */
function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  inner: Original,
  status: number,
  body: Buffer,
  keep?: KeepPage,
) {
  const page = pageFor(body, res.getHeader('etag'));
  const policy = res.getHeader('content-security-policy');
  if (typeof policy === 'string') res.setHeader('Content-Security-Policy', withScriptHashes(policy, page.hashes));
  sendEncoded(req, res, inner, page, status, keep && (() => keep(req, res, page, status)));
}

/** The policy for an answer rendered for this request: its scripts carry the request's nonce. */
function nameNonce(res: ServerResponse, nonce: string) {
  const policy = res.getHeader('content-security-policy');
  if (isHtml(res) && typeof policy === 'string')
    res.setHeader('Content-Security-Policy', withScriptNonce(policy, nonce));
}

const bufferOf = (chunk: Chunk | Callback, encoding?: unknown) =>
  chunk === undefined || chunk === null || typeof chunk === 'function'
    ? undefined
    : typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : Buffer.from(chunk);
const callbackOf = (...args: unknown[]) => args.find((arg): arg is Callback => typeof arg === 'function');

/**
 * Sends a page as its first bytes say. A page Next renders for this request carries the request's
 * `nonce` (the front door put it in the request) from its first chunk on: it passes as Next streams
 * it, with a CSP naming the nonce. Any other page came from a cache (prerendered, or rendered for
 * another request; Next's x-nextjs-cache does not say so of its 404): it is held until it is whole,
 * to send it with a CSP naming its inline scripts' hashes (sendPage). Every other answer passes.
 * Install it outside compression(), which then compresses what passes. `keep` sees each page sent whole.
 */
export function holdPages(req: IncomingMessage, res: ServerResponse, nonce: string, keep?: KeepPage) {
  const inner: Original = { writeHead: res.writeHead, write: res.write, end: res.end };
  const mark = Buffer.from(`nonce="${nonce}"`);
  let state: 'open' | 'pending' | 'holding' | 'passing' = 'open';
  let status = 200;
  let reason: string | undefined;
  const chunks: Buffer[] = [];
  const writeHead = () => {
    const head = inner.writeHead as (...args: unknown[]) => ServerResponse;
    return reason ? head.call(res, status, reason) : head.call(res, status);
  };
  const open = (code: number) => {
    status = code;
    state = isPage(req, res, code) ? 'pending' : 'passing';
    if (state === 'pending') return res;
    nameNonce(res, nonce);
    return writeHead();
  };
  // Decided at the first chunk, which holds the page's head and its scripts' nonces; true when the
  // page passes, its head and first chunk then sent.
  const decide = (): boolean => {
    if (!chunks[0]?.includes(mark)) {
      state = 'holding';
      held.add(res);
      return false;
    }
    state = 'passing';
    nameNonce(res, nonce);
    writeHead();
    for (const chunk of chunks.splice(0)) (inner.write as (chunk: Buffer) => boolean).call(res, chunk);
    return true;
  };
  res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
    foldHeaders(
      this,
      rest.find((r) => r && typeof r === 'object'),
    );
    reason = rest.find((r): r is string => typeof r === 'string');
    if (state === 'open') return open(code);
    if (state === 'passing') return writeHead();
    status = code;
    return this;
  } as ServerResponse['writeHead'];
  res.write = function (this: ServerResponse, chunk: Chunk, encoding?: unknown, callback?: unknown) {
    if (state === 'open') this.writeHead(this.statusCode);
    if (state === 'passing') return (inner.write as (...a: unknown[]) => boolean).call(this, chunk, encoding, callback);
    const bytes = bufferOf(chunk, encoding);
    if (bytes?.length) chunks.push(bytes);
    if (state === 'pending' && chunks.length) decide();
    const done = callbackOf(encoding, callback);
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: Chunk | Callback, encoding?: unknown, callback?: unknown) {
    if (state === 'open') open(this.statusCode);
    if (state === 'passing')
      return (inner.end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
    const bytes = bufferOf(chunk, encoding);
    if (bytes?.length) chunks.push(bytes);
    const done = callbackOf(chunk, encoding, callback);
    if (state === 'pending' && decide()) return (inner.end as (callback?: Callback) => ServerResponse).call(this, done);
    state = 'passing';
    if (done) this.once('finish', done);
    sendPage(req, this, inner, status, Buffer.concat(chunks), keep);
    return this;
  } as ServerResponse['end'];
}

import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import compression from 'compression';
import { securityHeaders } from '../security-headers.mjs';
import { CACHE, isShared, kindOf } from './cache-policy';
import { markDoor, vouchForClient } from './client';
import { holdPages, isHeldPage } from './pages';
import { recentPages } from './recent-pages';
import { refusal, type FileDirs } from './requests';
import { newNonce, withScriptNonce } from './script-hashes';

// The production server's front door (scripts/start.ts puts it before Next's request handler):
// every request passes here first, so that whatever a client sends gets a normal answer with the
// site's headers, and every answer leaves with a cache policy a CDN can follow (docs/deploy.md).
// What is refused: lib/door/requests.ts; methods: lib/door/methods.ts; the client's address:
// lib/door/client.ts; pages' CSP (hashes or a nonce) and compression: lib/door/pages.ts.

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const POLICY = securityHeaders.find(({ key }) => key === 'Content-Security-Policy')!.value;

/** A Location this server made from the request's own address, as a path. */
function asPath(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  try {
    const url = new URL(location);
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return location;
  }
}

/** Every answer's headers pass here as they leave, however Next sends them. */
function policeHeaders(res: ServerResponse, pathname: string) {
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, status: number, reason?: unknown) {
    const location = res.getHeader('location');
    if (typeof location === 'string') res.setHeader('Location', asPath(location));
    const kind = kindOf(pathname, status, String(res.getHeader('content-type') ?? ''));
    if (kind) res.setHeader('Cache-Control', CACHE[kind]);
    if (kind === 'negotiated') res.setHeader('Vary', 'Accept-Language, Cookie');
    if (status >= 500) res.setHeader('Cache-Control', 'no-store');
    // A CDN refuses to keep an answer that sets a cookie, or keeps the cookie for every reader.
    if (isShared(res.getHeader('cache-control'))) res.removeHeader('Set-Cookie');
    // A 304 refreshes the stored copy's headers: its CSP names that copy's scripts, and stays.
    if (status === 304) res.removeHeader('Content-Security-Policy');
    return typeof reason === 'string' ? writeHead.call(this, status, reason) : writeHead.call(this, status);
  } as ServerResponse['writeHead'];
}

/**
 * Gives the request a fresh nonce the way Next reads one, in its Content-Security-Policy header
 * (Next's own guide, "Content Security Policy"): whatever the client sent there is replaced.
 */
function giveNonce(req: IncomingMessage): string {
  const nonce = newNonce();
  req.headers['content-security-policy'] = withScriptNonce(POLICY, nonce);
  // Next falls back to this one when the other is missing: never the client's.
  delete req.headers['content-security-policy-report-only'];
  return nonce;
}

/** A refusal, plain text, with the site's headers; the request's body is left unread. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, headers = {}) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v as string);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', CACHE.refused);
  res.writeHead(status);
  res.end(req.method === 'HEAD' ? undefined : `${status} ${reason}\n`);
  req.resume();
}

/**
 * Wraps a Node request handler (Next's) with the front door. `root` is the project, whose public/
 * and .next/static/ hold the files the server sends as they are; for `pageMemoryMs` after it sent a
 * page from a cache, the door sends it again itself (lib/door/recent-pages.ts; 0: never).
 */
export function frontDoor(handle: Handler, { root, pageMemoryMs = 0 }: { root: string; pageMemoryMs?: number }) {
  markDoor();
  const recent = pageMemoryMs > 0 ? recentPages(pageMemoryMs) : undefined;
  const files: FileDirs = { publicDir: path.join(root, 'public'), staticDir: path.join(root, '.next', 'static') };
  // Everything but the pages holdPages() sends itself: pages rendered now, scripts, styles, RSC
  // payloads, feeds. Next calls res.flush() after each write, so a page streams compressed.
  const compress = compression({
    filter: (req, res) => !isHeldPage(res as ServerResponse) && compression.filter(req, res),
  });
  return async (req: IncomingMessage, res: ServerResponse) => {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    delete req.headers['x-forwarded-host'];
    vouchForClient(req);
    policeHeaders(res, (req.url ?? '/').split('?')[0]!);
    const refused = refusal(req, files);
    if (refused) return refuse(req, res, refused.status, refused.reason, refused.headers);
    if (recent?.answer(req, res)) return;
    // holdPages() wraps the response last, so it sees a page's first bytes before compression()
    // (inside it) decides, and hands held pages to it already encoded.
    compress(req as never, res as never, () => {});
    holdPages(req, res, giveNonce(req), recent?.keep);
    try {
      await handle(req, res);
    } catch (error) {
      console.error(`Failed to answer ${req.method} ${req.url}:`, error);
      if (!res.headersSent) {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.writeHead(500);
      }
      res.end();
    }
  };
}

/** Node's status for a request its parser refuses. */
function parserStatus(code: string | undefined): number {
  // A method Node's parser does not know (FOO, BREW) is still a method this site does not allow.
  if (code === 'HPE_INVALID_METHOD') return 405;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * What Node answers itself, before any handler, to a request it cannot parse (headers past 16 KB,
 * a malformed request line): the same refusal, with the site's headers, instead of a bare status.
 */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = parserStatus(error.code);
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    ...(status === 405 ? ['Allow: GET, HEAD'] : []),
    ...securityHeaders.map(({ key, value }) => `${key}: ${value}`),
    `Cache-Control: ${CACHE.refused}`,
    'Content-Type: text/plain; charset=utf-8',
    'Connection: close',
  ];
  const body = `${status} ${STATUS_CODES[status]}\n`;
  socket.end(`${headers.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** The door's answers to what Node would answer itself: unparsable requests and unknown `Expect`s. */
export function guardServer(server: Server): Server {
  server.on('clientError', answerUnparsable);
  // Node answers an Expect other than 100-continue with a bare 417 unless told otherwise.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    refuse(req, res, 417, 'Only Expect: 100-continue is understood here.');
  });
  return server;
}

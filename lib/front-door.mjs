// The production server's front door (scripts/start.mjs puts it before Next's request handler):
// every request passes here first, so that whatever a client sends gets a normal answer with the
// site's headers, and every answer leaves with a cache policy a CDN can follow (docs/deploy.md).
// - Methods: GET and HEAD everywhere, POST on /api/publish, a story's comments
//   (/api/comments/<slug>), a story's view beacon (/api/views/<slug>), the newsletter's forms
//   (/api/newsletter…) and the editors' forms (/api/admin/…) alone; anything else is 405 with Allow.
// - The client's address reaches the routes in X-Client-Address, set here and never taken from the
//   request (behind a proxy, from the hop of X-Forwarded-For that TRUST_PROXY_HOPS names).
// - A URL that is not a path, has broken percent-encoding, control characters or dot segments is 400.
// - A Range header that does not parse, or asks for bytes in the wrong order, is dropped (HTTP says
//   to ignore it); one that holds no byte of a file is 416.
// - /_next/image takes only pictures under /images/ at the widths and qualities the site uses: 400.
// - Nothing from the request becomes the site's address: X-Forwarded-Host is dropped, and a
//   redirect's Location is sent as a path (absolute URLs come from SITE_URL alone, lib/site.ts).
// - An HTML page's CSP allows its own inline scripts by hash instead of 'unsafe-inline'
//   (lib/script-hashes.mjs): the page is held until it is whole, then hashed, then compressed here
//   (next.config.js leaves compression to the door, which must see the page before it is encoded);
//   each version of a page is hashed and compressed once, then served from memory.
// Plain JavaScript: the standalone server loads it without a build step.
import { statSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import compression from 'compression';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import vary from 'vary';
import { deviceSizes, imageSizes, qualities } from './image-sizes.mjs';
import { inlineScriptHashes, withScriptHashes } from './script-hashes.mjs';
import { securityHeaders } from './security-headers.mjs';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Methods each path answers; every other path answers GET and HEAD. */
const METHODS = {
  '/api/publish': ['POST'],
  '/api/admin/login': ['POST'],
  '/api/admin/logout': ['POST'],
  '/api/admin/comments': ['POST'],
  '/api/admin/newsletter': ['POST'],
  '/api/admin/words': ['POST'],
  '/api/newsletter': ['POST'],
  '/api/newsletter/confirm': ['POST'],
  '/api/newsletter/unsubscribe': ['GET', 'HEAD', 'POST'],
};
const COMMENTS_PATH = /^\/api\/comments\/[^/]+$/;
const VIEWS_PATH = /^\/api\/views\/[^/]+$/;
const methodsOf = (pathname) =>
  METHODS[pathname] ??
  (COMMENTS_PATH.test(pathname) ? ['GET', 'HEAD', 'POST'] : VIEWS_PATH.test(pathname) ? ['POST'] : ['GET', 'HEAD']);

/**
 * The address of the client: the socket's, or behind TRUST_PROXY_HOPS proxies (a CDN, a load
 * balancer) the address the outermost trusted one saw, counted from the right of X-Forwarded-For,
 * where a client cannot write.
 */
function clientAddress(req) {
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  const socket = req.socket?.remoteAddress ?? '';
  if (!(hops > 0)) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? socket;
}

const IMAGE_PATH = /^\/images\/[A-Za-z0-9/_.-]+\.(?:jpe?g|png|webp|avif|gif)$/i;
/** The widths and qualities the site asks the image optimizer for (next.config.js configures it with them). */
const IMAGE_WIDTHS = new Set([...deviceSizes, ...imageSizes]);
const IMAGE_QUALITIES = new Set(qualities);

/** How long each kind of answer may be kept (docs/deploy.md, "A CDN in front"). */
const CACHE = {
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
};

const problem = (status, reason, headers = {}) => ({ status, reason, headers });

/** Why a request is refused before Next sees it; undefined when it may pass. */
function refusal(req, files) {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return problem(400, 'The request target must be a path.');
  const query = target.indexOf('?');
  const pathname = query === -1 ? target : target.slice(0, query);
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return problem(400, 'The path has broken percent-encoding.');
  }
  if (/[\u0000-\u001F\u007F]/.test(decoded) || /[\u0000-\u0020\u007F]/.test(target))
    return problem(400, 'The path has control characters.');
  // Browsers resolve `.` and `..` before they ask; a request that still has them is probing.
  if (/(?:^|[/\\])\.{1,2}(?:[/\\]|$)/.test(decoded)) return problem(400, 'The path has dot segments.');
  if (query !== -1) {
    try {
      decodeURIComponent(target.slice(query + 1).replace(/\+/g, ' '));
    } catch {
      return problem(400, 'The query has broken percent-encoding.');
    }
  }
  const allowed = methodsOf(pathname);
  if (!allowed.includes(req.method))
    return problem(405, `${req.method} is not allowed here.`, { Allow: allowed.join(', ') });
  if (pathname === '/_next/image') {
    const params = new URLSearchParams(target.slice(query + 1));
    const url = params.get('url') ?? '';
    if (
      !IMAGE_PATH.test(url) ||
      url.includes('..') ||
      !IMAGE_WIDTHS.has(Number(params.get('w'))) ||
      !IMAGE_QUALITIES.has(Number(params.get('q') ?? 75))
    ) {
      return problem(400, 'Only pictures of this site, at the sizes it uses, are resized here.');
    }
  }
  const range = req.headers.range;
  if (range !== undefined && req.method === 'GET') {
    // HTTP: a Range that does not parse, or asks for bytes in the wrong order, is ignored.
    const parts = /^bytes=([\d\s,-]+)$/
      .exec(range)?.[1]
      .split(',')
      .map((part) => /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(part));
    if (
      !parts ||
      parts.some(
        (m) => !m || (m[1] === '' && m[2] === '') || (m[1] !== '' && m[2] !== '' && Number(m[1]) > Number(m[2])),
      )
    ) {
      delete req.headers.range;
    } else {
      // A file's range that holds no byte of it is 416 (Next's file server answers 500).
      const size = fileSize(decoded, files);
      const holdsAByte = ([, first, last]) => (first === '' ? Number(last) > 0 && size > 0 : Number(first) < size);
      if (size !== undefined && !parts.some(holdsAByte))
        return problem(416, 'The range holds no byte of the file.', { 'Content-Range': `bytes */${size}` });
    }
  }
  return undefined;
}

/** The size of the file a path names under public/ or .next/static/; undefined when it names none. */
function fileSize(pathname, { publicDir, staticDir }) {
  const [dir, rest] = pathname.startsWith('/_next/static/')
    ? [staticDir, pathname.slice('/_next/static/'.length)]
    : [publicDir, pathname.slice(1)];
  const file = path.join(dir, rest);
  if (!file.startsWith(dir + path.sep)) return undefined;
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** A social card's path: /zh-Hant/articles/<slug>/og/<key>.png (app/[locale]/articles/[slug]/og/[card]). */
const SOCIAL_CARD_PATH = /^\/zh-Han[st]\/articles\/[^/]+\/og\/[0-9a-f]{16}\.png$/;

/** What kind of answer a response is, for its cache policy; undefined to keep what Next set. */
function kindOf(pathname, status, contentType) {
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
  if (
    !pathname.startsWith('/_next/') &&
    !pathname.startsWith('/api/') &&
    !pathname.startsWith('/pagefind/') &&
    /\.[A-Za-z0-9]+$/.test(pathname)
  ) {
    return /\.(?:xml|txt)$/.test(pathname) ? 'page' : 'file';
  }
  return undefined;
}

/** A Location this server made from the request's own address, as a path. */
function asPath(location) {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  try {
    const url = new URL(location);
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return location;
  }
}

/** The headers given to writeHead (an object, or a flat or paired array), set on the response. */
function foldHeaders(res, headers) {
  if (Array.isArray(headers)) {
    const flat = headers.flat();
    for (let i = 0; i + 1 < flat.length; i += 2) res.appendHeader(flat[i], flat[i + 1]);
  } else if (headers) {
    for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
  }
}

/** Whether an answer is a page held by holdPages(): HTML with a body, to a GET. */
const isHeldPage = (req, res, status) =>
  req.method === 'GET' &&
  status !== 204 &&
  status !== 304 &&
  /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));

// Pages as last sent, by Next's ETag (a hash of the page): their scripts' hashes and encodings,
// worked out once per version of a page instead of once per request. Bounded by bytes, so that
// 20,000 pages cost at most this much memory; a page that falls out is worked out again.
const pages = new LRUCache({ maxSize: 64 * 1024 * 1024, sizeCalculation: (page) => page.size });
// Computed once per version of a page, so a better ratio than compression()'s per-request quality 4.
const ENCODE = {
  br: (body) =>
    brotli(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => gzip(body, { level: 9 }),
};

/** The page for this body: from the cache when Next's ETag names the same bytes. */
function pageFor(body, etag) {
  const cached = typeof etag === 'string' ? pages.get(etag) : undefined;
  if (cached?.body.equals(body)) return cached;
  const page = { body, hashes: inlineScriptHashes(body.toString('utf8')), encoded: {}, size: body.length * 2 };
  if (typeof etag === 'string') pages.set(etag, page);
  return page;
}

/**
 * Holds an HTML answer to a GET until it is whole, to send it with a CSP that names its inline
 * scripts' hashes, compressed as the client accepts; every other answer passes as Next writes it
 * (and compression() compresses it). Pages are prerendered and sent in one piece, so holding costs
 * no time to first byte.
 */
function holdPages(req, res) {
  const inner = { writeHead: res.writeHead, write: res.write, end: res.end };
  let state = 'open'; // then 'holding' or 'passing'
  let status;
  const chunks = [];
  const decide = (code) => {
    state = isHeldPage(req, res, code) ? 'holding' : 'passing';
    status = code;
  };
  const hold = (chunk, encoding) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
          : Buffer.from(chunk),
      );
    }
  };
  const callbackOf = (...args) => args.find((arg) => typeof arg === 'function');
  res.writeHead = function (code, ...rest) {
    foldHeaders(
      this,
      rest.find((r) => r && typeof r === 'object'),
    );
    const reason = rest.find((r) => typeof r === 'string');
    if (state === 'open') decide(code);
    if (state === 'holding') {
      status = code;
      return this;
    }
    return reason ? inner.writeHead.call(this, code, reason) : inner.writeHead.call(this, code);
  };
  res.write = function (chunk, encoding, callback) {
    if (state === 'open') this.writeHead(this.statusCode);
    if (state !== 'holding') return inner.write.call(this, chunk, encoding, callback);
    hold(chunk, encoding);
    const done = callbackOf(encoding, callback);
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (state === 'open') decide(this.statusCode);
    if (state !== 'holding') return inner.end.call(this, chunk, encoding, callback);
    state = 'passing';
    hold(chunk, encoding);
    const done = callbackOf(chunk, encoding, callback);
    if (done) this.once('finish', done);
    const page = pageFor(Buffer.concat(chunks), this.getHeader('etag'));
    const policy = this.getHeader('content-security-policy');
    if (typeof policy === 'string') this.setHeader('Content-Security-Policy', withScriptHashes(policy, page.hashes));
    vary(this, 'Accept-Encoding');
    const method =
      page.body.length < 1024
        ? 'identity'
        : (new Negotiator(req).encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] }) ?? 'identity');
    const send = (bytes) => {
      if (method !== 'identity') this.setHeader('Content-Encoding', method);
      this.setHeader('Content-Length', bytes.length);
      inner.writeHead.call(this, status);
      inner.end.call(this, bytes);
    };
    if (method === 'identity') {
      send(page.body);
    } else {
      page.encoded[method] ??= ENCODE[method](page.body);
      page.encoded[method].then(send, (error) => {
        console.error(`Failed to compress ${req.url}:`, error);
        delete page.encoded[method];
        this.destroy();
      });
    }
    return this;
  };
}

/**
 * Wraps a Node request handler (Next's) with the front door. `root` is the project, whose public/
 * and .next/static/ hold the files the server sends as they are.
 */
export function frontDoor(handle, { root }) {
  const files = { publicDir: path.join(root, 'public'), staticDir: path.join(root, '.next', 'static') };
  // Everything but the pages holdPages() sends itself: scripts, styles, RSC payloads, feeds.
  const compress = compression({
    filter: (req, res) => !isHeldPage(req, res, res.statusCode) && compression.filter(req, res),
  });
  return async (req, res) => {
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    delete req.headers['x-forwarded-host'];
    req.headers['x-client-address'] = clientAddress(req).replace(/^::ffff:/, '');
    const pathname = (req.url ?? '/').split('?')[0];

    // Every answer's headers pass here, however Next sends them (writeHead, or implicitly on write);
    // holdPages() has folded the headers given to writeHead into the response's own.
    const writeHead = res.writeHead;
    res.writeHead = function (status, reason) {
      const location = res.getHeader('location');
      if (typeof location === 'string') res.setHeader('Location', asPath(location));
      const kind = kindOf(pathname, status, String(res.getHeader('content-type') ?? ''));
      if (kind) res.setHeader('Cache-Control', CACHE[kind]);
      if (kind === 'negotiated') res.setHeader('Vary', 'Accept-Language, Cookie');
      if (status >= 500) res.setHeader('Cache-Control', 'no-store');
      // A 304 refreshes the stored copy's headers: its CSP names that copy's scripts, and stays.
      if (status === 304) res.removeHeader('Content-Security-Policy');
      return typeof reason === 'string' ? writeHead.call(this, status, reason) : writeHead.call(this, status);
    };

    const refused = refusal(req, files);
    if (refused) {
      for (const [k, v] of Object.entries(refused.headers)) res.setHeader(k, v);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', CACHE.refused);
      res.writeHead(refused.status);
      res.end(req.method === 'HEAD' ? undefined : `${refused.status} ${refused.reason}\n`);
      // The body of a refused request is not read: let the client's stream go.
      req.resume();
      return;
    }
    // holdPages() wraps the response first, so compression() (outside it) hands pages through whole.
    holdPages(req, res);
    compress(req, res, () => {});
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

/**
 * What Node answers itself, before any handler, to a request it cannot parse (headers past 16 KB,
 * a malformed request line): the same refusal, with the site's headers, instead of a bare status.
 */
export function answerUnparsable(error, socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  // A method Node's parser does not know (FOO, BREW) is still a method this site does not allow.
  const status =
    error.code === 'HPE_INVALID_METHOD'
      ? 405
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
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

// What the open internet sends: odd methods, broken URLs, impossible ranges, forged hosts, image
// requests for things that are not pictures, oversized and unparsable requests. Each is sent as
// written (raw HTTP, no client tidying the URL) to the production server, which must answer with
// a 2xx, 3xx or 4xx (never a 500), its security headers, a deliberate Cache-Control, and nothing
// of what the client sent as the site's address.
import net from 'node:net';
import { expect, test } from './fixtures';

const port = Number(process.env.E2E_PORT ?? 3100);
const image = '/images/articles/double-11-ten-years/hero.jpg';

type Answer = { status: number; headers: Record<string, string>; body: string };

/** Sends one request exactly as written and reads the whole answer. */
function send(method: string, target: string, headers: Record<string, string> = {}, raw?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const answer: Answer = {
        status: Number(statusLine.split(' ')[1]),
        headers: {},
        body: Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8'),
      };
      for (const line of lines) {
        const at = line.indexOf(':');
        const name = line.slice(0, at).toLowerCase();
        answer.headers[name] = answer.headers[name]
          ? `${answer.headers[name]}, ${line.slice(at + 1).trim()}`
          : line.slice(at + 1).trim();
      }
      resolve(answer);
    });
    const lines = [
      `${method} ${target} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    // Written, not ended: a half-closed socket may lose an answer still being made. The server
    // closes the connection after its answer (Connection: close), or after refusing it.
    socket.write(raw ?? `${lines.join('\r\n')}\r\n\r\n`);
    socket.setTimeout(15_000, () => socket.destroy(new Error(`No answer to ${method} ${target}`)));
  });
}

/** Every answer, whatever was asked: a normal status, the site's headers, a cache policy. */
function expectSiteAnswer(answer: Answer, what: string) {
  expect(answer.status, what).toBeGreaterThanOrEqual(200);
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(answer.headers['strict-transport-security'], what).toContain('max-age=');
  expect(answer.headers['permissions-policy'], what).toContain('camera=()');
  expect(answer.headers['cache-control'], what).toBeTruthy();
  expect(answer.headers['x-powered-by'], what).toBeUndefined();
  expect(answer.body, what).not.toMatch(/at [\w.<>]+ \(|node:internal|\/node_modules\//);
}

test.describe('hostile requests', () => {
  // Named by class; each row is one request with the status it must get.
  const methods = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO'];
  const everyKindOfPath = [
    '/zh-Hant',
    '/zh-Hans/articles/double-11-ten-years',
    '/zh-Hant/nope',
    image,
    '/robots.txt',
    '/sitemap.xml',
    '/icon.svg',
    `/_next/image?url=${encodeURIComponent(image)}&w=640&q=75`,
    '/pagefind/manifest.json',
  ];
  const table: {
    what: string;
    method?: string;
    target: string;
    headers?: Record<string, string>;
    status: number | number[];
    allow?: string;
  }[] = [
    ...everyKindOfPath.flatMap((target) =>
      methods.map((method) => ({ what: `${method} ${target}`, method, target, status: 405, allow: 'GET, HEAD' })),
    ),
    ...['GET', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'].map((method) => ({
      what: `${method} /api/publish`,
      method,
      target: '/api/publish',
      status: 405,
      allow: 'POST',
    })),
    // Broken percent-encoding where the page proxy never looks, and where it does.
    ...[
      '/zh-Hant/tags/%ZZ',
      '/zh-Hans/tags/%E0%A4%A',
      '/images/%ZZ.jpg',
      '/_next/static/%ZZ',
      '/_next/static/chunks/%E0%A4%A.js',
      '/robots.txt%',
      '/pagefind/%ZZ',
      '/api/publish/%ZZ',
      '/%',
      '/zh-Hant?q=%ZZ',
    ].map((target) => ({ what: `broken encoding ${target}`, target, status: 400 })),
    // A story slug that does not decode (decoded twice, it would be broken) or is no slug: unknown.
    ...['/api/comments/%25zz', '/api/comments/%25E0%25A4%25A', '/api/comments/No%20Slug'].map((target) => ({
      what: `story slug ${target}`,
      target,
      status: 404,
    })),
    { what: 'comment on story %25zz', method: 'POST', target: '/api/comments/%25zz', status: 404 },
    {
      what: 'view of story %25zz',
      method: 'POST',
      target: '/api/views/%25zz',
      headers: { 'User-Agent': 'Mozilla/5.0 (iPhone)', 'Content-Length': '0' },
      status: 204,
    },
    // Encoded controls and traversal.
    ...[
      '/zh-Hant/%00',
      '/zh-Hant/%0d%0aSet-Cookie:%20a=b',
      '/images/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/_next/static/..%2f..%2fpackage.json',
      '/zh-Hant/./articles',
      '/images/%5c..%5cpackage.json',
    ].map((target) => ({ what: `controls or traversal ${target}`, target, status: 400 })),
    // Ranges: unsatisfiable is 416, malformed is ignored (200), a good one is 206.
    ...['bytes=99999999-', 'bytes=-0', 'bytes=70000000-70000001'].map((range) => ({
      what: `Range ${range}`,
      target: image,
      headers: { Range: range },
      status: 416,
    })),
    ...['bytes=abc', 'bytes=5-1', 'bytes=0-0,5-1', 'items=0-1', 'bytes='].map((range) => ({
      what: `Range ${range}`,
      target: image,
      headers: { Range: range },
      status: 200,
    })),
    { what: 'Range bytes=0-9', target: image, headers: { Range: 'bytes=0-9' }, status: 206 },
    // A suffix longer than the file, or an end past it, is the whole file (Next's file server answers 500).
    ...['bytes=-99999999', 'bytes=0-99999999', 'bytes=0-1,5-9'].map((range) => ({
      what: `Range ${range}`,
      target: image,
      headers: { Range: range },
      status: 200,
    })),
    { what: 'Range on a page', target: '/zh-Hant', headers: { Range: 'bytes=99999999-' }, status: 200 },
    // The image optimizer: only this site's pictures, at the sizes it uses.
    ...[
      '/_next/image?url=/robots.txt&w=640&q=75',
      '/_next/image?url=/zh-Hant&w=640&q=75',
      '/_next/image?url=https%3A%2F%2Fevil.example%2Fx.jpg&w=640&q=75',
      '/_next/image?url=//evil.example/x.jpg&w=640&q=75',
      '/_next/image?url=/images/../../package.json&w=640&q=75',
      `/_next/image?url=${encodeURIComponent(image)}&w=641&q=75`,
      `/_next/image?url=${encodeURIComponent(image)}&w=640&q=101`,
      `/_next/image?url=${encodeURIComponent(image)}`,
      '/_next/image',
    ].map((target) => ({ what: `image ${target}`, target, status: 400 })),
    // Paths Next takes for its image optimizer too: none is it.
    ...[
      '/_next/image%3B?url=/admin&w=640&q=75',
      '/_next/image;x?url=/admin&w=640&q=75',
      `/_next/image/?url=${encodeURIComponent(image)}&w=640&q=75`,
    ].map((target) => ({ what: `image look-alike ${target}`, target, status: 404 })),
    { what: 'image of the site', target: `/_next/image?url=${encodeURIComponent(image)}&w=640&q=75`, status: 200 },
    // Redirects carry the headers too, and never name the client's host.
    ...['/zh-Hant/', '//zh-Hant', '/', '/zh-Hans/articles/double-11-ten-years/'].map((target) => ({
      what: `redirect ${target}`,
      target,
      headers: { 'X-Forwarded-Host': 'evil.example' },
      status: [307, 308],
    })),
    // Scripted input in the query: served as the page, never reflected.
    { what: 'script in a query', target: '/zh-Hant/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', status: 200 },
    { what: 'script in a path', target: '/zh-Hant/tags/%3Cscript%3Ealert(1)%3C%2Fscript%3E', status: 404 },
    // Oversized.
    { what: 'a 12 KB path', target: `/zh-Hant/${'a'.repeat(12_000)}`, status: 404 },
    { what: 'a 12 KB query', target: `/zh-Hant?${'q=x&'.repeat(3_000)}`, status: 200 },
  ];

  test(`${table.length} odd requests get normal answers with the site's headers`, async () => {
    for (const row of table) {
      const answer = await send(row.method ?? 'GET', row.target, {
        ...row.headers,
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'gopher',
      });
      expectSiteAnswer(answer, row.what);
      expect([row.status].flat(), `${row.what}: ${answer.status}`).toContain(answer.status);
      if (row.allow) expect(answer.headers['allow'], row.what).toBe(row.allow);
      if (answer.status === 416) expect(answer.headers['content-range'], row.what).toMatch(/^bytes \*\/\d+$/);
      expect(JSON.stringify(answer.headers), row.what).not.toContain('evil.example');
      expect(answer.body, row.what).not.toContain('evil.example');
      expect(answer.body, row.what).not.toContain('<script>alert(1)');
      if (answer.headers['location']) expect(answer.headers['location'], row.what).toMatch(/^\/[^/\\]/);
    }
  });

  test("a forged Host is not the site's address anywhere in a page or its headers", async () => {
    for (const target of [
      '/zh-Hant',
      '/zh-Hans/articles/double-11-ten-years',
      '/zh-Hant/tags/e-commerce',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/robots.txt',
      '/zh-Hant/nope',
    ]) {
      const answer = await send(
        'GET',
        target,
        {},
        `GET ${target} HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\nConnection: close\r\n\r\n`,
      );
      expectSiteAnswer(answer, target);
      expect(JSON.stringify(answer.headers) + answer.body, target).not.toMatch(/evil2?\.example/);
      expect(answer.headers['link'], target).toBeUndefined();
    }
  });

  test("requests Node cannot parse get a 4xx with the site's headers", async () => {
    const raws = [
      `GET /zh-Hant HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'GET /zh-Hant HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'GET /zh-Hant HTTP/9.9\r\nHost: x\r\n\r\n',
      'NOT A REQUEST\r\n\r\n',
      'GET /zh-Hant HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'GET /zh-Hant HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n',
      // Node answers an Expect it does not know itself, before any handler.
      'GET /zh-Hant HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n',
    ];
    for (const raw of raws) {
      const answer = await send('', '', {}, raw);
      const what = JSON.stringify(raw.slice(0, 60));
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
    }
  });

  test('each kind of answer has its cache policy', async () => {
    const policy = async (target: string, headers: Record<string, string> = {}) =>
      (await send('GET', target, headers)).headers['cache-control'];
    expect(await policy('/zh-Hant')).toBe('public, max-age=0, s-maxage=60');
    expect(await policy('/zh-Hans/articles/double-11-ten-years')).toBe('public, max-age=0, s-maxage=60');
    expect(await policy('/zh-Hant/nope')).toBe('public, max-age=0, s-maxage=60');
    expect(await policy('/zh-Hant/')).toBe('public, max-age=3600');
    expect(await policy('/')).toBe('private, no-cache');
    expect((await send('GET', '/')).headers['vary']).toContain('Accept-Language');
    expect(await policy(image)).toBe('public, max-age=3600');
    expect(await policy('/zh-Hant/tags/%ZZ')).toBe('no-store');
    expect(await policy('/sitemap.xml')).toBe('public, max-age=0, s-maxage=60');
    const page = await send('GET', '/zh-Hant');
    const script = /\/_next\/static\/[^"]+\.js/.exec(page.body)?.[0];
    expect(script).toBeTruthy();
    expect(await policy(script!)).toBe('public, max-age=31536000, immutable');
  });

  test('an answer a CDN may keep sets no cookie', async () => {
    for (const target of ['/zh-Hans', '/zh-Hant/articles/double-11-ten-years', '/zh-Hans/tags']) {
      const answer = await send('GET', target, { 'Accept-Language': 'en' });
      expect(answer.headers['cache-control'], target).toContain('public');
      expect(answer.headers['set-cookie'], target).toBeUndefined();
    }
  });
});

/**
 * Streams a chunked body of `chunk`-sized pieces until the server answers or `most` bytes are sent;
 * resolves with the answer's status and how much was sent before it came.
 */
function streamBody(target: string, contentType: string, most: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let answered = false;
    socket.setTimeout(30_000, () => socket.destroy(new Error(`No answer to a chunked POST ${target}`)));
    socket.on('data', (data) => {
      if (answered) return;
      answered = true;
      resolve({ status: Number(data.toString('latin1').split(' ')[1]), sent });
      socket.destroy();
    });
    // The server may close while bytes are still on their way: that is its refusal, not an error.
    socket.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < most) {
        sent += chunk.length;
        if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`)) return;
      }
    };
    socket.on('drain', pump);
    socket.write(
      [
        `POST ${target} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Content-Type: ${contentType}`,
        'Transfer-Encoding: chunked',
        // A browser's, so that no route turns the request away before reading its body.
        'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
        `X-Forwarded-For: 198.51.100.${(Math.random() * 200) | 0}`,
        '',
        '',
      ].join('\r\n'),
    );
    pump();
  });
}

test('a chunked body past a form’s limit is refused while it is still being sent', async () => {
  test.setTimeout(120_000);
  const form = 'application/x-www-form-urlencoded';
  // Each body never ends (no last chunk): a server that read it whole before checking would never answer.
  // A view beacon's answer is always 204 (nobody reads it); the sign-in form answers every refusal by
  // sending the editor back to it (303).
  for (const [target, expected] of [
    ['/api/comments/double-11-ten-years', 413],
    ['/api/views/double-11-ten-years', 204],
    ['/api/newsletter', 413],
    ['/api/admin/login', 303],
  ] as const) {
    const { status, sent } = await streamBody(
      target,
      target.includes('views') ? 'text/plain' : form,
      256 * 1024 * 1024,
    );
    expect(status, target).toBe(expected);
    expect(sent, target).toBeLessThan(8 * 1024 * 1024);
  }
});

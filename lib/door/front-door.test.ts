import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { doorServer } from '../../tests/door-server';
import { vouchedClient } from './client';

// The door around a real HTTP server, with a small handler in Next's place that answers as Next
// would (a page, a file, a route) and reports what reached it.

const root = mkdtempSync(path.join(os.tmpdir(), 'door-'));
mkdirSync(path.join(root, 'public', 'images'), { recursive: true });
writeFileSync(path.join(root, 'public', 'images', 'a.jpg'), Buffer.alloc(100, 1));
const seen: { url: string; headers: IncomingMessage['headers'] }[] = [];

function next(req: IncomingMessage, res: ServerResponse) {
  seen.push({ url: req.url ?? '', headers: { ...req.headers } });
  if (req.url === '/zh-Hant') {
    // A page from Next's cache, rendered for another request: its script's nonce is stale.
    res.setHeader('Set-Cookie', 'NEXT_LOCALE=zh-Hant; Path=/');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('x-nextjs-cache', 'HIT');
    res.end('<html><script nonce="c3RhbGU=">one()</script></html>');
  } else if (req.url === '/zh-Hant/no-such-page') {
    // Next's prerendered 404, sent from its cache with no x-nextjs-cache header: no nonce in it.
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.write('<html><script>notFound()</script>');
    res.end('</html>');
  } else if (req.url === '/zh-Hant/newsletter') {
    void renderNow(req, res);
  } else if (req.url?.startsWith('/images/')) {
    // Next's file server answers a range past the file's end with 500.
    const range = req.headers.range;
    res.statusCode = range && !/^bytes=\d+-\d+$/.test(range) ? 500 : 200;
    res.setHeader('Content-Type', 'image/jpeg');
    res.end(Buffer.alloc(100, 1));
  } else {
    res.statusCode = 404;
    res.end();
  }
}

const nonceOf = (policy: unknown) => /'nonce-([^']+)'/.exec(String(policy))?.[1];

/** Lets a held page Next renders now send its rest: the test reads the shell before, which only a streamed page allows. */
let sendRest = () => {};

/**
 * A page Next renders now, as Next streams it: its shell, a pause (a Suspense boundary), the rest.
 * Asked with `x-hold`, the pause lasts until the test calls sendRest().
 */
async function renderNow(req: IncomingMessage, res: ServerResponse & { flush?: () => void }) {
  const nonce = nonceOf(req.headers['content-security-policy']);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Next sends its headers just before its first chunk (next/dist/server/pipe-readable.js).
  res.flushHeaders();
  res.write(`<html><script nonce="${nonce}">shell()</script>${'<p>頭條</p>'.repeat(200)}`);
  // Next flushes after each write, for compression middleware (next/dist/server/pipe-readable.js).
  res.flush?.();
  await new Promise<void>((resolve) => (req.headers['x-hold'] ? (sendRest = resolve) : setImmediate(resolve)));
  res.end(`<script nonce="${nonce}">rest()</script></html>`);
}

const door = doorServer(next, { root });

/** A raw request, as a client may send what fetch would not. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(door.port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    setTimeout(() => socket.end(), 500);
  });
}

describe('the front door', () => {
  it('hashes a page’s inline script into its CSP and sets no cookie on an answer a CDN keeps', async () => {
    const res = await fetch(`${door.origin}/zh-Hant`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-security-policy')).toMatch(/script-src [^;]*'sha256-/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  });

  it('streams a page Next renders now, its CSP naming the nonce Next was given', async () => {
    for (const encoding of ['identity', 'gzip', 'br']) {
      const res = await fetch(`${door.origin}/zh-Hant/newsletter`, {
        headers: { 'Accept-Encoding': encoding, 'x-hold': '1' },
      });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      // The rest is sent only once the shell has arrived: a door that held the page whole would
      // never give the shell, and the test would time out.
      const first = decoder.decode((await reader.read()).value, { stream: true });
      sendRest();
      let rest = '';
      for (let part = await reader.read(); !part.done; part = await reader.read()) rest += decoder.decode(part.value);
      expect(first, encoding).toContain('shell()');
      expect(first, encoding).not.toContain('rest()');
      expect(rest, encoding).toContain('rest()');
      expect(res.headers.get('content-encoding') ?? 'identity', encoding).toBe(encoding);
      const policy = res.headers.get('content-security-policy');
      const seenPolicy = seen.at(-1)!.headers['content-security-policy'];
      expect(nonceOf(policy), encoding).toBe(nonceOf(seenPolicy));
      expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);
      expect(first).toContain(`nonce="${nonceOf(policy)}"`);
    }
  });

  it('gives each request a fresh nonce, whatever policy the client sends', async () => {
    const evil = "script-src 'nonce-ZXZpbA=='";
    const nonces = new Set<string | undefined>();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${door.origin}/zh-Hant/newsletter`, { headers: { 'Content-Security-Policy': evil } });
      await res.text();
      nonces.add(nonceOf(res.headers.get('content-security-policy')));
      expect(seen.at(-1)!.headers['content-security-policy']).not.toContain('ZXZpbA==');
    }
    expect(nonces.size).toBe(3);
    expect(nonces.has('ZXZpbA==')).toBe(false);
  });

  it('names no nonce in the CSP of a page from Next’s cache', async () => {
    const res = await fetch(`${door.origin}/zh-Hant`);
    expect(res.headers.get('content-security-policy')).not.toContain("'nonce-");
  });

  it('hashes a page that carries no nonce of this request, whatever Next says of its cache', async () => {
    const res = await fetch(`${door.origin}/zh-Hant/no-such-page`);
    expect(res.status).toBe(404);
    const policy = res.headers.get('content-security-policy');
    expect(policy).not.toContain("'nonce-");
    expect(policy).toContain(`'sha256-${createHash('sha256').update('notFound()').digest('base64')}'`);
    expect(await res.text()).toBe('<html><script>notFound()</script></html>');
  });

  it('vouches for the connection’s address and drops the one a client claims', async () => {
    await fetch(`${door.origin}/zh-Hant`, { headers: { 'X-Client-Address': '203.0.113.9', 'X-Client-Proof': 'x' } });
    const headers = new Headers(seen.at(-1)!.headers as Record<string, string>);
    expect(headers.get('x-client-address')).toBe('127.0.0.1');
    expect(vouchedClient(headers)).toBe('127.0.0.1');
    headers.set('x-client-address', '203.0.113.9');
    expect(vouchedClient(headers)).toBeUndefined();
  });

  it('refuses every path that begins like the image optimizer’s but is not it', async () => {
    for (const target of [
      '/_next/image%3B?url=/admin&w=640&q=75',
      '/_next/image;x?url=/admin&w=640&q=75',
      '/_next/image/',
    ]) {
      const before = seen.length;
      const res = await fetch(door.origin + target);
      expect(res.status, target).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(seen.length, target).toBe(before);
    }
  });

  it('answers a suffix range longer than the file whole, and refuses one that holds no byte', async () => {
    const whole = await fetch(`${door.origin}/images/a.jpg`, { headers: { Range: 'bytes=-99999' } });
    expect(whole.status).toBe(200);
    expect(seen.at(-1)!.headers.range).toBeUndefined();
    const none = await fetch(`${door.origin}/images/a.jpg`, { headers: { Range: 'bytes=500-' } });
    expect(none.status).toBe(416);
    expect(none.headers.get('content-range')).toBe('bytes */100');
    await fetch(`${door.origin}/images/a.jpg`, { headers: { Range: 'bytes=0-9' } });
    expect(seen.at(-1)!.headers.range).toBe('bytes=0-9');
  });

  it('answers an Expect it does not understand with the site’s headers', async () => {
    const answer = await raw('GET /zh-Hant HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 417 /);
    expect(answer).toMatch(/content-security-policy: /i);
    expect(answer).toMatch(/cache-control: no-store/i);
  });

  it('refuses methods by the one table, with Allow', async () => {
    const res = await fetch(`${door.origin}/zh-Hant`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const route = await fetch(`${door.origin}/api/views/x`, { method: 'GET' });
    expect(route.status).toBe(405);
    expect(route.headers.get('allow')).toBe('POST');
  });

  it('answers a request Node cannot parse with the site’s headers', async () => {
    const answer = await raw(`GET /zh-Hant HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/x-frame-options: DENY/i);
  });
});

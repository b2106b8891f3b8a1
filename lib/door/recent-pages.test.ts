import { mkdtempSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { doorServer } from '../../tests/door-server';
import { announcePagesChanged } from './pages-changed';

// The door's recent pages, around a real HTTP server with a small handler in Next's place that
// counts what reaches it.

const MEMORY_MS = 300;
const root = mkdtempSync(path.join(os.tmpdir(), 'door-recent-'));
const reached: string[] = [];
let version = 1;

function next(req: IncomingMessage, res: ServerResponse) {
  reached.push(`${req.method} ${req.url}`);
  const url = new URL(req.url ?? '/', 'http://x');
  // A publish lands while this page is on its way out of Next's cache.
  if (url.pathname === '/zh-Hant/during-publish') announcePagesChanged();
  const nonce = /'nonce-([^']+)'/.exec(String(req.headers['content-security-policy']))?.[1];
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Vary', 'rsc, next-router-state-tree');
  if (url.pathname === '/zh-Hant/missing') res.statusCode = 404;
  // A page Next renders for this request: its scripts carry the request's nonce.
  const scriptNonce = url.pathname === '/zh-Hant/rendered' ? ` nonce="${nonce}"` : '';
  // A page from Next's cache says so; /zh-Hant/plain is HTML without a nonce that does not.
  if (!scriptNonce && url.pathname !== '/zh-Hant/plain') {
    res.setHeader('x-nextjs-cache', 'HIT');
    res.setHeader('ETag', `"v${version}"`);
  }
  res.end(`<html><script${scriptNonce}>v(${version})</script>${'<p>頭條新聞</p>'.repeat(300)}</html>`);
}

const door = doorServer(next, { root, pageMemoryMs: MEMORY_MS });
beforeEach(async () => {
  // Each test starts with nothing kept.
  announcePagesChanged();
  reached.length = 0;
});

/** A GET as a browser sends it (fetch would decode the body and hide the encoding). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(`${door.origin}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const text = (
          body.length === 0
            ? body
            : encoding === 'br'
              ? zlib.brotliDecompressSync(body)
              : encoding === 'gzip'
                ? zlib.gunzipSync(body)
                : body
        ).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe("the door's recent pages", () => {
  it('answers a page from a cache again itself, for any encoding, with the same headers', async () => {
    const first = await get('/zh-Hant/story', { 'Accept-Encoding': 'br' });
    const second = await get('/zh-Hant/story', { 'Accept-Encoding': 'gzip' });
    const third = await get('/zh-Hant/story');
    expect(reached).toEqual(['GET /zh-Hant/story']);
    expect([first.headers['content-encoding'], second.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(third.headers['content-encoding']).toBeUndefined();
    expect(second.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    for (const name of [
      'content-security-policy',
      'cache-control',
      'etag',
      'vary',
      'x-nextjs-cache',
      'x-frame-options',
    ])
      expect([name, second.headers[name]]).toEqual([name, first.headers[name]]);
    expect(first.headers['content-security-policy']).toMatch(/'sha256-/);
    expect(Number(second.headers['content-length'])).toBeGreaterThan(0);
  });

  it('forgets every page when pages are revalidated, and each page when its moment is over', async () => {
    await get('/zh-Hant/story');
    version += 1;
    announcePagesChanged();
    expect((await get('/zh-Hant/story')).text).toContain(`v(${version})`);
    await get('/zh-Hant/story');
    expect(reached).toHaveLength(2);
    version += 1;
    await new Promise((resolve) => setTimeout(resolve, MEMORY_MS + 100));
    expect((await get('/zh-Hant/story')).text).toContain(`v(${version})`);
    expect(reached).toHaveLength(3);
  });

  it('does not keep a page asked for before a publish and sent after it', async () => {
    await get('/zh-Hant/during-publish');
    await get('/zh-Hant/during-publish');
    expect(reached).toEqual(['GET /zh-Hant/during-publish', 'GET /zh-Hant/during-publish']);
  });

  it('tells a browser that has the version already, as Next would', async () => {
    const first = await get('/zh-Hant/story');
    const same = await get('/zh-Hant/story', { 'If-None-Match': String(first.headers.etag) });
    const other = await get('/zh-Hant/story', { 'If-None-Match': '"v0"' });
    expect([same.status, same.text]).toEqual([304, '']);
    expect(same.headers['content-security-policy']).toBeUndefined();
    expect([other.status, other.text]).toEqual([200, first.text]);
    expect(reached).toHaveLength(1);
  });

  it('leaves to Next what it may not answer for every reader', async () => {
    for (let i = 0; i < 2; i++) {
      await get('/zh-Hant/rendered');
      await get('/zh-Hant/missing');
      await get('/zh-Hant/plain');
      await get('/zh-Hant/story?page=2');
    }
    expect(reached).toEqual([
      'GET /zh-Hant/rendered',
      'GET /zh-Hant/missing',
      'GET /zh-Hant/plain',
      'GET /zh-Hant/story?page=2',
      'GET /zh-Hant/rendered',
      'GET /zh-Hant/missing',
      'GET /zh-Hant/plain',
    ]);
    // What the answer varies on, or part of a page: Next answers.
    reached.length = 0;
    await get('/zh-Hant/story?page=2', { rsc: '1' });
    await get('/zh-Hant/story?page=2', { Range: 'bytes=0-10' });
    expect(reached).toEqual(['GET /zh-Hant/story?page=2', 'GET /zh-Hant/story?page=2']);
  });

  it("answers a HEAD with the GET's headers once it has the page, and never keeps a HEAD's", async () => {
    await get('/zh-Hant/story', {}, 'HEAD');
    const page = await get('/zh-Hant/story', { 'Accept-Encoding': 'br' });
    const head = await get('/zh-Hant/story', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(reached).toEqual(['HEAD /zh-Hant/story', 'GET /zh-Hant/story']);
    expect(head.text).toBe('');
    for (const name of ['content-security-policy', 'content-length', 'content-encoding', 'etag'])
      expect([name, head.headers[name]]).toEqual([name, page.headers[name]]);
  });

  it('keeps nothing that was asked with a header the page varies on', async () => {
    await get('/zh-Hant/other', { 'Next-Router-State-Tree': 'x' });
    await get('/zh-Hant/other');
    expect(reached).toEqual(['GET /zh-Hant/other', 'GET /zh-Hant/other']);
  });
});

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicImageResponse, resolvePublicImage } from './public-files';

// A picture added to public/images after the server started is served from disk as it is asked for.

const root = mkdtempSync(path.join(os.tmpdir(), 'public-files-'));
const dir = path.join(root, 'images');
mkdirSync(path.join(dir, 'articles', 'new-story'), { recursive: true });
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
writeFileSync(path.join(dir, 'articles', 'new-story', 'hero.png'), png);
writeFileSync(path.join(root, 'secret.png'), png);
writeFileSync(path.join(dir, 'notes.txt'), 'not a picture');
utimesSync(
  path.join(dir, 'articles', 'new-story', 'hero.png'),
  new Date('2026-01-02T03:04:05Z'),
  new Date('2026-01-02T03:04:05Z'),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (segments: string[], headers: Record<string, string> = {}, method = 'GET') =>
  publicImageResponse(new Request('http://site.test/images/x', { method, headers }), segments, dir);

describe('a picture under public/images', () => {
  it('is served with its type, validators and an hour of caching', async () => {
    const response = await get(['articles', 'new-story', 'hero.png']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('last-modified')).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    expect(response.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('answers HEAD without a body and a revalidation with 304', async () => {
    const head = await get(['articles', 'new-story', 'hero.png'], {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(png.length));
    expect(head.body).toBeNull();
    const etag = head.headers.get('etag')!;
    expect((await get(['articles', 'new-story', 'hero.png'], { 'If-None-Match': etag })).status).toBe(304);
    const since = { 'If-Modified-Since': 'Fri, 02 Jan 2026 03:04:05 GMT' };
    expect((await get(['articles', 'new-story', 'hero.png'], since)).status).toBe(304);
    expect((await get(['articles', 'new-story', 'hero.png'], { 'If-None-Match': 'W/"0-0"' })).status).toBe(200);
  });

  it.each([
    [['articles', 'new-story', 'missing.png']],
    [['notes.txt']],
    [['..', 'secret.png']],
    [['articles', '..', '..', 'secret.png']],
    [['articles', '.hidden.png']],
    [['articles']],
    [[]],
    [['articles', 'new-story', 'hero.svg']],
  ])('is 404 for %j', async (segments) => {
    const response = await get(segments);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('never resolves outside its folder', () => {
    expect(resolvePublicImage(['..', 'secret.png'], dir)).toBeUndefined();
    expect(resolvePublicImage(['a%2F..%2F..', 'secret.png'], dir)).toBeUndefined();
    expect(resolvePublicImage(['articles', 'new-story', 'hero.PNG'], dir)).toBe(
      path.join(dir, 'articles', 'new-story', 'hero.PNG'),
    );
  });
});

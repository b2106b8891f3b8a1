import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// A story published while the server runs brings its pictures: they are served at once, raw and
// through the image optimizer, without a restart (app/images/[...file]/route.ts).

const source = path.join('public', 'images', 'articles', 'double-11-ten-years', 'hero.jpg');
const added = path.join('public', 'images', 'articles', `e2e-new-${process.pid}-${Date.now()}`, 'hero.jpg');

test.afterAll(() => rmSync(path.dirname(added), { recursive: true, force: true }));

test('a picture added after the server started is served raw and resized', async ({ request }) => {
  mkdirSync(path.dirname(added), { recursive: true });
  copyFileSync(source, added);
  const url = '/' + path.relative('public', added).split(path.sep).join('/');

  const raw = await request.get(url);
  expect(raw.status()).toBe(200);
  expect(raw.headers()['content-type']).toBe('image/jpeg');
  expect(raw.headers()['cache-control']).toBe('public, max-age=3600');
  expect(Buffer.from(await raw.body()).equals(readFileSync(source))).toBe(true);
  expect((await request.head(url)).status()).toBe(200);

  const resized = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`, {
    headers: { Accept: 'image/webp,image/*' },
  });
  expect(resized.status()).toBe(200);
  expect(resized.headers()['content-type']).toMatch(/^image\//);
  expect((await resized.body()).length).toBeGreaterThan(100);
});

test('a missing picture or a path out of public/images is 404', async ({ request }) => {
  expect((await request.get('/images/articles/no-such-story/hero.jpg')).status()).toBe(404);
  expect((await request.get('/images/articles/double-11-ten-years/notes.txt')).status()).toBe(404);
});

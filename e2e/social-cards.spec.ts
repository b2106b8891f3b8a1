// Social cards (lib/social-card.ts) as the production server sends them: each story page's
// og:image and Twitter tags name its card, the card is a 1200x630 PNG kept a year, a stale or
// broken card URL never fails, and one card per script is saved as a picture to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { articlesIn, locales } from './site-data';

const siteOrigin = new URL(process.env.SITE_URL ?? 'http://localhost:3000').origin;
const sponsoredLabel = { 'zh-Hant': '廣編企劃', 'zh-Hans': '广编企划' } as const;

/** The content of every <meta> of a page, by property or name. */
async function metaTags(request: APIRequestContext, pagePath: string): Promise<Map<string, string>> {
  const response = await request.get(pagePath);
  expect(response.status(), pagePath).toBe(200);
  const html = await response.text();
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = /\b(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const value = /\bcontent="([^"]*)"/.exec(tag)?.[1];
    if (key && value !== undefined && !tags.has(key))
      tags.set(key, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  }
  return tags;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const pathOf = (url: string) => new URL(url).pathname;

for (const locale of locales) {
  const stories = articlesIn(locale);
  const plain = stories.find((a) => !a.sponsor)!;
  const sponsored = stories.find((a) => a.sponsor)!;

  test(`${locale}: a story's og:image is its card, a 1200x630 PNG kept a year`, async ({ request }) => {
    const meta = await metaTags(request, plain.path);
    const image = meta.get('og:image') ?? '';
    expect(image).toMatch(new RegExp(`^${siteOrigin}/${locale}/articles/${plain.slug}/og/[0-9a-f]{16}\\.png$`));
    expect(meta.get('og:image:width')).toBe('1200');
    expect(meta.get('og:image:height')).toBe('630');
    expect(meta.get('og:image:type')).toBe('image/png');
    expect(meta.get('og:image:alt')).toBe(plain.title);
    expect(meta.get('twitter:card')).toBe('summary_large_image');
    expect(meta.get('twitter:image')).toBe(image);
    expect(meta.get('twitter:image:alt')).toBe(plain.title);

    const card = await request.get(pathOf(image));
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/png');
    expect(card.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });
    // The second answer comes from the kept card: the same bytes.
    expect((await (await request.get(pathOf(image))).body()).equals(await card.body())).toBe(true);

    const head = await request.head(pathOf(image));
    expect(head.status()).toBe(200);
    expect(head.headers()['content-type']).toBe('image/png');
    const post = await request.post(pathOf(image));
    expect(post.status()).toBe(405);
    expect(post.headers()['allow']).toBe('GET, HEAD');
  });

  test(`${locale}: a sponsored story's card says ${sponsoredLabel[locale]}`, async ({ request }) => {
    const meta = await metaTags(request, sponsored.path);
    expect(meta.get('og:image:alt')).toBe(`${sponsoredLabel[locale]}｜${sponsored.title}`);
    expect(meta.get('twitter:image:alt')).toBe(`${sponsoredLabel[locale]}｜${sponsored.title}`);
    const plainMeta = await metaTags(request, plain.path);
    expect(meta.get('og:image')).not.toBe(plainMeta.get('og:image'));
    const card = await request.get(pathOf(meta.get('og:image') ?? ''));
    expect(card.status()).toBe(200);
    expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });
  });

  test(`${locale}: a stale card URL goes to the current card; a broken one is 404`, async ({ request }) => {
    const image = pathOf((await metaTags(request, plain.path)).get('og:image') ?? '');
    const stale = image.replace(/[0-9a-f]{16}\.png$/, '0123456789abcdef.png');
    const moved = await request.get(stale, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers()['location']).toBe(image);
    for (const broken of [
      image.replace(/\.png$/, '.jpg'),
      image.replace(/[0-9a-f]{16}\.png$/, 'zzzz.png'),
      `/${locale}/articles/no-such-story/og/0123456789abcdef.png`,
      `/${locale}/articles/%E0%A4%A/og/0123456789abcdef.png`,
    ]) {
      const response = await request.get(broken, { maxRedirects: 0 });
      expect([400, 404], broken).toContain(response.status());
    }
  });
}

test('one card per script, saved as a picture to look at', async ({ page, request }) => {
  const dir = path.join(process.cwd(), 'test-results', 'social-cards');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1200, height: 630 });
  for (const locale of locales) {
    // zh-Hant: an ordinary story; zh-Hans: the sponsored one, to see its label.
    const story = articlesIn(locale).find((a) => (locale === 'zh-Hans' ? a.sponsor : !a.sponsor))!;
    const image = pathOf((await metaTags(request, story.path)).get('og:image') ?? '');
    const card = await request.get(image);
    writeFileSync(path.join(dir, `${locale}.png`), await card.body());
    await page.goto(image);
    const shot = await page.locator('img').screenshot({ path: path.join(dir, `${locale}-screenshot.png`) });
    expect(pngSize(shot)).toEqual({ width: 1200, height: 630 });
  }
});

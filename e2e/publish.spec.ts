import { copyFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { makeSiteCopy, type SiteCopy } from '../tests/site-copy';

// Publishing without a rebuild, against a copy of the built site served by its own production
// server: a body fix, a new story, a withdrawn story, a scheduled story, a refused change, and the
// webhook. The tests run in order; each starts from what the one before published.

const TOKEN = 'test-publish-token-0123456789';
const PORT = Number(process.env.E2E_PUBLISH_PORT ?? 3190);
const SOURCE = 'content/articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
const NEW_SLUG = 'edge-ai-chips-newsroom-test';

test.describe.configure({ mode: 'serial' });
// A publish runs the content check, contentlayer and the index in a fresh process: seconds each.
test.setTimeout(120_000);

let site: SiteCopy;

test.beforeAll(async () => {
  // Copying the build and starting servers takes a while on a busy machine.
  test.setTimeout(180_000);
  site = makeSiteCopy(PORT, TOKEN);
  // Behind one proxy, as behind a CDN: a test names its client in X-Forwarded-For.
  await site.start({ TRUST_PROXY_HOPS: '1' });
});

test.afterAll(async () => {
  await site?.stop();
  site?.remove();
});

const get = (path: string, init?: RequestInit) => fetch(`${site.origin}${path}`, init);
const text = async (path: string) => (await get(path)).text();

/** Taipei wall-clock time, as editors write publishedAt, `seconds` from now. */
function taipeiTime(seconds: number): string {
  return new Date(Date.now() + seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 19);
}

/** A new story made from the sample one: another slug, title and body, dated `publishedAt`. */
function newStory(publishedAt: string, title: string): string {
  return site
    .read(SOURCE)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^publishedAt: .*$/m, `publishedAt: ${publishedAt}`)
    .replace(/^featured: true\n/m, '')
    .replace(/^furtherReading:[\s\S]*?(?=^---)/m, '');
}

async function search(page: Page, locale: string, query: string): Promise<string[]> {
  await page.goto(`${site.origin}/${locale}/search`);
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await box.press('Enter');
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', /^(done|failed)$/);
  return page
    .getByTestId('search-results')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

test('a fix in a story body is live in both scripts, and only its pages are revalidated', async ({ page }) => {
  const before = await text('/zh-Hans/articles/taiwan-ai-server-supply-chain');
  expect(before).not.toContain('液冷機櫃測試修正句');
  site.write(SOURCE, site.read(SOURCE).replace('業界普遍認為，', '液冷機櫃測試修正句。業界普遍認為，'));
  site.commit('Fix a sentence');
  const { status, output } = await site.publish();
  expect(status, output).toBe(0);
  // The Simplified page is derived from the Traditional file: both stories' tags change, the sitemaps
  // (which say when each page last changed), and the feeds that carry the story whole (the script's,
  // and each of its tags', section's and author's); not the listings, whose cards are the same.
  const changed = [...output.matchAll(/^ {2}(c:\S*)$/gm)].map((m) => m[1]!);
  expect(changed.filter((t) => !t.startsWith('c:feed:')).sort()).toEqual(
    [
      'c:sitemap',
      'c:story:zh-Hans/taiwan-ai-server-supply-chain',
      'c:story:zh-Hant/taiwan-ai-server-supply-chain',
    ].sort(),
  );
  for (const locale of ['zh-Hant', 'zh-Hans']) expect(changed).toContain(`c:feed:${locale}:home:`);
  expect(await text('/zh-Hant/feed.xml')).toContain('液冷機櫃測試修正句');
  expect(await text('/zh-Hans/feed.json')).toContain('液冷机柜测试修正句');
  expect(await text('/zh-Hant/articles/taiwan-ai-server-supply-chain')).toContain('液冷機櫃測試修正句');
  expect(await text('/zh-Hans/articles/taiwan-ai-server-supply-chain')).toContain('液冷机柜测试修正句');

  // Search: the story's pages were indexed again in the fresh part, and the older copies are hidden,
  // so the new sentence finds the story, and a word of its title finds it once, not twice.
  const manifest = (await (await get('/pagefind/manifest.json')).json()) as Record<
    string,
    { parts: string[]; hidden: string[] }
  >;
  for (const locale of ['zh-Hant', 'zh-Hans']) {
    expect(manifest[locale]!.parts[0]).toMatch(/\/fresh\/$/);
    expect(manifest[locale]!.hidden).toHaveLength(1);
  }
  const story = '/zh-Hant/articles/taiwan-ai-server-supply-chain';
  expect(await search(page, 'zh-Hant', '液冷機櫃測試修正句')).toContain(story);
  expect((await search(page, 'zh-Hant', 'AI 伺服器')).filter((href) => href === story)).toHaveLength(1);
  expect(await search(page, 'zh-Hans', '液冷机柜测试修正句')).toContain(story.replace('zh-Hant', 'zh-Hans'));
});

test('a new story is served, listed, in the sitemap and found by search, with no error while it is published', async ({
  page,
}) => {
  site.write(
    `content/articles/${NEW_SLUG}/zh-Hant.mdx`,
    newStory(taipeiTime(-60), '邊緣運算晶片測試新稿：裝置端 AI 的下一步'),
  );
  site.commit('Add a story');
  expect((await get(`/zh-Hant/articles/${NEW_SLUG}`)).status).toBe(404);

  // Readers keep reading while the story is published: every answer is the old or the new page.
  let reading = true;
  const statuses: number[] = [];
  const readers = Array.from({ length: 4 }, async (_, i) => {
    const paths = [
      '/zh-Hant',
      '/zh-Hans',
      '/zh-Hant/tags/artificial-intelligence',
      '/zh-Hant/articles/taiwan-ai-server-supply-chain',
    ];
    while (reading)
      statuses.push(
        await get(paths[i]!).then(
          (r) => r.arrayBuffer().then(() => r.status),
          () => 0,
        ),
      );
  });
  const { status, output } = await site.publish();
  reading = false;
  await Promise.all(readers);
  expect(status, output).toBe(0);
  // Only a story file changed: its story is updated in the store in place, the archive not read.
  expect(output).toContain('Indexed 2 article(s) of 1 changed story folder(s)');
  expect(statuses.length).toBeGreaterThan(10);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);

  for (const [locale, title] of [
    ['zh-Hant', '邊緣運算晶片測試新稿'],
    ['zh-Hans', '边缘计算芯片测试新稿'],
  ] as const) {
    const story = await get(`/${locale}/articles/${NEW_SLUG}`);
    expect(story.status).toBe(200);
    expect(await story.text()).toContain(title);
    expect(await text(`/${locale}`)).toContain(title);
    expect(await text(`/${locale}/tags/artificial-intelligence`)).toContain(title);
    expect(await text(`/${locale}/sections/tech`)).toContain(title);
    expect(await text(`/${locale}/authors/chou-cheng-hsiang`)).toContain(title);
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json', 'tags/artificial-intelligence/feed.xml'])
      expect(await text(`/${locale}/${feed}`)).toContain(title);
  }
  expect(await text('/sitemap.xml')).toContain(`/zh-Hant/articles/${NEW_SLUG}`);
  // A minute old: Google News is told, in both scripts.
  const news = await text('/news-sitemap.xml');
  for (const locale of ['zh-Hant', 'zh-Hans']) expect(news).toContain(`/${locale}/articles/${NEW_SLUG}</loc>`);
  expect(await search(page, 'zh-Hant', '邊緣運算晶片測試新稿')).toContain(`/zh-Hant/articles/${NEW_SLUG}`);
});

test('a story taken back to draft is gone from its page, listings, sitemap and search', async ({ page }) => {
  const file = `content/articles/${NEW_SLUG}/zh-Hant.mdx`;
  site.write(
    file,
    site
      .read(file)
      .replace(/^featured: .*\n/m, '')
      .replace(/^publishedAt: (.*)$/m, 'publishedAt: $1\ndraft: true'),
  );
  site.commit('Withdraw the story');
  const { status, output } = await site.publish();
  expect(status, output).toBe(0);
  for (const locale of ['zh-Hant', 'zh-Hans']) {
    const gone = await get(`/${locale}/articles/${NEW_SLUG}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain(`lang="${locale}"`);
    expect(await text(`/${locale}`)).not.toContain(NEW_SLUG);
    expect(await text(`/${locale}/tags/artificial-intelligence`)).not.toContain(NEW_SLUG);
  }
  expect(await text('/sitemap.xml')).not.toContain(NEW_SLUG);
  expect(await text('/news-sitemap.xml')).not.toContain(NEW_SLUG);
  expect(await search(page, 'zh-Hant', '邊緣運算晶片測試新稿')).not.toContain(`/zh-Hant/articles/${NEW_SLUG}`);
});

test('a scheduled story goes live at its time in Taipei, with nobody running anything', async () => {
  // Time enough for the publish to finish first, on a busy machine too.
  test.setTimeout(240_000);
  const slug = `${NEW_SLUG}-scheduled`;
  const goesLive = Date.now() + 75_000;
  site.write(`content/articles/${slug}/zh-Hant.mdx`, newStory(taipeiTime(75), '定時上線測試稿：時間一到就出現'));
  site.commit('Schedule a story');
  const { status, output } = await site.publish();
  expect(status, output).toBe(0);
  expect(Date.now(), 'the publish finished before the story’s time').toBeLessThan(goesLive);
  expect((await get(`/zh-Hant/articles/${slug}`)).status).toBe(404);
  expect(await text('/zh-Hant')).not.toContain('定時上線測試稿');

  await expect
    .poll(async () => (await get(`/zh-Hant/articles/${slug}`)).status, { timeout: 120_000, intervals: [1000] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(goesLive - 1000);
  // The server revalidates the pages that list it within a few seconds of its time.
  await expect.poll(() => text('/zh-Hant'), { timeout: 30_000, intervals: [1000] }).toContain('定時上線測試稿');
  await expect
    .poll(() => text('/zh-Hans/tags/artificial-intelligence'), { timeout: 30_000, intervals: [1000] })
    .toContain('定时上线测试稿');
});

test('a broken change is refused with its file, line and fix, and the site keeps serving what it had', async () => {
  site.write(SOURCE, site.read(SOURCE).replace(/^title: (.*)$/m, 'title: 壞掉的標題\nsumary: 拼錯的欄位'));
  site.commit('Break a story');
  const { status, output } = await site.publish();
  expect(status).not.toBe(0);
  expect(output).toContain('content/articles/taiwan-ai-server-supply-chain/zh-Hant.mdx:3:1');
  expect(output).toContain('sumary');
  expect(output).toContain('沒有發布任何變更');
  // contentlayer compiled the same file meanwhile and failed on it: the editor reads the check alone.
  expect(output).not.toMatch(/contentlayer|problems? in \d+ documents?/i);
  const page = await get('/zh-Hant/articles/taiwan-ai-server-supply-chain');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('從代工到整櫃交付');
  expect(html).not.toContain('壞掉的標題');
  site.write(
    SOURCE,
    site
      .read(SOURCE)
      .replace('title: 壞掉的標題\nsumary: 拼錯的欄位', 'title: 從代工到整櫃交付：台灣電子業搶進 AI 伺服器'),
  );
  site.commit('Mend the story');
});

test('the webhook refuses requests without the token and publishes with it', async () => {
  const post = (headers: Record<string, string>, body?: string) =>
    get('/api/publish', { method: 'POST', headers, body });
  expect((await post({})).status).toBe(401);
  expect((await post({ Authorization: 'Bearer wrong-token' })).status).toBe(401);
  expect((await post({ Authorization: TOKEN })).status).toBe(401);
  expect((await get('/api/publish')).status).toBe(405);
  expect((await get('/api/publish', { method: 'PUT' })).status).toBe(405);
  const auth = { Authorization: `Bearer ${TOKEN}` };
  expect((await post(auth, '{not json')).status).toBe(400);
  expect((await post(auth, JSON.stringify({ tags: ['/etc/passwd'] }))).status).toBe(400);
  expect((await post(auth, JSON.stringify({ tags: 'c:names' }))).status).toBe(400);

  // A git host's push event: the server runs the publish step in its project.
  site.write(SOURCE, site.read(SOURCE).replace('液冷機櫃測試修正句。', '網路鉤子測試修正句。'));
  site.commit('Fix again, published by the webhook');
  const response = await post(
    { ...auth, 'Content-Type': 'application/json' },
    JSON.stringify({ ref: 'refs/heads/main' }),
  );
  const result = (await response.json()) as { published: boolean; report: string };
  expect(response.status, result.report).toBe(200);
  expect(result.published).toBe(true);
  expect(await text('/zh-Hant/articles/taiwan-ai-server-supply-chain')).toContain('網路鉤子測試修正句');
});

test('guessing the token is rate-limited', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push(
      (
        await get('/api/publish', {
          method: 'POST',
          headers: { Authorization: 'Bearer guess', 'X-Forwarded-For': '203.0.113.9' },
        })
      ).status,
    );
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  // The real publisher is never refused for others' guesses, even from the guesser's address.
  const notice = await get('/api/publish', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
    body: JSON.stringify({ tags: ['c:list:zh-Hant:home:'] }),
  });
  expect(notice.status).toBe(200);
});

test('a hero picture replaced under the same name reaches the story page and its social card', async () => {
  const story = '/zh-Hant/articles/battery-swapping-scooters';
  const cardOf = async () =>
    /<meta property="og:image" content="https?:\/\/[^/"]+([^"]+)"/.exec(await text(story))?.[1];
  const before = await cardOf();
  expect(before).toMatch(/\/og\/[0-9a-f]{16}\.png$/);
  // Another story's picture, copied over this one's: the file name, and the story's text, stay the same.
  copyFileSync(
    site.file('public/images/articles/cloud-data-residency/hero.jpg'),
    site.file('public/images/articles/battery-swapping-scooters/hero.jpg'),
  );
  site.commit('Replace a hero picture');
  const { status, output } = await site.publish();
  expect(status, output).toBe(0);
  expect(output).toMatch(/^ {2}c:story:zh-Hant\/battery-swapping-scooters$/m);
  expect(output).toMatch(/^ {2}c:story:zh-Hans\/battery-swapping-scooters$/m);
  const after = await cardOf();
  expect(after).toMatch(/\/og\/[0-9a-f]{16}\.png$/);
  expect(after).not.toBe(before);
  // A link shared before the change leads to the card as it is now.
  const old = await get(before!, { redirect: 'manual' });
  expect(old.status).toBe(308);
  expect(old.headers.get('location')).toBe(after);
  expect((await get(after!)).headers.get('content-type')).toBe('image/png');
});

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { articlesIn } from './site-data';

// 熱門文章: views counted without cookies or stored addresses, once a day per reader, and the
// most-read list of each script changing as readers read.

const databaseFile = process.env.E2E_DATABASE_FILE!;
const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

function viewsOf(story: string, locale = 'zh-Hant'): number {
  // A run's fresh database is made by the server's first write: none yet is no view yet.
  if (!existsSync(databaseFile)) return 0;
  const db = new Database(databaseFile, { readonly: true });
  try {
    return (
      db
        .prepare('select coalesce(sum(count), 0) as n from views where story = ? and locale = ?')
        .get(story, locale) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

let n = 0;
const readerAt = () => `10.${(process.pid + 200) % 250}.${Math.floor(++n / 250) % 250}.${n % 250}`;

test.describe.configure({ mode: 'serial' });

test.describe('most read', () => {
  const [first, second] = ['battery-swapping-scooters', 'podcast-advertising'].map((slug) =>
    articlesIn('zh-Hant').find((a) => a.slug === slug)!,
  );

  const beacon = (
    request: import('@playwright/test').APIRequestContext,
    story: string,
    headers: Record<string, string> = {},
    address = readerAt(),
  ) =>
    request.post(`/api/views/${story}`, {
      data: 'zh-Hant',
      headers: { 'Content-Type': 'text/plain', 'User-Agent': browserAgent, 'X-Forwarded-For': address, ...headers },
    });

  test('a story seen in a browser is counted once a day per reader, with no cookie', async ({ browser }) => {
    const before = viewsOf(first!.slug);
    const address = readerAt();
    const context = await browser.newContext({
      extraHTTPHeaders: { 'X-Forwarded-For': address },
      baseURL: test.info().project.use.baseURL,
    });
    const page = await context.newPage();
    const sent = page.waitForRequest((r) => r.url().endsWith(`/api/views/${first!.slug}`) && r.method() === 'POST');
    await page.goto(first!.path);
    expect((await sent).postData()).toBe('zh-Hant');
    await expect.poll(() => viewsOf(first!.slug)).toBe(before + 1);
    await page.reload();
    await page.waitForTimeout(500);
    expect(viewsOf(first!.slug)).toBe(before + 1);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  test('one address naming many browsers is one reader (an IPv6 address by its /64)', async ({ request }) => {
    const before = viewsOf(second!.slug);
    const address = readerAt();
    for (let i = 0; i < 20; i++)
      await beacon(request, second!.slug, { 'User-Agent': `${browserAgent} Build/${i}` }, address);
    for (const v6 of ['2001:db8:77:1::1', '2001:db8:77:1:ffff::2'])
      await beacon(request, second!.slug, { 'User-Agent': `${browserAgent} ${v6}` }, v6);
    expect(viewsOf(second!.slug)).toBe(before + 2);
  });

  test('robots, prefetches, other sites and readers who ask not to be tracked are not counted', async ({ request }) => {
    const before = viewsOf(first!.slug);
    const refused: Record<string, string>[] = [
      { DNT: '1' },
      { 'Sec-GPC': '1' },
      { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { 'Sec-Purpose': 'prefetch' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of refused)
      expect((await beacon(request, first!.slug, headers)).status(), JSON.stringify(headers)).toBe(204);
    expect(
      (
        await request.post('/api/views/no-such-story', { data: 'zh-Hant', headers: { 'User-Agent': browserAgent } })
      ).status(),
    ).toBe(204);
    expect((await request.get(`/api/views/${first!.slug}`)).status()).toBe(405);
    expect(viewsOf(first!.slug)).toBe(before);
    expect(viewsOf('no-such-story')).toBe(0);
  });

  test('the most-read list of a script changes as readers read, on the front page too', async ({ page, request }) => {
    const list = async () =>
      ((await (await request.get('/api/most-read?locale=zh-Hant')).json()) as { day: { title: string }[] }).day.map(
        (i) => i.title,
      );
    for (let i = 0; i < 12; i++) await beacon(request, first!.slug);
    expect((await list())[0]).toBe(first!.title);
    await page.goto('/zh-Hant');
    const mostRead = page.getByTestId('most-read');
    await expect(mostRead.getByTestId('most-read-list').getByRole('link').first()).toHaveText(first!.title);

    for (let i = 0; i < 30; i++) await beacon(request, second!.slug);
    expect((await list()).slice(0, 2)).toEqual([second!.title, first!.title]);
    await page.reload();
    await expect(mostRead.getByTestId('most-read-list').getByRole('link').first()).toHaveText(second!.title);
    // The other script's list counts its own readers.
    const hans = (
      (await (await request.get('/api/most-read?locale=zh-Hans')).json()) as { day: { title: string }[] }
    ).day.map((i) => i.title);
    expect(hans).not.toContain(second!.title);
    expect((await request.get('/api/most-read?locale=en')).status()).toBe(400);
  });
});

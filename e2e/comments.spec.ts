import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { articlesIn, locales } from './site-data';

// A reader commenting, in both scripts, and the abuse every comment form meets. Until the editors'
// area exists, the editor's approval is made in the server's database itself.

const databaseFile = process.env.E2E_DATABASE_FILE!;
const db = () => new Database(databaseFile, { timeout: 5000 });

/** What an editor's approval does: every comment waiting under the story is shown. */
function approveAll(story: string) {
  const conn = db();
  try {
    conn
      .prepare("update comments set status = 'approved', moderated_at = ? where story = ? and status = 'pending'")
      .run(new Date().toISOString(), story);
  } finally {
    conn.close();
  }
}

function stored(story: string): { name: string; body: string; status: string; reason: string | null }[] {
  const conn = db();
  try {
    return conn
      .prepare('select name, body, status, reason from comments where story = ? order by id')
      .all(story) as never;
  } finally {
    conn.close();
  }
}

let address = 0;
/**
 * Each call is another reader, as the one proxy the test server trusts would forward it: the last
 * address in X-Forwarded-For is the client's. Unique per worker process and call.
 */
const reader = () => ({
  'X-Forwarded-For': `192.0.2.1, 10.${process.pid % 250}.${Math.floor(++address / 250) % 250}.${address % 250}`,
});

const words = {
  'zh-Hant': {
    held: '謝謝你的留言！編輯審核後就會公開。',
    count: '2 則留言',
    name: '顯示名稱',
    body: '留言內容',
    submit: '送出留言',
    reply: '回覆',
    newest: '最新的在前',
    closed: '這篇文章的留言已關閉。',
    tooFast: '留言太頻繁了，請過幾分鐘再試。',
  },
  'zh-Hans': {
    held: '谢谢你的评论！编辑审核后就会公开。',
    count: '2 条评论',
    name: '昵称',
    body: '评论内容',
    submit: '发表评论',
    reply: '回复',
    newest: '最新的在前',
    closed: '这篇文章的评论已关闭。',
    tooFast: '评论太频繁了，请过几分钟再试。',
  },
};

// A story of its own for each test that approves, so that counts do not change under another test
// (e2e/admin.spec.ts moderates double-11, e2e/engage.spec.ts ranks the other two).
const open = articlesIn('zh-Hant')
  .filter(
    (a) =>
      !a.commentsClosed &&
      !a.sponsor &&
      !['double-11-ten-years', 'battery-swapping-scooters', 'podcast-advertising'].includes(a.slug),
  )
  .map((a) => a.slug);

for (const [i, locale] of locales.entries()) {
  const w = words[locale];
  const story = articlesIn(locale).find((a) => a.slug === open[i])!;
  const slug = `${story.slug}`;

  test(`${locale}: a reader comments, the comment waits for an editor, then shows, with a reply under it`, async ({
    page,
  }) => {
    await page.setExtraHTTPHeaders(reader());
    await page.goto(story.path);
    const comments = page.getByTestId('comments');
    await comments.scrollIntoViewIfNeeded();
    const form = page.getByTestId('comment-form');
    const body = `${locale} 的讀者：第一則留言 ${Date.now()}`;
    await form.getByLabel(w.name).fill('早起的讀者');
    await form.getByLabel(w.body).fill(body);
    await form.getByRole('button', { name: w.submit }).click();
    await expect(page.getByTestId('comment-status')).toHaveText(w.held);
    await expect(form.getByLabel(w.body)).toHaveValue('');
    expect(
      stored(slug)
        .filter((c) => c.body === body)
        .map((c) => c.status),
    ).toEqual(['pending']);
    await page.reload();
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('comment').filter({ hasText: body })).toHaveCount(0);

    approveAll(slug);
    await page.reload();
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    const shown = page.getByTestId('comment').filter({ hasText: body });
    await expect(shown).toHaveCount(1);
    await shown.getByRole('button', { name: w.reply }).click();
    await page.setExtraHTTPHeaders(reader());
    await form.getByLabel(w.name).fill('編輯部');
    await form.getByLabel(w.body).fill(`回覆：謝謝 ${Date.now()}`);
    await form.getByRole('button', { name: w.submit }).click();
    await expect(page.getByTestId('comment-status')).toHaveText(w.held);
    approveAll(slug);
    await page.reload();
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    const thread = page.getByTestId('comment').filter({ hasText: body });
    await expect(thread.getByTestId('comment')).toHaveCount(1);
    await expect(thread.getByTestId('comment')).toContainText('回覆：謝謝');
    await expect(page.getByTestId('comment-count')).toContainText(/\d+/);
    // The count on the story's card and at its top, from the database.
    const approved = stored(slug).filter((c) => c.status === 'approved').length;
    const countText = locale === 'zh-Hant' ? `${approved} 則留言` : `${approved} 条评论`;
    await page.goto(`/${locale}/sections/${story.sectionSlug}`);
    // On a card, a bubble and the number; the words are there for screen readers.
    const cardCount = page
      .getByTestId('article-card')
      .filter({ hasText: story.title })
      .getByTestId('card-comment-count');
    await expect(cardCount.locator('[data-count-number]')).toHaveText(String(approved));
    await expect(cardCount.locator('[data-count-text]')).toHaveText(countText);
    await page.goto(story.path);
    const headerCount = page.getByTestId('article-comment-count');
    await expect(headerCount.locator('[data-count-number]')).toHaveText(String(approved));
    await expect(headerCount.locator('[data-count-text]')).toHaveText(countText);
    await expect(headerCount).toHaveAttribute('href', '#comments');
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    // Newest first puts the latest top-level comment first.
    await page.getByTestId('comments').getByRole('combobox').selectOption({ label: w.newest });
    await expect(page.getByTestId('comments').getByTestId('comment').first()).toContainText(body);
  });

  test(`${locale}: without a script, the form still posts, and the answer leads back`, async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: reader(),
      baseURL: test.info().project.use.baseURL,
    });
    const page = await context.newPage();
    await page.goto(story.path);
    const form = page.getByTestId('comment-form');
    await form.getByLabel(w.name).fill('不開腳本的讀者');
    await form.getByLabel(w.body).fill(`沒有 JavaScript 也能留言 ${Date.now()}`);
    await form.getByRole('button', { name: w.submit }).click();
    await expect(page.locator('body')).toContainText(w.held);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.getByRole('link').click();
    await expect(page).toHaveURL(`${story.path}#comments`);
    await context.close();
  });

  test(`${locale}: a story whose comments are closed shows no form and takes no comment`, async ({ page, request }) => {
    const closed = articlesIn(locale).find((a) => a.commentsClosed)!;
    expect(closed).toBeDefined();
    await page.goto(closed.path);
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('comment-form')).toHaveCount(0);
    await expect(page.getByTestId('comments')).toContainText(w.closed);
    const response = await request.post(`/api/comments/${closed.slug}`, {
      headers: reader(),
      data: { name: '讀者', body: '想留言', locale },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).message).toBe(w.closed);
  });
}

test.describe('abuse', () => {
  const story = articlesIn('zh-Hant').find((a) => a.slug === open[2])!;
  const endpoint = `/api/comments/${story.slug}`;

  test('what a reader writes is shown as text: markup and links do nothing', async ({ page, request }) => {
    const body = `<img src=x onerror="document.title='owned'"><a href="https://evil.example">點我</a> https://evil.example ${Date.now()}`;
    expect(
      (
        await request.post(endpoint, { headers: reader(), data: { name: '<b>粗體</b>', body, locale: 'zh-Hant' } })
      ).status(),
    ).toBe(201);
    approveAll(story.slug);
    await page.goto(story.path);
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    const shown = page.getByTestId('comment').filter({ hasText: 'onerror' });
    await expect(shown).toContainText(body);
    await expect(shown).toContainText('<b>粗體</b>');
    await expect(shown.locator('img, a, b')).toHaveCount(0);
    expect(await page.title()).not.toBe('owned');
  });

  test('a comment written in one script reads in the other script’s words on the other script’s page', async ({
    page,
    request,
  }) => {
    const stamp = Date.now();
    const body = `這套軟體的行動支付功能很好用 ${stamp}`;
    expect(
      (await request.post(endpoint, { headers: reader(), data: { name: '小陳', body, locale: 'zh-Hant' } })).status(),
    ).toBe(201);
    approveAll(story.slug);
    const list = async (locale: string) =>
      (
        (await (await request.get(`${endpoint}?locale=${locale}`)).json()) as {
          comments: { body: string; name: string; converted?: boolean }[];
        }
      ).comments;
    expect((await list('zh-Hant')).find((c) => c.body.endsWith(String(stamp)))).toMatchObject({ body, name: '小陳' });
    expect((await list('zh-Hant')).find((c) => c.body.endsWith(String(stamp)))?.converted).toBeUndefined();
    expect((await list('zh-Hans')).find((c) => c.body.endsWith(String(stamp)))).toMatchObject({
      body: `这套软件的移动支付功能很好用 ${stamp}`,
      name: '小陈',
      converted: true,
    });
    await page.goto(story.path.replace('/zh-Hant/', '/zh-Hans/'));
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('comment').filter({ hasText: String(stamp) })).toContainText(
      '这套软件的移动支付功能很好用',
    );
  });

  test('a flood from one client is throttled, in the reader’s script, with the site’s headers', async ({ request }) => {
    const headers = reader();
    const statuses: number[] = [];
    let last: { message?: string } = {};
    for (let i = 0; i < 5; i++) {
      const response = await request.post(endpoint, {
        headers,
        data: { name: '洗版', body: `第 ${i} 則 ${Date.now()}`, locale: 'zh-Hans' },
      });
      statuses.push(response.status());
      expect(response.headers()['content-security-policy']).toBeTruthy();
      last = await response.json();
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(last.message).toBe(words['zh-Hans'].tooFast);
  });

  test('malformed, oversized, wrong-typed, cross-site and robot posts are refused or caught, and refused ones store nothing', async ({
    request,
  }) => {
    const before = stored(story.slug).length;
    const post = (data: unknown, headers: Record<string, string> = {}) =>
      request.post(endpoint, { headers: { ...reader(), ...headers }, data: data as never });
    const refused: [Promise<import('@playwright/test').APIResponse>, number, string][] = [
      [post({ name: '讀者', body: 42 }), 400, 'malformed'],
      [post({ name: '', body: '內容' }), 400, 'name-missing'],
      [post({ name: '讀者', body: '長'.repeat(2001) }), 400, 'body-too-long'],
      [post({ name: '讀者', body: 'x'.repeat(20_000) }), 413, 'too-large'],
      [post({ name: '讀者', body: '內容不錯', parent: 999999 }), 400, 'parent'],
      [post({ name: '讀者', body: '內容不錯' }, { Origin: 'https://evil.example' }), 403, 'cross-site'],
      [post({ name: '讀者', body: '內容不錯' }, { 'Sec-Fetch-Site': 'cross-site' }), 403, 'cross-site'],
      [
        request.post(endpoint, {
          headers: { ...reader(), 'Content-Type': 'application/json' },
          data: '{"name": "讀者", "body": ',
        }),
        400,
        'malformed',
      ],
    ];
    for (const [response, status, error] of refused) {
      const answer = await response;
      expect(answer.status(), error).toBe(status);
      expect((await answer.json()).error, error).toBe(error);
    }
    const wrongType = await request.post(endpoint, {
      headers: { ...reader(), 'Content-Type': 'text/plain' },
      data: 'name=x',
    });
    expect(wrongType.status()).toBe(415);
    expect((await request.fetch(endpoint, { method: 'PUT', headers: reader() })).status()).toBe(405);
    expect(
      (
        await request.post('/api/comments/no-such-story', {
          headers: reader(),
          data: { name: '讀者', body: '內容不錯' },
        })
      ).status(),
    ).toBe(404);
    expect(stored(story.slug).length).toBe(before);

    // A robot fills the field people never see: kept as spam for the editors, never shown.
    expect((await post({ name: '機器人', body: `優惠 ${Date.now()}`, website: 'https://spam.example' })).status()).toBe(
      201,
    );
    expect(stored(story.slug).at(-1)).toMatchObject({ status: 'spam', reason: 'honeypot' });
  });
});

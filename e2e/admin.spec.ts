import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { addEditor, databaseFile, editorAddress, editorPassword as password, signIn } from './editors';
import { articlesIn } from './site-data';

// An editor moderating at /admin, and what the area refuses: no sign-in, another site's forms, a
// missing form token, a guesser. Editors are added with the command editors use (npm run editors).

let n = 0;
// The last address is the client's (the test server trusts one proxy): unique per worker and call.
const reader = () => ({
  'X-Forwarded-For': `192.0.2.1, 10.${(process.pid + 100) % 250}.${Math.floor(++n / 250) % 250}.${n % 250}`,
});
// A story no other spec approves comments under (e2e/comments.spec.ts approves all of its own).
const moderated = 'double-11-ten-years';

test.describe.configure({ mode: 'serial' });

test.describe('the editors’ area', () => {
  test.beforeAll(() => {
    addEditor('e2e-editor');
    addEditor('locked-out');
  });

  test('is not indexed, not cached, and asks for a sign-in', async ({ page, request }) => {
    const response = await request.get('/admin');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(await (await request.get('/robots.txt')).text()).toMatch(/^Disallow: \/admin$/m);
    await page.goto('/admin');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByTestId('admin-login')).toBeVisible();
    await expect(page.getByTestId('pending')).toHaveCount(0);
  });

  test('an editor signs in, approves a comment in each script, rejects one, bans a client and sees what the rules caught', async ({
    page,
    request,
    context,
  }) => {
    const hant = articlesIn('zh-Hant').find((a) => a.slug === moderated)!;
    const stamp = Date.now();
    const post = (body: string, locale: string, headers = reader(), extra: object = {}) =>
      request.post(`/api/comments/${hant.slug}`, {
        headers,
        data: { name: `讀者${stamp % 1000}`, body, locale, ...extra },
      });
    expect((await post(`繁體留言 ${stamp}`, 'zh-Hant')).status()).toBe(201);
    expect((await post(`简体评论 ${stamp}`, 'zh-Hans')).status()).toBe(201);
    expect((await post(`要退回的留言 ${stamp}`, 'zh-Hant')).status()).toBe(201);
    const troll = reader();
    expect((await post(`洗版的留言 ${stamp}`, 'zh-Hant', troll)).status()).toBe(201);
    expect((await post(`機器人 ${stamp}`, 'zh-Hant', reader(), { website: 'https://spam.example' })).status()).toBe(
      201,
    );

    await signIn(page, 'e2e-editor', 'not the password');
    await expect(page.getByTestId('admin-note')).toHaveText('帳號或密碼不對。');
    await signIn(page, 'e2e-editor');
    await expect(page.getByTestId('admin-note')).toHaveText('已登入。');
    const cookie = (await context.cookies()).find((c) => c.name === 'admin_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

    const queued = (text: string) =>
      page.getByTestId('pending').getByTestId('queued-comment').filter({ hasText: text });
    await expect(page.getByTestId('pending').getByRole('heading', { name: hant.title })).toBeVisible();
    await queued(`繁體留言 ${stamp}`).getByRole('button', { name: /^公開/ }).click();
    await expect(page.getByTestId('admin-note')).toHaveText('已公開這則留言。');
    await queued(`简体评论 ${stamp}`).getByRole('button', { name: /^公開/ }).click();
    await queued(`要退回的留言 ${stamp}`).getByRole('button', { name: /^退回/ }).click();
    await expect(page.getByTestId('admin-note')).toHaveText('已退回這則留言。');
    await queued(`洗版的留言 ${stamp}`)
      .getByRole('button', { name: /^封鎖來源/ })
      .click();
    await expect(page.getByTestId('admin-note')).toContainText('已封鎖');
    await expect(queued(stamp.toString())).toHaveCount(0);
    await expect(
      page
        .getByTestId('spam')
        .getByTestId('queued-comment')
        .filter({ hasText: `機器人 ${stamp}` }),
    ).toContainText('honeypot');

    // Readers of both scripts see the approved ones, and only those.
    for (const path of [hant.path, hant.path.replace('/zh-Hant/', '/zh-Hans/')]) {
      await page.goto(path);
      await page.getByTestId('comments').scrollIntoViewIfNeeded();
      const shown = page.getByTestId('comment').filter({ hasText: String(stamp) });
      await expect(shown).toHaveCount(2);
      await expect(page.getByTestId('comments')).not.toContainText('要退回的留言');
    }
    // The banned client is refused from now on.
    const again = await post(`又來了 ${stamp}`, 'zh-Hant', troll);
    expect(again.status()).toBe(403);
    expect((await again.json()).error).toBe('banned');

    await page.goto('/admin');
    await page.getByRole('button', { name: '登出' }).click();
    await expect(page.getByTestId('admin-note')).toHaveText('已登出。');
    await expect(page.getByTestId('admin-login')).toBeVisible();
  });

  test('refuses an action without a sign-in, from another site, or without the form token', async ({
    page,
    request,
  }) => {
    const hant = articlesIn('zh-Hant').find((a) => a.slug === moderated)!;
    const body = `不該被公開 ${Date.now()}`;
    expect(
      (
        await request.post(`/api/comments/${hant.slug}`, {
          headers: reader(),
          data: { name: '讀者', body, locale: 'zh-Hant' },
        })
      ).status(),
    ).toBe(201);
    const id = (
      new Database(databaseFile, { readonly: true }).prepare('select id from comments where body = ?').get(body) as {
        id: number;
      }
    ).id;
    const status = () =>
      (
        new Database(databaseFile, { readonly: true }).prepare('select status from comments where id = ?').get(id) as {
          status: string;
        }
      ).status;

    const anonymous = await request.post('/api/admin/comments', {
      form: { id: String(id), action: 'approve', csrf: 'x' },
      maxRedirects: 0,
    });
    expect(anonymous.status()).toBe(401);

    await signIn(page, 'e2e-editor');
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    // The page's own cookie jar, sent as another site's form would send it.
    const send = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      page.request.post('/api/admin/comments', { form, headers: { ...editorAddress, ...headers }, maxRedirects: 0 });
    expect((await send({ id: String(id), action: 'approve', csrf }, { 'Sec-Fetch-Site': 'cross-site' })).status()).toBe(
      403,
    );
    expect((await send({ id: String(id), action: 'approve', csrf }, { Origin: 'https://evil.example' })).status()).toBe(
      403,
    );
    expect((await send({ id: String(id), action: 'approve' })).status()).toBe(403);
    expect((await send({ id: String(id), action: 'approve', csrf: `${csrf.slice(1)}x` })).status()).toBe(403);
    expect((await send({ id: 'DROP', action: 'approve', csrf })).headers()['location']).toBe('/admin?note=malformed');
    expect(status()).toBe('pending');
    const done = await send({ id: String(id), action: 'reject', csrf });
    expect(done.status()).toBe(303);
    expect(status()).toBe('rejected');
  });

  test('an editor keeps the word list, and a comment with a listed word waits with the rules’ catch', async ({
    page,
    request,
  }) => {
    const hant = articlesIn('zh-Hant').find((a) => a.slug === moderated)!;
    const word = `違禁詞${Date.now() % 100000}`;
    await signIn(page, 'e2e-editor');
    const list = page.getByTestId('admin-words').getByLabel('禁用詞');
    await list.fill(`${await list.inputValue()}\n${word}\n\n`);
    await page.getByRole('button', { name: '儲存禁用詞' }).click();
    await expect(page.getByTestId('admin-note')).toHaveText('已儲存禁用詞。');
    await expect(page.getByTestId('admin-words').getByLabel('禁用詞')).toHaveValue(new RegExp(`(^|\n)${word}$`));
    const posted = await request.post(`/api/comments/${hant.slug}`, {
      headers: reader(),
      data: { name: '讀者', body: `這裡有${word}喔`, locale: 'zh-Hant' },
    });
    // The reader is told what any held comment is told.
    expect((await posted.json()).status).toBe('pending');
    await page.goto('/admin');
    await expect(
      page
        .getByTestId('spam')
        .getByTestId('queued-comment')
        .filter({ hasText: `這裡有${word}喔` }),
    ).toContainText(word);

    // A list past its limits is refused whole, and the saved one kept.
    await page.getByTestId('admin-words').getByLabel('禁用詞').fill('太長'.repeat(30));
    await page.getByRole('button', { name: '儲存禁用詞' }).click();
    await expect(page.getByTestId('admin-note')).toContainText('禁用詞沒有儲存');
    await expect(page.getByTestId('admin-words').getByLabel('禁用詞')).toHaveValue(new RegExp(word));
  });

  test('makes a guesser wait after five wrong passwords, without locking the editor out', async ({ page, context }) => {
    // The editor signed in on this browser before, at the office: it keeps a device cookie.
    const office = { 'X-Forwarded-For': '192.0.2.1, 198.18.0.99' };
    await signIn(page, 'locked-out', password, office);
    await expect(page.getByTestId('admin-note')).toHaveText('已登入。');
    const device = (await context.cookies()).find((c) => c.name === 'admin_device')!;
    expect(device).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/admin/login' });
    await context.clearCookies();

    // Someone on the office's network guesses: from there, the name waits.
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'locked-out', `wrong guess ${i}`, office);
      await expect(page.getByTestId('admin-note')).toHaveText('帳號或密碼不對。');
    }
    await signIn(page, 'locked-out', password, office);
    await expect(page.getByTestId('admin-note')).toHaveText('登入失敗太多次，請 15 分鐘後再試。');
    await expect(page.getByTestId('admin-login')).toBeVisible();
    // The editor's own browser, on the same network, still signs in; so does the editor elsewhere.
    await context.addCookies([device]);
    await signIn(page, 'locked-out', password, office);
    await expect(page.getByTestId('admin-note')).toHaveText('已登入。');
    await context.clearCookies();
    await signIn(page, 'locked-out', password, { 'X-Forwarded-For': '192.0.2.1, 198.18.0.100' });
    await expect(page.getByTestId('admin-note')).toHaveText('已登入。');
  });
});

import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { addEditor, databaseFile, signIn } from './editors';
import { nthMessageTo, siteLink } from './outbox';
import { articlesIn, locales } from './site-data';

// The newsletter's round trip through the outbox: a reader of each script signs up under a story,
// confirms from the mail, gets the weekly digest an editor previews and sends from /admin, and
// leaves in one click; and what the forms refuse.

let n = 0;
// The last address is the client's (the test server trusts one proxy): unique per worker and call.
const reader = () => ({
  'X-Forwarded-For': `192.0.2.1, 172.${16 + ((process.pid + 3) % 15)}.${Math.floor(++n / 250) % 250}.${n % 250}`,
});
const stamp = Date.now();
const addressOf = (locale: string) => `reader-${stamp}-${locale.toLowerCase()}@example.com`;
const statusOf = (email: string) =>
  (
    new Database(databaseFile, { readonly: true })
      .prepare('select status from subscribers where email = ?')
      .get(email) as { status: string } | undefined
  )?.status;

test.describe.configure({ mode: 'serial' });

test.describe('the newsletter', () => {
  test.beforeAll(() => addEditor('e2e-newsletter'));

  for (const locale of locales) {
    test(`a reader subscribes under a story and confirms from the mail (${locale})`, async ({ page, baseURL }) => {
      const story = articlesIn(locale)[0]!;
      const email = addressOf(locale);
      await page.setExtraHTTPHeaders(reader());
      await page.goto(story.path);
      const form = page.getByTestId('newsletter-form').filter({ visible: true }).first();
      await form.getByRole('textbox').fill(email);
      await form.getByRole('button').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/newsletter\\?status=check-inbox$`));
      await expect(page.getByTestId('newsletter-status')).toHaveText(
        locale === 'zh-Hant' ? /請到信箱打開確認信/ : /请打开邮箱里的确认邮件/,
      );
      expect(statusOf(email)).toBe('pending');

      const mail = await nthMessageTo(email);
      expect(mail.subject).toBe(locale === 'zh-Hant' ? '請確認訂閱觀潮科技電子報' : '请确认订阅观潮科技邮件简报');
      expect(mail.text).toContain(locale === 'zh-Hant' ? '48 小時內' : '48 小时内');
      const link = siteLink(mail.text ?? '', /https?:\/\/\S+\/newsletter\?confirm=[\w-]+/, baseURL!);
      expect(mail.html).toContain(new URL(link).search);

      // Opening the link (as a mail scanner would) confirms nothing; the button does.
      const opened = await page.request.get(link);
      expect(opened.headers()['cache-control']).toBe('private, no-store');
      expect(statusOf(email)).toBe('pending');
      await page.goto(link);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'zh-Hant' ? '確認訂閱' : '确认订阅');
      await expect(page.getByTestId('newsletter-page')).toContainText(email);
      await page.getByTestId('newsletter-action').click();
      await expect(page.getByTestId('newsletter-status')).toHaveAttribute('data-status', 'confirmed');
      expect(statusOf(email)).toBe('confirmed');
      // A link used once is used up.
      await page.goto(link);
      await expect(page.getByTestId('newsletter-status')).toHaveAttribute('data-status', 'unknown');
    });
  }

  test('an editor previews and sends each script’s digest; readers get their own and leave in one click', async ({
    page,
    baseURL,
  }) => {
    await signIn(page, 'e2e-newsletter');
    for (const locale of locales) {
      const panel = page.getByTestId(`digest-${locale}`);
      await expect(panel.getByTestId(`subscribers-${locale}`)).toContainText(/已確認 [1-9]/);
      await panel.getByText(/預覽內容/).click();
      const preview = panel.getByTestId(`digest-preview-${locale}`);
      // The newest story of the script is in it, in that script.
      await expect(preview).toContainText(articlesIn(locale)[0]!.title);
      await panel.getByRole('button', { name: /寄出.*週報/ }).click();
      await expect(page.getByTestId('admin-note')).toContainText('週報寄送中');
    }

    for (const locale of locales) {
      const email = addressOf(locale);
      const digest = await nthMessageTo(email, 2);
      expect(digest.subject).toMatch(locale === 'zh-Hant' ? /^觀潮科技週報｜/ : /^观潮科技周报｜/);
      expect(digest.text).toContain(articlesIn(locale)[0]!.title);
      // Every sponsored story in it carries its label.
      for (const sponsored of articlesIn(locale).filter((a) => a.sponsor && digest.text!.includes(a.title))) {
        expect(digest.text).toContain(`【${locale === 'zh-Hant' ? '廣編企劃' : '广编企划'}】${sponsored.title}`);
      }
      // The headers mail programs turn into an unsubscribe button (RFC 8058), as written.
      const header = (name: string) => digest.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ');
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const oneClick = siteLink(header('list-unsubscribe') ?? '', /https?:\/\/[^>]+/, baseURL!);
      if (locale === 'zh-Hant') {
        // A mail program's one click: a POST with no cookie and no origin.
        const done = await page.request.post(oneClick, {
          form: { 'List-Unsubscribe': 'One-Click' },
          headers: { Cookie: '' },
        });
        expect(done.status()).toBe(200);
      } else {
        // The link in the message: a page with one button.
        await page.goto(siteLink(digest.text ?? '', /https?:\/\/\S+\/newsletter\?unsubscribe=[\w.-]+/, baseURL!));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('退订');
        await page.getByTestId('newsletter-action').click();
        await expect(page.getByTestId('newsletter-status')).toHaveText('已退订，今后不会再向你发送邮件简报。');
      }
      expect(statusOf(email)).toBe('unsubscribed');
    }

    // The week's digest is sent once: the button is gone and the state says so.
    await page.goto('/admin');
    for (const locale of locales) {
      await expect(page.getByTestId(`digest-state-${locale}`)).toContainText('已寄');
      await expect(page.getByTestId(`digest-${locale}`).getByRole('button', { name: /寄出/ })).toHaveCount(0);
    }
  });

  test('an editor downloads the confirmed subscribers as CSV', async ({ page, request }) => {
    const email = `csv-${stamp}@example.com`;
    const signedUp = await request.post('/api/newsletter', { headers: reader(), data: { email, locale: 'zh-Hans' } });
    expect(signedUp.status()).toBe(202);
    const confirm = siteLink(
      (await nthMessageTo(email)).text ?? '',
      /https?:\/\/\S+\/newsletter\?confirm=[\w-]+/,
      'http://x',
    );
    expect(
      (
        await request.post('/api/newsletter/confirm', { data: { token: new URL(confirm).searchParams.get('confirm') } })
      ).status(),
    ).toBe(200);

    await signIn(page, 'e2e-newsletter');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下載已確認的訂閱者/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^subscribers-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
    expect(csv.split('\r\n')[0]).toBe('email,locale,confirmed_at');
    expect(csv).toContain(`${email},zh-Hans,`);
    // Those who left are not in it.
    expect(csv).not.toContain(addressOf('zh-Hant'));
  });

  test('refuses malformed, oversized, scripted, cross-site and flooding sign-ups, storing nothing, and says why', async ({
    page,
    request,
  }) => {
    const count = () =>
      (
        new Database(databaseFile, { readonly: true }).prepare('select count(*) as n from subscribers').get() as {
          n: number;
        }
      ).n;
    const before = count();
    const post = (data: unknown, headers: Record<string, string> = reader()) =>
      request.post('/api/newsletter', { headers, data: data as object });

    for (const email of [
      'not-an-address',
      '<script>alert(1)</script>@example.com',
      'a@b',
      `${'a'.repeat(300)}@example.com`,
      42,
      ['x@example.com'],
    ]) {
      const answer = await post({ email, locale: 'zh-Hans' });
      expect(answer.status(), String(email)).toBe(400);
      expect(await answer.json()).toMatchObject({
        ok: false,
        status: 'invalid-email',
        message: '电子邮箱格式不正确，请再检查一遍。',
      });
    }
    expect(
      (
        await request.post('/api/newsletter', {
          headers: { ...reader(), 'Content-Type': 'text/plain' },
          data: 'email=x@example.com',
        })
      ).status(),
    ).toBe(415);
    expect(
      (
        await request.post('/api/newsletter', {
          headers: { ...reader(), 'Content-Type': 'application/json' },
          data: '{"email":',
        })
      ).status(),
    ).toBe(400);
    expect((await post({ email: 'big@example.com', padding: 'x'.repeat(10_000) })).status()).toBe(413);
    const crossSite = await post(
      { email: 'victim@example.com', locale: 'zh-Hant' },
      { ...reader(), 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).message).toBe('請從本站的頁面訂閱。');
    expect((await request.get('/api/newsletter')).status()).toBe(405);

    const flood = reader();
    for (let i = 0; i < 5; i++)
      expect((await post({ email: `flood-${stamp}-${i}@example.com`, locale: 'zh-Hant' }, flood)).status()).toBe(202);
    const refused = await post({ email: `flood-${stamp}-last@example.com`, locale: 'zh-Hant' }, flood);
    expect(refused.status()).toBe(429);
    expect((await refused.json()).message).toBe('訂閱太頻繁了，請過一小時再試。');
    expect(count()).toBe(before + 5);

    // Without a script, the page says why, in the reader's script.
    await page.setExtraHTTPHeaders(reader());
    await page.goto('/zh-Hans/newsletter');
    // The sign-up page itself is for search engines; the answers and links are not (above).
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    await page
      .getByTestId('newsletter-form')
      .getByRole('textbox')
      .evaluate((input: HTMLInputElement) => {
        input.type = 'text';
        input.value = 'no-at-sign';
      });
    await page.getByTestId('newsletter-form').getByRole('button').click();
    await expect(page.getByTestId('newsletter-status')).toHaveText('电子邮箱格式不正确，请再检查一遍。');
    expect(count()).toBe(before + 5);

    // Links no one was sent.
    await page.goto('/zh-Hant/newsletter?confirm=forged-token');
    await expect(page.getByTestId('newsletter-status')).toHaveAttribute('data-status', 'unknown');
    await page.goto('/zh-Hant/newsletter?unsubscribe=1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expect(page.getByTestId('newsletter-status')).toHaveAttribute('data-status', 'unknown');
    expect(
      (
        await request.post('/api/newsletter/unsubscribe?token=1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {
          form: { 'List-Unsubscribe': 'One-Click' },
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await request.post('/api/newsletter/confirm', {
          headers: { 'Sec-Fetch-Site': 'cross-site' },
          form: { token: 'x' },
        })
      ).status(),
    ).toBe(403);
  });

  test('refuses the editors’ newsletter actions without a sign-in or from another site', async ({ page, request }) => {
    expect(
      (
        await request.post('/api/admin/newsletter', { form: { action: 'export', csrf: 'x' }, maxRedirects: 0 })
      ).status(),
    ).toBe(401);
    await signIn(page, 'e2e-newsletter');
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const crossSite = await page.request.post('/api/admin/newsletter', {
      form: { action: 'export', csrf },
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    const noToken = await page.request.post('/api/admin/newsletter', { form: { action: 'export' }, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    const unknown = await page.request.post('/api/admin/newsletter', {
      form: { action: 'send', locale: 'en', csrf },
      maxRedirects: 0,
    });
    expect(unknown.headers()['location']).toBe('/admin?note=malformed');
  });
});

// The Content-Security-Policy as a browser applies it: pages run their own inline scripts, allowed
// by hash (lib/door/script-hashes.ts), and nothing else; the suite's watcher (e2e/fixtures.ts) hears
// every violation, which these tests provoke on purpose and then take out of its list.
import { expect, test, type Page } from './fixtures';

const article = '/zh-Hant/articles/double-11-ten-years';

/** The script-src directive of a response's policy. */
const scriptSrc = (policy: string | undefined) =>
  (policy ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src ')) ?? '';

async function injectScript(page: Page, attributes: Record<string, string>, text = '') {
  await page.evaluate(
    ([attrs, body]) => {
      const script = document.createElement('script');
      for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
      script.textContent = body;
      document.body.append(script);
    },
    [attributes, text] as const,
  );
}

test.describe('Content-Security-Policy', () => {
  for (const path of ['/zh-Hant', '/zh-Hans', article, '/zh-Hans/search?q=电商', '/zh-Hant/no-such-page']) {
    test(`${path} allows its inline scripts by hash, not 'unsafe-inline'`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      const response = await page.goto(path);
      const policy = scriptSrc((await response?.headerValue('content-security-policy')) ?? undefined);
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).toMatch(/'sha256-[A-Za-z0-9+/]{43}='/);
      // The inline scripts ran: the theme script chose the reader's dark theme, Next's flight data is there.
      await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(
        true,
      );
    });
  }

  test('an inline script the page did not send is blocked, and heard', async ({ page, policyViolations }) => {
    await page.goto(article);
    await injectScript(page, {}, 'window.__injected = true;');
    await expect.poll(() => policyViolations.length).toBe(1);
    expect(policyViolations[0]).toMatchObject({ directive: 'script-src-elem', blocked: 'inline' });
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    policyViolations.length = 0;
  });

  test('a script from another origin is blocked, and heard', async ({ page, policyViolations }) => {
    await page.goto('/zh-Hans');
    await injectScript(page, { src: 'https://example.invalid/track.js' });
    await expect.poll(() => policyViolations.length).toBe(1);
    expect(policyViolations[0]).toMatchObject({
      directive: 'script-src-elem',
      blocked: 'https://example.invalid/track.js',
    });
    policyViolations.length = 0;
  });

  test('an inline event handler is blocked, and heard', async ({ page, policyViolations }) => {
    await page.goto('/zh-Hant');
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__injected = true');
      image.src = '/no-such-image.png';
      document.body.append(image);
    });
    await expect.poll(() => policyViolations.length).toBe(1);
    expect(policyViolations[0]).toMatchObject({ directive: 'script-src-attr' });
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    policyViolations.length = 0;
  });

  test('a page is compressed after it is hashed, and a 304 keeps the stored policy', async ({ request }) => {
    const first = await request.get(article, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(first.status()).toBe(200);
    const headers = first.headers();
    expect(headers['content-encoding']).toMatch(/^(?:br|gzip)$/);
    expect(headers.vary).toContain('Accept-Encoding');
    // The client decoded the body: the hashes name the scripts in what the reader's browser reads.
    const html = await first.text();
    expect(html).toContain('self.__next_f.push');
    expect(scriptSrc(headers['content-security-policy'])).not.toContain("'unsafe-inline'");
    expect(headers.etag).toBeTruthy();
    const again = await request.get(article, { headers: { 'If-None-Match': headers.etag ?? '' } });
    expect(again.status()).toBe(304);
    expect(again.headers()['content-security-policy']).toBeUndefined();
    expect(again.headers()['x-content-type-options']).toBe('nosniff');
  });

  test("each encoding, first asked or from the door's cache, is the same page with the same policy", async ({
    request,
  }) => {
    const answers: { html: string; policy: string | undefined }[] = [];
    for (const encoding of ['identity', 'gzip', 'br', 'identity', 'gzip', 'br']) {
      const response = await request.get(article, { headers: { 'Accept-Encoding': encoding } });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-encoding'] ?? 'identity').toBe(encoding);
      answers.push({ html: await response.text(), policy: response.headers()['content-security-policy'] });
    }
    expect(answers[0]!.html).toContain('</html>');
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });
});

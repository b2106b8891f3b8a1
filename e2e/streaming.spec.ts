// Pages Next renders for the request stream through the front door, with a CSP naming the nonce the
// door gave the request; pages from Next's cache are held whole and allowed by hash, never naming a
// nonce, not even the one their scripts were rendered with (lib/door/pages.ts).
import http from 'node:http';
import { inlineScriptHashes } from '../lib/door/script-hashes';
import { expect, test, type Page } from './fixtures';
import { locales } from './site-data';

// An archive story (PRERENDER_ARTICLES=6) no other spec reads: in a fresh build, Next renders it
// on its first request here (x-nextjs-cache: MISS), then serves it from its cache.
const archiveStory = (locale: string) => `/${locale}/articles/mobile-payments-taiwan`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; chunks: number; html: string };

/** A GET as it arrives, uncompressed: how many chunks the body came in, and the whole. */
function get(baseURL: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { headers: { 'Accept-Encoding': 'identity' } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => {
          const html = Buffer.concat(parts).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks: parts.length, html });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const scriptSrc = (policy: unknown) =>
  String(policy ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src ')) ?? '';
const policyNonce = (policy: unknown) => /'nonce-([^']+)'/.exec(scriptSrc(policy))?.[1];
const pageNonces = (html: string) => new Set([...html.matchAll(/<script\b[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]));
/** The inline scripts that carry no nonce, by hash: each must be one the policy names. */
const unnoncedHashes = (html: string) =>
  inlineScriptHashes(html.replace(/<script\b[^>]*\snonce="[^"]*"[^>]*>[\s\S]*?<\/script/gi, ''));

/** A page rendered for this request: its scripts carry the nonce its policy names, or are named by hash. */
function expectRenderedNow(answer: Answer, what: string) {
  const policy = scriptSrc(answer.headers['content-security-policy']);
  expect(policy, what).not.toContain("'unsafe-inline'");
  const nonce = policyNonce(policy);
  expect(nonce, `${what}: a nonce in ${policy}`).toBeTruthy();
  expect([...pageNonces(answer.html)], what).toEqual([nonce]);
  for (const hash of unnoncedHashes(answer.html)) expect(policy, `${what}: a script without the nonce`).toContain(hash);
}

/** A page from Next's cache: held whole, its scripts by hash, no nonce named. */
function expectHeldAndHashed(answer: Answer, what: string) {
  expect(answer.headers['x-nextjs-cache'], what).toMatch(/^(?:HIT|STALE)$/);
  expect(answer.headers['content-length'], `${what}: sent whole`).toBeTruthy();
  const policy = scriptSrc(answer.headers['content-security-policy']);
  expect(policy, what).not.toContain("'unsafe-inline'");
  expect(policy, what).not.toContain("'nonce-");
  for (const hash of inlineScriptHashes(answer.html)) expect(policy, what).toContain(hash);
}

/** The page works in a browser: the theme script and Next's own scripts ran (the fixture hears violations). */
async function expectWorking(page: Page, path: string) {
  await page.emulateMedia({ colorScheme: 'dark' });
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
}

for (const locale of locales) {
  test(`${locale}: the newsletter page streams, its CSP naming the request's nonce`, async ({ baseURL, page }) => {
    const answer = await get(baseURL!, `/${locale}/newsletter`);
    expect(answer.status).toBe(200);
    // Streamed as Next writes it: chunked, in more than one piece, not held to be measured whole.
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(answer.chunks).toBeGreaterThan(1);
    expectRenderedNow(answer, `/${locale}/newsletter`);
    const again = await get(baseURL!, `/${locale}/newsletter`);
    expect(policyNonce(again.headers['content-security-policy'])).not.toBe(
      policyNonce(answer.headers['content-security-policy']),
    );
    await expectWorking(page, `/${locale}/newsletter`);
  });

  test(`${locale}: an archive story rendered on request, then from the cache, never names a stale nonce`, async ({
    baseURL,
    page,
  }) => {
    const path = archiveStory(locale);
    const first = await get(baseURL!, path);
    expect(first.status).toBe(200);
    // In a build already read (a second run), the first answer is from the cache too.
    if (first.headers['x-nextjs-cache'] === 'MISS') expectRenderedNow(first, `${path}, first`);
    else test.info().annotations.push({ type: 'note', description: `${path} was cached already` });
    const again = await get(baseURL!, path);
    expectHeldAndHashed(again, `${path}, again`);
    // The cached copy keeps the nonce it was rendered with; the policy sent with it never names it.
    for (const stale of pageNonces(again.html)) expect(again.headers['content-security-policy']).not.toContain(stale!);
    await expectWorking(page, path);
  });

  test(`${locale}: a prerendered page is still held whole and hashed`, async ({ baseURL, page }) => {
    const answer = await get(baseURL!, `/${locale}`);
    expect(answer.status).toBe(200);
    expectHeldAndHashed(answer, `/${locale}`);
    await expectWorking(page, `/${locale}`);
  });
}

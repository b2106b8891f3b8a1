import { expect, test, type Page } from './fixtures';
import * as OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { content } from './site-data';

// Each test only reads the site: Playwright may share them between both workers, so that a long
// file does not leave one worker alone at the end of the run (issue 32).
test.describe.configure({ mode: 'parallel' });

// Character-level conversion: a character that changes is a character of the other script.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
// Characters Taiwan writes as they are, though OpenCC's standard prefers another variant.
const taiwanVariants = new Set(['台', '里', '布', '占', '才', '只', '干', '着', '群', '裏']);

const glossary = (parse(readFileSync('content/glossary.yaml', 'utf8')) as { terms: { hant: string; hans: string }[] })
  .terms;

type PagePath = { path: string; locale: 'zh-Hant' | 'zh-Hans' };

function sitePages(): PagePath[] {
  const rest = ['', '/tags', ...new Set(content.articles.map((a) => `/articles/${a.slug}`))];
  const usedTags = content.tags.filter((t) => content.articles.some((a) => a.tagSlugs.includes(t.slug)));
  rest.push(...usedTags.map((t) => `/tags/${t.slug}`));
  rest.push(...content.sections.map((s) => `/sections/${s.slug}`), ...content.authors.map((a) => `/authors/${a.id}`));
  rest.push(...new Set(content.pages.map((p) => `/info/${p.slug}`)));
  return rest.flatMap((path) =>
    (['zh-Hant', 'zh-Hans'] as const).map((locale) => ({ locale, path: `/${locale}${path}` })),
  );
}

/** The text a reader sees, without what is deliberately in the other script or fixed by hand. */
async function readerText(page: Page, locale: string): Promise<string> {
  return page.evaluate((pageLocale) => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, noscript, [data-term]').forEach((el) => el.remove());
    body.querySelectorAll('[lang]').forEach((el) => {
      if (el.getAttribute('lang') !== pageLocale) el.remove();
    });
    return `${document.title}\n${body.textContent ?? ''}`;
  }, locale);
}

/**
 * Characters of the other script left in a page's text: the text converted as a whole (so each
 * character is read in context) differs from itself there. Glossary terms are left out.
 */
function leftovers(text: string, locale: 'zh-Hant' | 'zh-Hans'): string[] {
  let checked = text;
  for (const term of glossary) checked = checked.split(locale === 'zh-Hant' ? term.hant : term.hans).join(' ');
  const converted = [...(locale === 'zh-Hant' ? toTraditional : toSimplified)(checked)];
  const original = [...checked];
  if (converted.length !== original.length) return [`conversion changed the length of the text`];
  const found: string[] = [];
  original.forEach((char, i) => {
    if (char === converted[i] || (locale === 'zh-Hant' && taiwanVariants.has(char))) return;
    found.push(
      `${char}→${converted[i]} in «${original
        .slice(Math.max(0, i - 10), i + 10)
        .join('')
        .replace(/\s+/g, ' ')}»`,
    );
  });
  return found;
}

/** Quotation marks of the other script: 「」『』 on a Simplified page, “”‘’ around Chinese on a Traditional one. */
function wrongQuotes(text: string, locale: 'zh-Hant' | 'zh-Hans'): string[] {
  const pattern =
    locale === 'zh-Hans' ? /.{0,8}[「」『』].{0,8}/gu : /.{0,8}(?:[“‘]\p{Script=Han}|\p{Script=Han}[”’]).{0,8}/gu;
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

test.describe('every page is in its own script', () => {
  for (const { path, locale } of sitePages()) {
    test(path, async ({ page }) => {
      await page.goto(path);
      const text = await readerText(page, locale);
      expect(leftovers(text, locale)).toEqual([]);
      // Quotation marks of the page's script, in the text and in what the stylesheet would add.
      expect(wrongQuotes(text, locale)).toEqual([]);
      expect(await page.locator('main').evaluate((el) => getComputedStyle(el).quotes)).toBe(
        locale === 'zh-Hant' ? '"「" "」" "『" "』"' : '"“" "”" "‘" "’"',
      );
    });
  }
});

test.describe('a story written in one script', () => {
  test('is converted into Simplified by phrase, labelled, with the glossary and override applied', async ({ page }) => {
    await page.goto('/zh-Hant/articles/taiwan-ai-server-supply-chain');
    await expect(page.getByTestId('derived-notice')).toHaveCount(0);
    await expect(page.locator('meta[name="content-derived-from"]')).toHaveCount(0);
    const traditional = await page.getByTestId('article-body').innerText();
    expect(traditional).toContain('伺服器');

    await page.goto('/zh-Hans/articles/taiwan-ai-server-supply-chain');
    await expect(page.getByTestId('derived-notice')).toHaveText('本文由繁体中文版自动转换');
    await expect(page.locator('meta[name="content-derived-from"]')).toHaveAttribute('content', 'zh-Hant');
    const simplified = await page.getByTestId('article-body').innerText();
    expect(simplified).toContain('服务器'); // 伺服器 by phrase, not 伺服器 character by character
    expect(simplified).not.toContain('伺服器');
    expect(simplified).toContain('台湾'); // the glossary keeps 台, where OpenCC alone would write 臺 going back
    expect(simplified).toContain('英伟达'); // glossary: 輝達 is 英伟达 on the mainland, not 辉达
    expect(simplified).not.toContain('「');
    // Mainland words, not Taiwanese ones in Simplified characters (pipeline/vocabulary.yaml).
    for (const word of ['数据中心', '笔记本电脑', '云服务商']) expect(simplified).toContain(word);
    for (const word of ['资料中心', '笔电', '云端业者']) expect(simplified).not.toContain(word);
    await expect(page.locator('[data-term]').first()).toHaveText('定制化');
  });

  test('is converted into Traditional the other way round', async ({ page }) => {
    await page.goto('/zh-Hant/articles/cross-border-live-commerce');
    await expect(page.getByTestId('derived-notice')).toHaveText('本文由簡體中文版自動轉換');
    const traditional = await page.getByTestId('article-body').innerText();
    expect(traditional).toContain('影片');
    // Quotation marks around Chinese become 「」; around English they stay as written.
    expect(traditional).toContain('「直播帶貨」');
    expect(traditional).toContain('“live commerce”');
    // Taiwanese words, not Mainland ones in Traditional characters.
    for (const word of ['短影音', '門市', '智慧型手機', '社群平台']) expect(traditional).toContain(word);
    for (const word of ['短視頻', '門店', '智能手機', '社交平台', '營銷']) expect(traditional).not.toContain(word);
    await page.goto('/zh-Hans/articles/cross-border-live-commerce');
    await expect(page.getByTestId('derived-notice')).toHaveCount(0);
  });

  test("appears in both scripts' listings, tags and sections", async ({ page }) => {
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      const article = content.articles.find((a) => a.locale === locale && a.slug === 'taiwan-ai-server-supply-chain')!;
      await page.goto(`/${locale}`);
      await expect(page.getByRole('link', { name: article.title }).first()).toBeVisible();
      await page.goto(`/${locale}/tags/${article.tagSlugs[0]}`);
      await expect(page.getByRole('link', { name: article.title }).first()).toBeVisible();
    }
  });
});

test.describe('alternates', () => {
  for (const { path } of sitePages().filter((p) => p.locale === 'zh-Hant')) {
    const counterpart = path.replace(/^\/zh-Hant/, '/zh-Hans');
    test(`${path} and ${counterpart} name each other`, async ({ page }) => {
      const alternates = async () =>
        Object.fromEntries(
          await page
            .locator('link[rel="alternate"][hreflang]')
            .evaluateAll((links) =>
              links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href') ?? '').pathname]),
            ),
        ) as Record<string, string>;
      await page.goto(path);
      expect(await alternates()).toEqual({ 'zh-Hant': path, 'zh-Hans': counterpart, 'x-default': path });
      await expect(page.getByTestId('locale-switcher')).toHaveAttribute('href', counterpart);
      const response = await page.goto(counterpart);
      expect(response?.status()).toBe(200);
      expect(await alternates()).toEqual({ 'zh-Hant': path, 'zh-Hans': counterpart, 'x-default': path });
      await expect(page.getByTestId('locale-switcher')).toHaveAttribute('href', path);
    });
  }
});

// axe on every page template, in both scripts, on a phone and a desktop (the phone project runs the
// tests tagged @phone), in the light and the dark theme: no WCAG 2.2 A or AA violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { articlesIn, content, locales } from './site-data';

// Each test only reads the site: Playwright may share them between both workers, so that a long
// file does not leave one worker alone at the end of the run (issue 32).
test.describe.configure({ mode: 'parallel' });

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pageSize = 6;

type Locale = (typeof locales)[number];

/** One page of each template the site has, with what must be on it before it is judged. */
function templates(locale: Locale): { name: string; path: string; ready?: (page: Page) => Promise<void> }[] {
  const articles = articlesIn(locale);
  const pick = (what: string, test: (a: (typeof articles)[number]) => boolean) => {
    const found = articles.find(test);
    if (!found) throw new Error(`No ${what} article in ${locale} to check`);
    return found;
  };
  const sponsored = pick('sponsored', (a) => Boolean(a.sponsor));
  const syndicated = pick('syndicated', (a) => Boolean(a.syndication));
  // The sample story with a video embed and figures; any story of the newsroom's own otherwise.
  const own =
    articles.find((a) => a.slug === 'generative-ai-newsrooms') ?? pick('own', (a) => !a.sponsor && !a.syndication);
  const section = content.sections.find((s) => articles.some((a) => a.sectionSlug === s.slug))!;
  const tag = content.tags.find((t) => articles.some((a) => a.tagSlugs.includes(t.slug)))!;
  const author = content.authors.find((p) => articles.some((a) => a.authorIds.includes(p.id)))!;
  const list = [
    { name: 'home', path: `/${locale}` },
    { name: 'own article (figure, video)', path: own.path },
    { name: 'sponsored article', path: sponsored.path },
    { name: 'syndicated article', path: syndicated.path },
    { name: 'section', path: `/${locale}/sections/${section.slug}` },
    { name: 'tag', path: `/${locale}/tags/${tag.slug}` },
    { name: 'all tags', path: `/${locale}/tags` },
    { name: 'author', path: `/${locale}/authors/${author.id}` },
    { name: 'site page (privacy)', path: `/${locale}/info/privacy` },
    { name: 'newsletter, with a refusal', path: `/${locale}/newsletter?status=invalid-email` },
    { name: 'not found', path: `/${locale}/no-such-page` },
    {
      name: 'search with results',
      path: `/${locale}/search?q=${encodeURIComponent(locale === 'zh-Hant' ? '電商' : '电商')}`,
      ready: async (page: Page) => {
        await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done');
        await expect(page.getByTestId('search-results').getByRole('link').first()).toBeVisible();
      },
    },
  ];
  if (articles.length > pageSize) list.push({ name: 'home, page 2', path: `/${locale}/page/2` });
  return list;
}

async function violations(page: Page) {
  // Only violations are read: axe then skips building selectors for every passing node (axe-core's
  // API docs, "Performance"); every violation is still reported in full.
  const { violations } = await new AxeBuilder({ page })
    // Before withTags: options() replaces the whole option object, tags included.
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG)
    .analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
}

for (const locale of locales) {
  for (const template of templates(locale)) {
    test(`${locale} ${template.name}: no WCAG 2.2 A/AA violation, light and dark @phone`, async ({ page }) => {
      // One load per page: the theme follows the system's colour scheme, which next-themes applies in
      // place (transitions off), so the dark check judges the same page with its dark colours.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(template.path);
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await template.ready?.(page);
        expect.soft(await violations(page), `${template.path} in the ${theme} theme`).toEqual([]);
      }
    });
  }
}

import { expect, test } from './fixtures';
import { articlesIn, content, locales } from './site-data';

// Each test only reads the site: Playwright may share them between both workers, so that a long
// file does not leave one worker alone at the end of the run (issue 32).
test.describe.configure({ mode: 'parallel' });

for (const locale of locales) {
  test.describe(`tag, section and author pages (${locale})`, () => {
    test('the tag index lists every used tag with its article count', async ({ page }) => {
      await page.goto(`/${locale}/tags`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const used = content.tags.filter((t) => articlesIn(locale).some((a) => a.tagSlugs.includes(t.slug)));
      const links = page.getByTestId('tag-index').getByRole('link');
      await expect(links).toHaveCount(used.length);
      for (const tag of used) {
        const count = articlesIn(locale).filter((a) => a.tagSlugs.includes(tag.slug)).length;
        const link = page.getByTestId('tag-index').locator(`a[href="/${locale}/tags/${tag.slug}"]`);
        await expect(link).toContainText(`#${tag.name[locale]}`);
        await expect(link.getByTestId('tag-count')).toHaveText(new RegExp(`^${count} `));
      }
    });

    test('every tag page lists its articles newest first', async ({ page }) => {
      for (const tag of content.tags) {
        const expected = articlesIn(locale).filter((a) => a.tagSlugs.includes(tag.slug));
        if (expected.length === 0) continue;
        await page.goto(`/${locale}/tags/${tag.slug}`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(tag.name[locale]);
        const titles = await page.getByTestId('article-card').getByRole('heading').allTextContents();
        expect(titles).toEqual(expected.map((a) => a.title));
      }
    });

    test('every section page lists its articles, and the menu leads there', async ({ page }) => {
      for (const section of content.sections) {
        await page.goto(`/${locale}`);
        await page.getByRole('navigation').getByRole('link', { name: section.name[locale], exact: true }).click();
        await expect(page).toHaveURL(`/${locale}/sections/${section.slug}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name[locale]);
        const expected = articlesIn(locale).filter((a) => a.sectionSlug === section.slug);
        const titles = await page.getByTestId('article-card').getByRole('heading').allTextContents();
        expect(titles).toEqual(expected.map((a) => a.title));
      }
    });

    test('every author page shows the author and their articles', async ({ page }) => {
      for (const author of content.authors) {
        await page.goto(`/${locale}/authors/${author.id}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(author.name[locale]);
        if (author.bio) await expect(page.getByText(author.bio[locale]).first()).toBeVisible();
        const expected = articlesIn(locale).filter((a) => a.authorIds.includes(author.id));
        const titles = await page.getByTestId('article-card').getByRole('heading').allTextContents();
        expect(titles).toEqual(expected.map((a) => a.title));
      }
    });
  });
}

test('authors show their photo on their page and in the author box, or their initial without one @phone', async ({
  page,
}) => {
  const withPhoto = content.authors.find((a) => a.photo)!;
  const without = content.authors.find(
    (a) => !a.photo && articlesIn('zh-Hant').some((s) => s.authorIds.includes(a.id)),
  )!;
  expect(withPhoto, 'the sample site has an author with a photo').toBeTruthy();
  for (const locale of locales) {
    await page.goto(`/${locale}/authors/${withPhoto.id}`);
    const photo = page.locator('header img').first();
    await expect(photo).toBeVisible();
    // Loaded, not merely laid out: the optimizer may take a moment to resize it on first request.
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await photo.getAttribute('src')).toContain(encodeURIComponent(withPhoto.photo!.src));
    const story = articlesIn(locale).find((a) => a.authorIds.includes(withPhoto.id))!;
    await page.goto(story.path);
    await expect(page.locator('section[aria-labelledby="author-heading"] img').first()).toBeVisible();
  }
  await page.goto(`/zh-Hant/authors/${without.id}`);
  await expect(page.locator('header').getByTestId('author-initial')).toHaveText([...without.name['zh-Hant']][0]!);
});

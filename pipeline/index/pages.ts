// The site's own pages (about us, contact, privacy, advertising): where each lives, and its other
// script derived as a story's is. Run by the index step and the content check, inside buildIndex.
import { isLocale, localePath, otherLocale, type Locale } from '@/i18n/locales';
import type { ContentProblem, SitePageSummary } from '@/lib/content-model';
import { SLUG_PATTERN } from '../conventions';
import type { Convert } from './derive';

/** A site page as the content compiler hands it over. */
export type RawSitePage = { sourceFile: string; title: string; summary: string; updatedAt?: string; order?: number };

// pages/<slug>/<locale>.mdx
const PAGE_FILE = /^pages\/([^/]+)\/([^/]+)\.mdx$/;

/** Where a site page is served. */
const sitePagePath = (locale: Locale, slug: string) => localePath(locale, `/info/${slug}`);

/**
 * The site pages of both scripts, in footer order: a page written in one script gets the other
 * converted; written in both, the two must agree on their place in the footer.
 */
export function resolveSitePages(
  raw: readonly RawSitePage[],
  convert: Convert,
  problems: ContentProblem[],
): SitePageSummary[] {
  const written = new Map<string, SitePageSummary>();
  for (const page of raw) {
    const match = PAGE_FILE.exec(page.sourceFile);
    const slug = match?.[1] ?? '';
    const locale = match?.[2];
    if (!match || !SLUG_PATTERN.test(slug) || !isLocale(locale)) {
      problems.push({
        file: page.sourceFile,
        message: '網站頁面的位置或檔名不正確',
        fix: '網站頁面必須放在 content/pages/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx；代稱只能用小寫英文字母、數字與連字號，例如 about',
      });
      continue;
    }
    written.set(`${locale}/${slug}`, {
      locale,
      slug,
      path: sitePagePath(locale, slug),
      title: page.title.trim(),
      summary: page.summary.trim(),
      updatedAt: page.updatedAt,
      order: page.order,
      sourceFile: page.sourceFile,
      bodyHash: '',
    });
  }

  const pages = [...written.values()];
  for (const page of [...pages]) {
    const other = otherLocale(page.locale);
    const pair = written.get(`${other}/${page.slug}`);
    if (!pair) {
      const c = (text: string) => convert(text, page.locale);
      pages.push({
        ...page,
        locale: other,
        path: sitePagePath(other, page.slug),
        title: c(page.title),
        summary: c(page.summary),
        derivedFrom: page.locale,
      });
    } else if (page.locale === 'zh-Hans' && pair.order !== page.order) {
      problems.push({
        file: page.sourceFile,
        field: 'order',
        message: `order 與 ${pair.sourceFile} 不一致`,
        fix: '同一個頁面的兩個版本在頁尾的位置必須相同：把兩個檔案的 order 改成同一個數字',
      });
    }
  }
  const rank = (p: SitePageSummary) => p.order ?? Number.MAX_SAFE_INTEGER;
  return pages.sort((a, b) => rank(a) - rank(b) || a.slug.localeCompare(b.slug) || a.locale.localeCompare(b.locale));
}

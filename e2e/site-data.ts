import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentIndex } from '../lib/content-model';

/** The content index of the build under test: what the pages are expected to show. */
export const content = JSON.parse(
  readFileSync(path.join(process.cwd(), '.contentlayer', 'site', 'index.json'), 'utf8'),
) as ContentIndex;

export const locales = ['zh-Hant', 'zh-Hans'] as const;

export function articlesIn(locale: (typeof locales)[number]) {
  return content.articles.filter((a) => a.locale === locale);
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentIndex } from '../lib/content-model';

const written = JSON.parse(readFileSync(path.join(process.cwd(), '.contentlayer', 'site', 'index.json'), 'utf8')) as ContentIndex;

/** The content index of the build under test, as the site shows it now (scheduled stories not yet). */
export const content: ContentIndex = { ...written, articles: written.articles.filter((a) => Date.parse(a.publishedAt) <= Date.now()) };

export const locales = ['zh-Hant', 'zh-Hans'] as const;

export function articlesIn(locale: (typeof locales)[number]) {
  return content.articles.filter((a) => a.locale === locale);
}

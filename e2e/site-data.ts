import path from 'node:path';
import type { ContentIndex } from '../lib/content-model';
import { ContentStore } from '../lib/content-store';
import { readIndexFromStore } from '../pipeline/index/write-store';

const storePath = path.join(process.cwd(), '.contentlayer', 'site', 'content.db');
const written = readIndexFromStore(storePath);
if (!written) throw new Error(`No content store at ${storePath}: run npm run build first.`);

/** The content index of the build under test, as the site shows it now (scheduled stories not yet). */
export const content: ContentIndex = {
  ...written,
  articles: written.articles.filter((a) => Date.parse(a.publishedAt) <= Date.now()),
};

export const locales = ['zh-Hant', 'zh-Hans'] as const;

export function articlesIn(locale: (typeof locales)[number]) {
  return content.articles.filter((a) => a.locale === locale);
}

/** An article's body as text (from the HTML the store keeps for feeds), credits included. */
export function bodyText(article: ContentIndex['articles'][number]): string {
  const store = new ContentStore(storePath);
  try {
    const html = store.feedHtml(article) ?? '';
    return html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&');
  } finally {
    store.db.close();
  }
}

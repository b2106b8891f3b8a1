import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentIndex } from '../lib/content-model';

const written = JSON.parse(
  readFileSync(path.join(process.cwd(), '.contentlayer', 'site', 'index.json'), 'utf8'),
) as ContentIndex;

/** The content index of the build under test, as the site shows it now (scheduled stories not yet). */
export const content: ContentIndex = {
  ...written,
  articles: written.articles.filter((a) => Date.parse(a.publishedAt) <= Date.now()),
};

export const locales = ['zh-Hant', 'zh-Hans'] as const;

export function articlesIn(locale: (typeof locales)[number]) {
  return content.articles.filter((a) => a.locale === locale);
}

/** An article's body as text (from the body file's HTML, which feeds use), credits included. */
export function bodyText(article: ContentIndex['articles'][number]): string {
  const file = path.join(
    process.cwd(),
    '.contentlayer',
    'site',
    'bodies',
    article.locale,
    `${article.slug}.${article.bodyHash}.json`,
  );
  const { html = '' } = JSON.parse(readFileSync(file, 'utf8')) as { html?: string };
  return html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&');
}

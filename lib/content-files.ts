import path from 'node:path';
import type { Locale } from '@/i18n/locales';

/**
 * Where the index step writes the content index and article bodies that pages read: in the project
 * (the server runs there, so that a publish updates what it serves), or where CONTENT_DATA_DIR says.
 */
export const contentOutDir = process.env.CONTENT_DATA_DIR
  ? path.resolve(process.env.CONTENT_DATA_DIR)
  : path.join(process.cwd(), '.contentlayer', 'site');

/** Replaced in one rename by each content build or publish, so a reader never sees half of one. */
export const indexFile = path.join(contentOutDir, 'index.json');

/** Changes with every content build; lib/content.ts imports it so that dev reloads on change. */
export const revisionFile = path.join(contentOutDir, 'revision.json');

/**
 * What the live preview could not publish from the last save, for the open page to show (the app
 * imports it, so a change refreshes the page); empty whenever an index is written.
 */
export const previewProblemsFile = path.join(contentOutDir, 'preview-problems.json');

/** The folder of one script's compiled bodies. */
export const bodiesDir = (locale: Locale) => path.join(contentOutDir, 'bodies', locale);

/**
 * The compiled body of one article: one small file each, so a page loads only its own, named by its
 * content, so a publish writes the new body beside the old one and the index switches between them.
 */
export function bodyFile(locale: Locale, slug: string, bodyHash: string): string {
  return path.join(bodiesDir(locale), `${slug}.${bodyHash}.json`);
}

/** The compiled body of one of the site's own pages: beside the stories', under a name no story slug can take. */
export function sitePageBodyFile(locale: Locale, slug: string, bodyHash: string): string {
  return bodyFile(locale, `page~${slug}`, bodyHash);
}

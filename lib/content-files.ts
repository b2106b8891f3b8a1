import path from 'node:path';
import type { Locale } from '@/i18n/locales';

/** Where the build writes the content index and article bodies that pages read. */
export const contentOutDir = path.join(process.cwd(), '.contentlayer', 'site');

export const indexFile = path.join(contentOutDir, 'index.json');

/** Changes with every content build; lib/content.ts imports it so that dev reloads on change. */
export const revisionFile = path.join(contentOutDir, 'revision.json');

/** The compiled body of one article: one small file each, so a page loads only its own. */
export function bodyFile(locale: Locale, slug: string): string {
  return path.join(contentOutDir, 'bodies', locale, `${slug}.json`);
}

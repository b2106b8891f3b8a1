import path from 'node:path';
import type { Locale } from '@/i18n/locales';
import { contentOutDir } from './content-files';
import type { QueryConversion } from './search-convert';

// Where the search index lives. pipeline/search-index.tsx writes it after `next build` and on every
// publish that changes an article; app/pagefind/[...file]/route.ts serves it (a file added to
// public/ after the server started would not be served); the search page's client component
// fetches the manifest and loads the parts of the reader's script.

/**
 * Pagefind bundles: one folder per version (one per index run), then per script and part. A static
 * export writes its own into out/pagefind (SEARCH_BUNDLE_DIR).
 */
export const searchBundleDir = process.env.SEARCH_BUNDLE_DIR
  ? path.resolve(process.env.SEARCH_BUNDLE_DIR)
  : path.join(contentOutDir, 'pagefind');

/** The manifest's file on disk and its URL on the site. */
export const searchManifestFile = path.join(searchBundleDir, 'manifest.json');
export const searchManifestUrl = '/pagefind/manifest.json';

/** The URL of one part (a year or a month of publication) of one script's index in one version. */
export const searchPartUrl = (version: string, locale: Locale, part: string) =>
  `/pagefind/${version}/${locale}/${part}/`;

/**
 * For each script, the URLs of its index parts (the first is loaded, the rest merged into it) and
 * the ids of results to leave out: older copies of pages a publish indexed again in the fresh part,
 * and pages gone (pipeline/search-index.tsx); and what converting a query typed in the other script
 * takes. The manifest is the only file that changes in place; every version's files never change.
 */
export type SearchManifest = Record<Locale, { parts: string[]; hidden: string[]; conversion: QueryConversion }>;

import path from 'node:path';
import type { Locale } from '@/i18n/locales';

// Where the search index lives. pipeline/search-index.ts writes it after `next build`; the search
// page's client component fetches the manifest and loads the parts of the reader's script.

/** Pagefind bundles, one folder per script and part, served as static files. */
export const searchBundleDir = path.join(process.cwd(), 'public', 'pagefind');

/** The manifest's file on disk and its URL on the site. */
export const searchManifestFile = path.join(searchBundleDir, 'manifest.json');
export const searchManifestUrl = '/pagefind/manifest.json';

/** For each script, the URLs of its index parts; the first is loaded, the rest merged into it. */
export type SearchManifest = Record<Locale, string[]>;

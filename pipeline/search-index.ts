// Builds the static search index from the article pages (`npm run search:index`,
// scripts/search-index.ts, run by `npm run build` after `next build`, and by `npm run publish`).
// The articles are the content index's; each page's HTML is the build's prerendered file, or, given
// a server's origin (a publish), what that server serves now.
//
// Pagefind reads each article page's HTML (the text readers see, in their script; the page marks
// what to index with data-pagefind-body) and writes one bundle per script and part under
// public/pagefind/. Chinese text costs pagefind about 1 MiB of memory per page, so each script is
// indexed in parts of at most SEARCH_PART_SIZE pages (default 2,000) and the search page merges the
// parts at search time; the manifest lists them. The two scripts are indexed side by side, each in
// its own process. Each run writes a new version folder beside the one being served, then swaps the
// manifest in one rename: searches in progress keep their version's files, which never change.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { locales, type Locale } from '@/i18n/locales';
import { currentIndex, matching } from '@/lib/content-index';
import { prerenderedHtmlFile } from '@/lib/prerendered';
import { searchBundleDir, searchManifestFile, searchPartUrl, type SearchManifest } from '@/lib/search';

const partSize = Number(process.env.SEARCH_PART_SIZE ?? 2000);
const resultPrefix = 'search-parts ';

const articlePaths = (locale: Locale) => matching(currentIndex(), { locale }).map((a) => a.path).sort();

/** One page's HTML: from the server at `origin` when given, else as the build prerendered it. */
async function pageHtml(pagePath: string, origin: string | undefined): Promise<string> {
  if (!origin) return readFileSync(prerenderedHtmlFile(pagePath), 'utf8');
  const response = await fetch(`${origin}${pagePath}`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${origin}${pagePath} answered ${response.status}`);
  return response.text();
}

// Pagefind never indexes what is inside <script>, and half of a page's HTML is the framework's
// inline RSC payload: leaving the scripts out gives the same index, sooner. An HTML script
// element ends at the first `</script>`, so the pattern cannot cut one short.
const withoutScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

type ScriptIndex = { parts: string[]; pages: number };

/** Indexes one script's article pages, part by part; returns the parts' URLs and the page count. */
export async function indexScript(locale: Locale, version: string, origin?: string): Promise<ScriptIndex> {
  const paths = articlePaths(locale);
  const parts: string[] = [];
  for (let start = 0; start < paths.length; start += partSize) {
    const part = paths.slice(start, start + partSize);
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const pagePath of part) {
      const html = await pageHtml(pagePath, origin);
      const added = await index.addHTMLFile({ url: pagePath, content: withoutScripts(html) });
      if (added.errors.length > 0) throw new Error(`${pagePath}: ${added.errors.join('; ')}`);
    }
    const url = searchPartUrl(version, locale, parts.length);
    const written = await index.writeFiles({ outputPath: path.join(searchBundleDir, version, locale, String(parts.length)) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${url}: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    parts.push(url);
  }
  await pagefind.close();
  return { parts, pages: paths.length };
}

/** Prints one script's result for the parent process (writeSearchIndex), which reads it back. */
export async function indexScriptForParent(locale: Locale, version: string, origin?: string): Promise<void> {
  console.log(`${resultPrefix}${JSON.stringify(await indexScript(locale, version, origin))}`);
}

function readManifest(): SearchManifest | undefined {
  try {
    return JSON.parse(readFileSync(searchManifestFile, 'utf8')) as SearchManifest;
  } catch {
    return undefined;
  }
}

/** The version folder a part URL is in. */
const versionOf = (url: string) => url.split('/')[2];

/**
 * Indexes both scripts, each in its own process (a pagefind service indexes on one core), side by
 * side: `entry` is the command-line script that runs indexScriptForParent for `--locale L --version V`.
 * With `origin`, pages are read from that server (`--from ORIGIN`).
 */
export async function writeSearchIndex(entry: string, origin?: string): Promise<void> {
  const started = performance.now();
  const version = Date.now().toString(36);
  const results = await Promise.all(
    locales.map(
      (locale) =>
        new Promise<ScriptIndex>((resolve, reject) => {
          const child = spawn(process.execPath, [...process.execArgv, entry, '--locale', locale, '--version', version, ...(origin ? ['--from', origin] : [])], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.on('error', reject);
          child.on('exit', (code) => {
            const line = output.split('\n').find((l) => l.startsWith(resultPrefix));
            if (code !== 0 || !line) return reject(new Error(`Indexing ${locale} for search failed (exit ${code}).`));
            resolve(JSON.parse(line.slice(resultPrefix.length)) as ScriptIndex);
          });
        }),
    ),
  );
  const manifest = Object.fromEntries(locales.map((locale, i) => [locale, results[i]!.parts])) as SearchManifest;
  // Keep the version the old manifest named, for searches begun before the swap; drop older ones.
  const kept = new Set([version, ...Object.values(readManifest() ?? {}).flat().map(versionOf)]);
  mkdirSync(searchBundleDir, { recursive: true });
  const temporary = `${searchManifestFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, searchManifestFile);
  for (const entry of readdirSync(searchBundleDir)) {
    if (entry !== path.basename(searchManifestFile) && !kept.has(entry)) rmSync(path.join(searchBundleDir, entry), { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const pages = results.reduce((n, r) => n + r.pages, 0);
  console.log(
    `Search index: ${pages} article pages in ${locales.map((l) => `${manifest[l].length} ${l} part(s)`).join(', ')}, ${seconds} s.`,
  );
}

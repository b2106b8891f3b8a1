// Builds the static search index from the article pages (`npm run search:index`,
// scripts/search-index.ts, run by `npm run build` after `next build`, and by `npm run publish`).
// The articles are the content index's; each page's HTML is the build's prerendered file, or, given
// a server's origin (a publish), what that server serves now.
//
// Pagefind reads each article page's HTML (the text readers see, in their script; the page marks
// what to index with data-pagefind-body) and writes one bundle per script and part. Chinese text
// costs pagefind about 1 MiB of memory per page, so a script of more than SEARCH_PART_SIZE pages
// (default 2,000) is indexed in parts (a year of publication each, or a month when a year passes
// that size), and the search page merges the parts at search time; the manifest lists them. The two scripts are indexed
// side by side, each in its own process. Each run writes the parts it rebuilds into a new version
// folder beside the ones being served, then swaps the manifest in one rename: searches in progress
// keep their version's files, which never change. A publish rebuilds only the parts whose pages
// changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { locales, type Locale } from '@/i18n/locales';
import { contentOutDir } from '@/lib/content-files';
import { currentIndex, matching } from '@/lib/content-index';
import { prerenderedHtmlFile } from '@/lib/prerendered';
import { searchBundleDir, searchManifestFile, searchPartUrl, type SearchManifest } from '@/lib/search';
import { readJson, writeAtomically } from './files';

const partSize = Number(process.env.SEARCH_PART_SIZE ?? 2000);
const resultPrefix = 'search-parts ';
const TAIPEI_OFFSET_MS = 8 * 3600_000;

/** One part of one script's index: a key that stays the same from run to run, and its pages. */
export type SearchPart = { key: string; paths: string[] };

/**
 * The parts of one script's index: one part while the script has at most `size` articles (every
 * part is one more index for the reader's browser to load and merge); past that, the articles of a
 * year of publication (in Taipei), or of a month when the year alone passes `size`. An article keeps
 * its part from one publish to the next, so a publish re-indexes only the parts whose pages changed.
 * Newest part first: it is loaded first.
 */
export function searchParts(articles: readonly { path: string; publishedAt: string }[], size = partSize): SearchPart[] {
  if (articles.length <= size) return [{ key: 'all', paths: articles.map((a) => a.path).sort() }];
  const taipei = (at: string) => new Date(Date.parse(at) + TAIPEI_OFFSET_MS).toISOString();
  const byYear = new Map<string, { path: string; month: string }[]>();
  for (const a of articles) {
    const at = taipei(a.publishedAt);
    const year = at.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), { path: a.path, month: at.slice(0, 7) }]);
  }
  const parts = new Map<string, string[]>();
  for (const [year, members] of byYear) {
    for (const m of members) {
      const key = members.length > size ? m.month : year;
      parts.set(key, [...(parts.get(key) ?? []), m.path]);
    }
  }
  return [...parts].map(([key, paths]) => ({ key, paths: paths.sort() })).sort((a, b) => b.key.localeCompare(a.key));
}

const partsOf = (locale: Locale) => searchParts(matching(currentIndex(), { locale }));

// Pagefind never indexes what is inside <script>, and half of a page's HTML is the framework's
// inline RSC payload: leaving the scripts out gives the same index, sooner. An HTML script
// element ends at the first `</script>`, so the pattern cannot cut one short.
const withoutScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

/** Each article page as last indexed (gzipped, scripts left out), so a part is rebuilt without asking a server for every page. */
const pagesDir = path.join(contentOutDir, 'search-pages');
const keptPage = (pagePath: string) => path.join(pagesDir, `${pagePath}.html.gz`);

/**
 * One page's HTML to index: at a build, as the build prerendered it; at a publish (`origin`), from
 * that server when the page changed (or was never kept), else as kept from the last run.
 */
async function pageHtml(pagePath: string, origin: string | undefined, changed: ReadonlySet<string>): Promise<string> {
  const kept = keptPage(pagePath);
  if (origin && !changed.has(pagePath) && existsSync(kept)) return gunzipSync(readFileSync(kept)).toString('utf8');
  let html: string;
  if (!origin) html = readFileSync(prerenderedHtmlFile(pagePath), 'utf8');
  else {
    const response = await fetch(`${origin}${pagePath}`, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`${origin}${pagePath} answered ${response.status}`);
    html = await response.text();
  }
  const text = withoutScripts(html);
  mkdirSync(path.dirname(kept), { recursive: true });
  writeFileSync(kept, gzipSync(text));
  return text;
}

/** Indexes the named parts of one script into a version folder; returns each part's page count. */
export async function indexScript(locale: Locale, version: string, keys: string[], origin?: string, changed: ReadonlySet<string> = new Set()): Promise<Record<string, number>> {
  const wanted = new Set(keys);
  const counts: Record<string, number> = {};
  for (const part of partsOf(locale).filter((p) => wanted.has(p.key))) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const pagePath of part.paths) {
      const added = await index.addHTMLFile({ url: pagePath, content: await pageHtml(pagePath, origin, changed) });
      if (added.errors.length > 0) throw new Error(`${pagePath}: ${added.errors.join('; ')}`);
    }
    const url = searchPartUrl(version, locale, part.key);
    const written = await index.writeFiles({ outputPath: path.join(searchBundleDir, version, locale, part.key) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${url}: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    counts[part.key] = part.paths.length;
  }
  await pagefind.close();
  return counts;
}

/** Prints one script's result for the parent process (writeSearchIndex), which reads it back. */
export async function indexScriptForParent(locale: Locale, version: string, keys: string[], origin?: string, changedFile?: string): Promise<void> {
  const changed = new Set(changedFile ? (JSON.parse(readFileSync(changedFile, 'utf8')) as string[]) : []);
  console.log(`${resultPrefix}${JSON.stringify(await indexScript(locale, version, keys, origin, changed))}`);
}

/** What each part of the served index holds, to tell at the next run which parts changed. */
type PartsRecord = Record<string, Record<string, { url: string; members: string }>>;
const partsRecordFile = path.join(searchBundleDir, 'parts.json');


/** The version folder a part URL is in. */
const versionOf = (url: string) => url.split('/')[2];

export type SearchIndexOptions = {
  /** Read pages from this server instead of the build's files (a publish). */
  origin?: string;
  /** Only these page paths changed (a publish): parts without them, whose pages are the same, are kept. */
  changed?: string[];
};

/**
 * Indexes both scripts, each in its own process (a pagefind service indexes on one core), side by
 * side: `entry` is the command-line script that runs indexScriptForParent for
 * `--locale L --version V --parts K,…`. Parts are written to a new version folder; the manifest is
 * then swapped in one rename; the version folders neither it nor the one before names are deleted.
 */
export async function writeSearchIndex(entry: string, { origin, changed }: SearchIndexOptions = {}): Promise<void> {
  const started = performance.now();
  const version = Date.now().toString(36);
  const previous = changed ? readJson<PartsRecord>(partsRecordFile) : undefined;
  const changedPaths = new Set(changed);
  const record: PartsRecord = {};
  const plans = locales.map((locale) => {
    const parts = partsOf(locale);
    const rebuild: string[] = [];
    record[locale] = {};
    for (const part of parts) {
      const members = createHash('sha256').update(part.paths.join('\n')).digest('base64url').slice(0, 16);
      const before = previous?.[locale]?.[part.key];
      const keep = before && before.members === members && !part.paths.some((p) => changedPaths.has(p));
      if (!keep) rebuild.push(part.key);
      record[locale]![part.key] = { url: keep ? before.url : searchPartUrl(version, locale, part.key), members };
    }
    return { locale, parts, rebuild };
  });

  // The changed pages go to the children in a file: a publish may change thousands.
  const changedFile = path.join(os.tmpdir(), `search-changed-${process.pid}.json`);
  writeFileSync(changedFile, JSON.stringify(changed ?? []));
  const counts = await Promise.all(
    plans.map(
      ({ locale, rebuild }) =>
        new Promise<Record<string, number>>((resolve, reject) => {
          if (rebuild.length === 0) return resolve({});
          const args = [entry, '--locale', locale, '--version', version, '--parts', rebuild.join(','), '--changed', changedFile, ...(origin ? ['--from', origin] : [])];
          const child = spawn(process.execPath, [...process.execArgv, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.on('error', reject);
          child.on('exit', (code) => {
            const line = output.split('\n').find((l) => l.startsWith(resultPrefix));
            if (code !== 0 || !line) return reject(new Error(`Indexing ${locale} for search failed (exit ${code}).`));
            resolve(JSON.parse(line.slice(resultPrefix.length)) as Record<string, number>);
          });
        }),
    ),
  );

  rmSync(changedFile, { force: true });
  const manifest = Object.fromEntries(plans.map(({ locale, parts }) => [locale, parts.map((p) => record[locale]![p.key]!.url)])) as SearchManifest;
  const kept = new Set([...Object.values(manifest).flat(), ...Object.values(readJson<SearchManifest>(searchManifestFile) ?? {}).flat()].map(versionOf));
  mkdirSync(searchBundleDir, { recursive: true });
  writeAtomically(partsRecordFile, JSON.stringify(record));
  writeAtomically(searchManifestFile, JSON.stringify(manifest));
  // Keep the versions the old manifest named, for searches begun before the swap; drop older ones.
  for (const name of readdirSync(searchBundleDir)) {
    const isVersion = !name.includes('.');
    if (isVersion && !kept.has(name)) rmSync(path.join(searchBundleDir, name), { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const indexed = counts.reduce((n, c) => n + Object.values(c).reduce((m, k) => m + k, 0), 0);
  const rebuilt = plans.reduce((n, p) => n + p.rebuild.length, 0);
  const total = plans.reduce((n, p) => n + p.parts.length, 0);
  console.log(`Search index: ${indexed} article pages indexed in ${rebuilt} of ${total} part(s) (${locales.map((l, i) => `${plans[i]!.parts.length} ${l}`).join(', ')}), ${seconds} s.`);
}

// Builds the static search index of the articles (`npm run search:index`, scripts/search-index.ts,
// run by `npm run build` after `next build`, and by `npm run publish`).
//
// Pagefind reads one HTML document per article page, drawn from the content index by
// components/search/search-document.tsx (the text readers see, in their script), not the served
// page: a story is indexed whether or not the build prerendered its page, and a publish asks no
// server. It writes one bundle per script and part. Chinese text costs pagefind about 1 MiB of
// memory per page, so a script of more than SEARCH_PART_SIZE pages (default 2,000) is indexed in
// parts (a year of publication each, or a month when a year passes that size), and the search page
// merges the parts at search time; the manifest lists them. The two scripts are indexed side by
// side, each in its own process. Each run writes the parts it rebuilds into a new version folder
// beside the ones being served, then swaps the manifest in one rename: searches in progress keep
// their version's files, which never change. A run rebuilds only the parts whose pages changed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { renderToStaticMarkup } from 'react-dom/server';
import { SearchDocument } from '@/components/search/search-document';
import { locales, type Locale } from '@/i18n/locales';
import { contentOutDir } from '@/lib/content-files';
import { contentStore, toCard, type ContentStore } from '@/lib/content-store';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';
import hans from '@/messages/zh-Hans.json';
import hant from '@/messages/zh-Hant.json';
import { searchBundleDir, searchManifestFile, searchPartUrl, type SearchManifest } from '@/lib/search';
import { spaceHan } from '@/lib/search-text';
import { queryConversion, readGlossary } from './search-conversion';
import { contentHash } from './content-hash';
import { readJson, writeAtomically } from './files';

const partSize = Number(process.env.SEARCH_PART_SIZE ?? 2000);
const freshLimit = Number(process.env.SEARCH_FRESH_LIMIT ?? 200);
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

/** The document pagefind indexes for one article page. */
export function searchDocumentHtml(
  store: ContentStore,
  locale: Locale,
  pagePath: string,
  labels: { sponsored: string; playVideo: string },
): string {
  const summary = store.article(locale, pagePath.slice(pagePath.lastIndexOf('/') + 1));
  const body = summary && store.body(summary.bodyHash);
  if (!summary || summary.path !== pagePath || !body)
    throw new Error(`${pagePath} is not an article of the content store.`);
  const html = renderToStaticMarkup(
    <SearchDocument article={toCard(store.names(), summary)} body={body} locale={locale} labels={labels} />,
  );
  // Every Han character a word of its own (lib/search-text.ts): text only, not tags or attributes.
  return `<!DOCTYPE html>${html.replace(/(<[^>]*>)|([^<]+)/g, (_, tag: string | undefined, text: string | undefined) => tag ?? spaceHan(text!))}`;
}

/** One run of a child process: parts of one script to index into a version folder, each with its pages. */
type Job = { locale: Locale; version: string; parts: SearchPart[] };

/** For each part indexed, each page's id in it (pagefind's fragment name, which its results carry). */
type JobResult = Record<string, Record<string, string>>;

/** The page id of every page in a written pagefind bundle, by page path. */
function pageIds(bundle: string): Record<string, string> {
  const ids: Record<string, string> = {};
  const dir = path.join(bundle, 'fragment');
  for (const name of readdirSync(dir)) {
    // A fragment is gzipped JSON behind pagefind's signature.
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    ids[url] = name.replace(/\.pf_fragment$/, '');
  }
  return ids;
}

/** Indexes the parts of one script named in a job; returns each page's id by part. */
async function indexScript({ locale, version, parts }: Job): Promise<JobResult> {
  const content = contentStore();
  const { Article } = { 'zh-Hant': hant, 'zh-Hans': hans }[locale];
  const labels = { sponsored: Article.sponsoredLabel, playVideo: Article.playVideo };
  const result: JobResult = {};
  for (const part of parts) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const pagePath of part.paths) {
      const added = await index.addHTMLFile({
        url: pagePath,
        content: searchDocumentHtml(content, locale, pagePath, labels),
      });
      if (added.errors.length > 0) throw new Error(`${pagePath}: ${added.errors.join('; ')}`);
    }
    const url = searchPartUrl(version, locale, part.key);
    const outputPath = path.join(searchBundleDir, version, locale, part.key);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${url}: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    result[part.key] = part.paths.length > 0 ? pageIds(outputPath) : {};
  }
  await pagefind.close();
  return result;
}

/** Runs a job written by writeSearchIndex, and prints its result for it to read back. */
export async function indexScriptForParent(jobFile: string): Promise<void> {
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
  console.log(`${resultPrefix}${JSON.stringify(await indexScript(job))}`);
}

/**
 * What the served index of one script holds: each part (its URL, the hash of its pages and their
 * text when it was written, partPrints, and the id of each page it holds) and the fresh part, of pages changed since their part was built.
 */
type PartRecord = { url: string; prints: string; ids: Record<string, string> };
type ScriptRecord = { parts: Record<string, PartRecord>; fresh?: PartRecord & { paths: string[] } };
type PartsRecord = Partial<Record<Locale, ScriptRecord>>;
const partsRecordFile = path.join(searchBundleDir, 'parts.json');

/** The version folder a part URL is in. */
const versionOf = (url: string) => url.split('/')[2];

/**
 * What draws a search document, besides the article: the document, the body's renderer, the labels,
 * the card it is drawn from and pagefind. A change to any of these changes every document, and
 * every part is indexed again.
 */
function rendererKey(): string {
  const root = process.cwd();
  const files = [
    ...['components/search', 'components/mdx', 'components/media', 'messages'].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .sort()
        .map((name) => path.join(root, dir, name)),
    ),
    ...[
      'lib/content-store.ts',
      'lib/body-components.ts',
      'lib/search-text.ts',
      'i18n/locales.ts',
      'package-lock.json',
    ].map((file) => path.join(root, file)),
    fileURLToPath(import.meta.url),
  ];
  return contentHash(files.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\0'));
}

/**
 * What a part holds, as one hash: its pages, each with the fingerprint of what its document shows
 * (searchFingerprints below), and the renderer. A part whose hash is the same as the one
 * recorded when it was written is kept, at a build as at a publish.
 */
const partPrints = (key: string, fingerprints: ReadonlyMap<string, string>, paths: string[]) =>
  contentHash([key, ...paths.map((p) => `${p}\t${fingerprints.get(p) ?? ''}`)].join('\n'));

/**
 * What an article's search document takes from the content: the story's own text and the names it
 * shows (components/search/search-document.tsx), not the cards of other stories around it, so that a
 * new story does not send every page that lists it to be indexed again. `names` is the same for all
 * of an index's stories: its authors, tags and sections.
 */
export const searchSource = (article: ArticleSummary, names: string) =>
  `${names}\n${JSON.stringify({ ...article, related: [], furtherReading: [] })}`;

/**
 * The names part of `searchSource`, as a hash: the names of every tag are tens of kilobytes, and
 * each story's source would otherwise carry a copy of them (gigabytes of text at 10,000 stories).
 */
const searchNames = ({ authors, tags, sections }: Pick<ContentIndex, 'authors' | 'tags' | 'sections'>) =>
  contentHash(JSON.stringify([authors, tags, sections]));

/** Each article page's path and a hash of its `searchSource`. */
function searchFingerprints(store: ContentStore): Map<string, string> {
  const names = searchNames(store.names());
  return new Map(
    locales.flatMap((locale) => store.articles({ locale }).map((a) => [a.path, contentHash(searchSource(a, names))])),
  );
}

export type SearchIndexOptions = {
  /** The article pages whose text changed, were added or are gone (a publish). */
  changed?: string[];
};

/** What one script's run does: the parts to index, and the record and manifest entry once done. */
type Plan = { locale: Locale; parts: SearchPart[]; current: Set<string>; layout: string[]; fresh?: SearchPart };

/** What each script's plan is made from: the content index, the served parts' record, a publish's pages. */
type PlanInputs = {
  content: ContentStore;
  previous: PartsRecord | undefined;
  changed: string[] | undefined;
  prints: (paths: string[]) => string;
};

/**
 * Pages to index again: the publish's, the fresh part's, and any page no part holds (a story that was
 * scheduled is in no part until the first publish after its time).
 */
function pendingPages(
  locale: Locale,
  before: ScriptRecord | undefined,
  current: Set<string>,
  changed: string[] | undefined,
): string[] {
  const indexed = new Set([
    ...Object.values(before?.parts ?? {}).flatMap((p) => Object.keys(p.ids)),
    ...(before?.fresh?.paths ?? []),
  ]);
  const changedHere = new Set(changed?.filter((p) => p.startsWith(`/${locale}/`)));
  return [
    ...new Set([...(before?.fresh?.paths ?? []), ...changedHere, ...[...current].filter((p) => !indexed.has(p))]),
  ];
}

/** What one script's run indexes, and its record with the parts it keeps as they are. */
function planScript(
  locale: Locale,
  { content, previous, changed, prints }: PlanInputs,
): { plan: Plan; script: ScriptRecord } {
  const articles = content.articles({ locale });
  const current = new Set(articles.map((a) => a.path));
  const layout = searchParts(articles);
  // A record written before fresh parts existed has no `parts`: every part is indexed again.
  const before = previous?.[locale]?.parts ? previous[locale] : undefined;
  const fresh = pendingPages(locale, before, current, changed)
    .filter((p) => current.has(p))
    .sort();
  if (changed && before && fresh.length <= freshLimit) {
    // Only the fresh part changes; when its pages are the same as before, nothing does.
    const same = before.fresh !== undefined && prints(fresh) === before.fresh.prints;
    const freshPart = fresh.length > 0 && !same ? { key: 'fresh', paths: fresh } : undefined;
    return {
      script: { parts: before.parts, ...(same ? { fresh: before.fresh } : {}) },
      plan: {
        locale,
        parts: freshPart ? [freshPart] : [],
        current,
        layout: Object.keys(before.parts).sort().reverse(),
        fresh: freshPart,
      },
    };
  }
  // Every part whose pages or their text changed (or were never indexed) is indexed again, and the
  // fresh part empties.
  const script: ScriptRecord = { parts: {} };
  const parts = layout.filter((part) => {
    const kept = before?.parts[part.key];
    const keep = kept && kept.prints === prints(part.paths);
    if (keep) script.parts[part.key] = kept;
    return !keep;
  });
  return { script, plan: { locale, parts, current, layout: layout.map((p) => p.key) } };
}

/**
 * Runs a job in a child process (`entry --job FILE`) and reads back its result. The job goes to the
 * child in a file: a publish may change thousands of pages.
 */
function indexInChild(entry: string, { locale, version, parts }: Job): Promise<JobResult> {
  return new Promise<JobResult>((resolve, reject) => {
    if (parts.length === 0) return resolve({});
    const jobFile = path.join(os.tmpdir(), `search-job-${process.pid}-${locale}.json`);
    writeFileSync(jobFile, JSON.stringify({ locale, version, parts } satisfies Job));
    const child = spawn(process.execPath, [...process.execArgv, entry, '--job', jobFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(jobFile, { force: true });
      const line = output.split('\n').find((l) => l.startsWith(resultPrefix));
      if (code !== 0 || !line) return reject(new Error(`Indexing ${locale} for search failed (exit ${code}).`));
      resolve(JSON.parse(line.slice(resultPrefix.length)) as JobResult);
    });
  });
}

/** Records the parts a script's run indexed: each one's URL, prints and page ids. */
function recordIndexed(
  script: ScriptRecord,
  { locale, parts, fresh }: Plan,
  ids: JobResult,
  version: string,
  prints: (paths: string[]) => string,
) {
  for (const part of parts) {
    const entry = {
      url: searchPartUrl(version, locale, part.key),
      prints: prints(part.paths),
      ids: ids[part.key] ?? {},
    };
    if (part === fresh) script.fresh = { ...entry, paths: part.paths };
    else script.parts[part.key] = entry;
  }
}

/** One script's manifest entry: its parts (the fresh one first), the page ids to hide, the query conversion. */
function manifestEntry(
  script: ScriptRecord,
  { locale, current, layout }: Plan,
  glossary: ReturnType<typeof readGlossary>,
): SearchManifest[Locale] {
  // Older copies of the fresh part's pages, and pages gone, are hidden from results; a page the
  // same in both parts has the same id, and stays.
  const freshPaths = new Set(script.fresh?.paths);
  const freshIds = new Set(Object.values(script.fresh?.ids ?? {}));
  const hidden = Object.values(script.parts).flatMap((part) =>
    Object.entries(part.ids).flatMap(([pagePath, id]) =>
      (!current.has(pagePath) || freshPaths.has(pagePath)) && !freshIds.has(id) ? [id] : [],
    ),
  );
  const urls = layout.flatMap((key) => (script.parts[key] ? [script.parts[key].url] : []));
  return {
    parts: script.fresh ? [script.fresh.url, ...urls] : urls,
    hidden: [...new Set(hidden)].sort(),
    conversion: queryConversion(locale, glossary),
  };
}

/**
 * The version folders a manifest names (one written before fresh parts existed lists each script's
 * part URLs alone).
 */
const manifestVersions = (m: Record<string, { parts: string[] } | string[]> | undefined) =>
  Object.values(m ?? {}).flatMap((script) => (Array.isArray(script) ? script : script.parts).map(versionOf));

/**
 * Writes the parts record and swaps the manifest in; keeps the versions the old manifest named, for
 * searches begun before the swap, and drops older ones.
 */
function writeManifest(record: PartsRecord, manifest: SearchManifest) {
  const kept = new Set([...manifestVersions(manifest), ...manifestVersions(readJson(searchManifestFile))]);
  mkdirSync(searchBundleDir, { recursive: true });
  writeAtomically(partsRecordFile, JSON.stringify(record));
  writeAtomically(searchManifestFile, JSON.stringify(manifest));
  for (const name of readdirSync(searchBundleDir)) {
    const isVersion = !name.includes('.');
    if (isVersion && !kept.has(name)) rmSync(path.join(searchBundleDir, name), { recursive: true, force: true });
  }
}

/** Prints what the run indexed, and what each script's manifest now lists. */
function logSummary(plans: Plan[], record: PartsRecord, manifest: SearchManifest, started: number) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const indexed = plans.reduce((n, p) => n + p.parts.reduce((m, part) => m + part.paths.length, 0), 0);
  const rebuilt = plans.reduce((n, p) => n + p.parts.length, 0);
  const summary = plans.map(({ locale }) => {
    const m = manifest[locale];
    return `${locale}: ${m.parts.length} part(s)${record[locale]?.fresh ? `, ${record[locale].fresh.paths.length} page(s) in the fresh part` : ''}${m.hidden.length ? `, ${m.hidden.length} hidden` : ''}`;
  });
  console.log(
    `Search index: ${indexed} article pages indexed in ${rebuilt} part(s) (${summary.join('; ')}), ${seconds} s.`,
  );
}

/**
 * Indexes both scripts, each in its own process (a pagefind service indexes on one core), side by
 * side: `entry` is the command-line script that runs indexScriptForParent for `--job FILE`.
 *
 * A build indexes every part whose pages or their text changed since it was written (after a fresh
 * clone with the content cache kept, none). A publish adds the pages it changed to the fresh part and indexes
 * that part alone, a few hundred pages at most: the search page merges it with the others and hides
 * the older copies the others hold of its pages (by page id), and of pages gone. Once the fresh part
 * would pass SEARCH_FRESH_LIMIT pages (default 200), the publish indexes again the parts its pages
 * belong to instead, and the fresh part starts empty. Parts are written to a new version folder; the
 * manifest is then swapped in one rename; version folders neither it nor the one before names are
 * deleted.
 */
export async function writeSearchIndex(entry: string, { changed }: SearchIndexOptions = {}): Promise<void> {
  const started = performance.now();
  const version = Date.now().toString(36);
  const previous = readJson<PartsRecord>(partsRecordFile);
  const record: PartsRecord = {};
  const content = contentStore();
  const fingerprints = searchFingerprints(content);
  const renderer = rendererKey();
  const prints = (paths: string[]) => partPrints(renderer, fingerprints, paths);

  const plans: Plan[] = locales.map((locale) => {
    const { plan, script } = planScript(locale, { content, previous, changed, prints });
    record[locale] = script;
    return plan;
  });
  const results = await Promise.all(plans.map(({ locale, parts }) => indexInChild(entry, { locale, version, parts })));

  const manifest = {} as SearchManifest;
  const glossary = readGlossary();
  plans.forEach((plan, i) => {
    const script = record[plan.locale]!;
    recordIndexed(script, plan, results[i]!, version, prints);
    manifest[plan.locale] = manifestEntry(script, plan, glossary);
  });
  writeManifest(record, manifest);
  // Earlier versions indexed the served pages and kept a copy of each here.
  rmSync(path.join(contentOutDir, 'search-pages'), { recursive: true, force: true });
  logSummary(plans, record, manifest, started);
}

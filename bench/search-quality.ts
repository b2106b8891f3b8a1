// Recall and precision of the site's search on a query set of its own (bench/search-queries.ts),
// against pagefind as it comes (its own word cutting, the query as typed): printed by
// `npm run bench:search` (bench/search.ts) and held by tests/search-quality.test.ts.
//
// Both indexes are built here from the content index (run `npm run content` first), into a
// throwaway folder: "site" is what pipeline/search-index.tsx writes and lib/search-engine.ts
// searches, as the search page does; "stock" is the same documents without the Han spacing,
// searched with the query as typed. The expected results come from the articles' own text: a page
// is expected when it contains every word of the query (Latin words whole), as typed or converted
// from the other script by the build's converter. Searches run in Chromium, through pagefind's
// browser code. Prints a table per kind of query, and the figures of both.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import * as pagefind from 'pagefind';
import { locales, otherLocale, type Locale } from '@/i18n/locales';
import { contentStore, type ContentStore } from '@/lib/content-store';
import { findArticles, type PagefindSearch } from '@/lib/search-engine';
import { mayNeedConversion } from '@/lib/search-convert';
import { normalizeQuery, queryTerms, unspaceHan } from '@/lib/search-text';
import hans from '@/messages/zh-Hans.json';
import hant from '@/messages/zh-Hant.json';
import { createConverter } from '../pipeline/convert';
import { searchDocumentHtml } from '../pipeline/search-index';
import { queryConversion, readGlossary } from '../pipeline/search-conversion';
import { chromiumArgs, chromiumPath } from './chromium';
import { searchQueries } from './search-queries';

export type Tally = {
  queries: number;
  expected: number;
  found: number;
  right: number;
  wrongOnNothing: number;
  ms: number[];
};
export type SearchQuality = {
  pages: Record<Locale, number>;
  rows: Map<string, { site: Tally; stock: Tally }>;
  size: { site: number; stock: number };
  /** Searches where the site's results differ from what the text holds. */
  misses: string[];
};

type Doc = { path: string; html: string; text: string };
type Docs = Map<Locale, Doc[]>;
type SearchIn = (
  bundle: string,
) => (
  query: string,
  filters: Record<string, string>,
) => Promise<{ id: string; score: number; words: number[]; url: string }[]>;

/** Every article of each script as the search indexes it, with its plain text to find the expected results in. */
function searchDocuments(content: ContentStore): Docs {
  const docs: Docs = new Map();
  for (const locale of locales) {
    const { Article } = { 'zh-Hant': hant, 'zh-Hans': hans }[locale];
    const labels = { sponsored: Article.sponsoredLabel, playVideo: Article.playVideo };
    docs.set(
      locale,
      content.articles({ locale }).map((a) => {
        const html = searchDocumentHtml(content, locale, a.path, labels);
        const text = unspaceHan(html.replace(/<[^>]*>/g, ' '))
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#x27;/g, "'");
        return { path: a.path, html, text };
      }),
    );
  }
  return docs;
}

const bytes = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce(
    (n, f) => n + (statSync(path.join(dir, f)).isFile() ? statSync(path.join(dir, f)).size : 0),
    0,
  );

/** Both indexes ("site" and "stock") of both scripts under `work`, and their sizes in bytes. */
async function writeIndexes(work: string, docs: Docs): Promise<{ site: number; stock: number }> {
  const size = { site: 0, stock: 0 };
  for (const kind of ['site', 'stock'] as const) {
    for (const locale of locales) {
      const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
      for (const doc of docs.get(locale)!) {
        const html =
          kind === 'site'
            ? doc.html
            : doc.html.replace(
                /(<[^>]*>)|([^<]+)/g,
                (_, tag: string | undefined, text: string | undefined) => tag ?? unspaceHan(text!),
              );
        await index!.addHTMLFile({ url: doc.path, content: html });
      }
      const outputPath = path.join(work, kind, locale);
      await index!.writeFiles({ outputPath });
      size[kind] += bytes(outputPath);
    }
  }
  await pagefind.close();
  return size;
}

/** A pagefind search in the page, through the bundle it names, with each result's URL. */
function searchInPage(page: Page): SearchIn {
  // Written as a string: the test runner rewrites import() in functions it compiles.
  const inPage = `async ([bundle, query, filters]) => {
    window.__pagefind ??= {};
    window.__pagefind[bundle] ??= await import('/' + bundle + '/pagefind.js');
    const { results } = await window.__pagefind[bundle].search(query, { filters });
    return Promise.all(results.map(async (r) => ({ id: r.id, score: r.score, words: r.words, url: (await r.data()).url })));
  }`;
  return (bundle) => async (query, filters) =>
    (await page.evaluate(`(${inPage})(${JSON.stringify([bundle, query, filters])})`)) as Awaited<
      ReturnType<ReturnType<SearchIn>>
    >;
}

/** The pages that contain every word of one of the query's forms. */
function expected(docs: Docs, locale: Locale, forms: string[]): Set<string> {
  const found = new Set<string>();
  for (const doc of docs.get(locale)!) {
    const text = doc.text.toLowerCase();
    for (const form of forms) {
      const terms = queryTerms(form);
      const whole = (t: string) =>
        /\p{Script=Han}/u.test(t)
          ? text.includes(t)
          : new RegExp(`(?<![\\p{L}\\p{N}])${t}(?![\\p{L}\\p{N}])`, 'u').test(text);
      if (terms.length > 0 && terms.every(whole)) found.add(doc.path);
    }
  }
  return found;
}

const tally = (): Tally => ({ queries: 0, expected: 0, found: 0, right: 0, wrongOnNothing: 0, ms: [] as number[] });

type QueryContext = {
  docs: Docs;
  searchIn: SearchIn;
  glossary: ReturnType<typeof readGlossary>;
  converter: ReturnType<typeof createConverter>;
  misses: string[];
};

/** One query in one script, through the site's search and stock pagefind, counted into `row`. */
async function runQuery(
  { docs, searchIn, glossary, converter, misses }: QueryContext,
  row: { site: Tally; stock: Tally },
  query: string,
  locale: Locale,
) {
  const q = normalizeQuery(query);
  const conversion = queryConversion(locale, glossary);
  const forms = mayNeedConversion(q, locale, conversion)
    ? [...new Set([q, normalizeQuery(converter.convert(q, otherLocale(locale)))])]
    : [q];
  const want = expected(docs, locale, forms);
  const siteSearch = searchIn(`site/${locale}`);
  const search: PagefindSearch = async (text, filters) =>
    (await siteSearch(text, filters)).map((r) => ({
      ...r,
      data: async () => ({ url: r.url, content: '', meta: {} }),
    }));
  let started = performance.now();
  const ours = (await findArticles(search, forms)).results;
  const oursMs = performance.now() - started;
  const oursUrls = new Set(await Promise.all(ours.map(async (r) => (await r.data()).url)));
  started = performance.now();
  const stockUrls = new Set((await searchIn(`stock/${locale}`)(q, {})).map((r) => r.url));
  const stockMs = performance.now() - started;
  for (const [which, got, ms] of [
    ['site', oursUrls, oursMs],
    ['stock', stockUrls, stockMs],
  ] as const) {
    const t = row[which];
    t.queries++;
    t.expected += want.size;
    t.found += got.size;
    t.right += [...got].filter((u) => want.has(u)).length;
    if (want.size === 0) t.wrongOnNothing += got.size;
    t.ms.push(ms);
    if (which === 'site' && (got.size !== want.size || [...got].some((u) => !want.has(u))))
      misses.push(
        `${locale} ${query}: expected ${[...want].join(' ') || 'nothing'}; found ${[...got].join(' ') || 'nothing'}`,
      );
  }
}

/** Builds both indexes of the content index, runs the query set in Chromium, and counts. */
export async function measureSearch(): Promise<SearchQuality> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const content = contentStore();
  const glossary = readGlossary();
  const docs = searchDocuments(content);
  const size = await writeIndexes(work, docs);

  const { origin, close } = await serveFiles((urlPath) => path.join(work, urlPath));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage();
  await page.goto(`${origin}/`);

  const context: QueryContext = {
    docs,
    searchIn: searchInPage(page),
    glossary,
    converter: createConverter(glossary),
    misses: [],
  };
  const rows = new Map<string, { site: Tally; stock: Tally }>();
  for (const { kind, queries } of searchQueries) {
    const row = { site: tally(), stock: tally() };
    rows.set(kind, row);
    for (const query of queries) for (const locale of locales) await runQuery(context, row, query, locale);
  }
  await browser.close();
  close();
  rmSync(work, { recursive: true, force: true });

  return {
    pages: { 'zh-Hant': docs.get('zh-Hant')!.length, 'zh-Hans': docs.get('zh-Hans')!.length },
    rows,
    size,
    misses: context.misses,
  };
}

/**
 * A blank page and the files `fileFor` maps each URL path to, on a free local port: enough for
 * pagefind's browser code, which needs an origin to fetch its index from.
 */
export async function serveFiles(fileFor: (urlPath: string) => string): Promise<{ origin: string; close: () => void }> {
  const server = http
    .createServer((req, res) => {
      const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (urlPath === '/') return res.end('<!doctype html><meta charset="utf-8"><title>bench</title>');
      try {
        res.setHeader('content-type', urlPath.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(fileFor(urlPath)));
      } catch {
        res.statusCode = 404;
        res.end();
      }
    })
    .listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}

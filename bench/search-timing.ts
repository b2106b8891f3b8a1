// `npm run bench:search -- --bundle DIR`: how long the search page's queries take on a built search
// index (its manifest, every part merged as the search page merges them), in Chromium: the query set
// of bench/search-queries.ts (as typed: no conversion) through lib/search-engine.ts, driven from
// Node (each pagefind call one round trip to the page, so the times are a little long), each query
// timed from its first search to the data of the first ten results, as the page shows them. For a large corpus:
// `npm run bench:build` leaves one, or point SEARCH_BUNDLE_DIR's output here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { locales } from '@/i18n/locales';
import type { SearchManifest } from '@/lib/search';
import { findArticles, type PagefindResultData, type PagefindSearch } from '@/lib/search-engine';
import { normalizeQuery } from '@/lib/search-text';
import { chromiumArgs, chromiumPath } from './chromium';
import { serveFiles } from './search-quality';
import { searchQueries } from './search-queries';

export async function timeSearch(bundleDir: string) {
  const manifest = JSON.parse(readFileSync(path.join(bundleDir, 'manifest.json'), 'utf8')) as SearchManifest;
  const { origin, close } = await serveFiles((urlPath) => path.join(bundleDir, urlPath.replace(/^\/pagefind\//, '')));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const rows: { locale: string; query: string; ms: number; results: number }[] = [];
  const loads: Record<string, number> = {};
  for (const locale of locales) {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const started = Date.now();
    await page.evaluate(`(async () => {
      const [first, ...rest] = ${JSON.stringify(manifest[locale].parts)};
      window.pf = await import(first + 'pagefind.js');
      for (const url of rest) await window.pf.mergeIndex(url);
      await window.pf.search('"暖 身"');
    })()`);
    loads[locale] = Date.now() - started;
    // Written as strings: the test runner rewrites import() in functions it compiles.
    const search: PagefindSearch = async (query, filters) => {
      const found = (await page.evaluate(`(async () => {
        const { results } = await window.pf.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)}, sort: { date: 'desc' } });
        window.kept ??= {};
        for (const r of results) window.kept[r.id] = r;
        return results.map((r) => ({ id: r.id, score: r.score, words: r.words.length }));
      })()`)) as { id: string; score: number; words: number }[];
      // Only the number of matched words crosses to Node: the engine counts them, and 10,000 results'
      // positions would time the copying rather than the search.
      return found.map((r) => ({
        ...r,
        words: new Array<number>(r.words).fill(0),
        data: async () => (await page.evaluate(`window.kept[${JSON.stringify(r.id)}].data()`)) as PagefindResultData,
      }));
    };
    for (const { queries } of searchQueries) {
      for (const query of queries) {
        const t0 = performance.now();
        const { results } = await findArticles(search, [normalizeQuery(query)], {
          hidden: new Set(manifest[locale].hidden),
        });
        await Promise.all(results.slice(0, 10).map((r) => r.data()));
        rows.push({ locale, query, ms: performance.now() - t0, results: results.length });
      }
    }
    await page.close();
  }
  await browser.close();
  close();
  return { rows, loads };
}

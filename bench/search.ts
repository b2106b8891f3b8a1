// `npm run bench:search`: the search's recall and precision on the query set, against pagefind
// as it comes, per kind of query (bench/search-quality.ts). BENCH_STRICT=1 fails on any miss.
// `npm run bench:search -- --bundle DIR` times the query set on a built index instead
// (bench/search-timing.ts), such as the one `npm run bench:build` writes for 10,000 stories.
import { parseArgs } from 'node:util';
import { measureSearch, type Tally } from './search-quality';
import { timeSearch } from './search-timing';

const { values } = parseArgs({ options: { bundle: { type: 'string' } } });
if (values.bundle) {
  const { rows, loads } = await timeSearch(values.bundle);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  for (const locale of Object.keys(loads)) {
    const mine = rows.filter((r) => r.locale === locale);
    const ms = sorted(mine.map((r) => r.ms));
    console.log(
      `${locale}: loading every part and a first search ${loads[locale]} ms; ${mine.length} queries, median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, ` +
        `90th percentile ${ms[Math.floor(ms.length * 0.9)]!.toFixed(1)} ms, slowest ${ms.at(-1)!.toFixed(1)} ms`,
    );
    console.log(`  results: ${mine.map((r) => `${r.query} ${r.results}`).join(', ')}`);
  }
  process.exit(0);
}

const { pages, rows, size, misses } = await measureSearch();
const tally = (): Tally => ({ queries: 0, expected: 0, found: 0, right: 0, wrongOnNothing: 0, ms: [] });
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const total = { site: tally(), stock: tally() };
console.log(
  `Search on ${pages['zh-Hant']} + ${pages['zh-Hans']} article pages; queries searched on both scripts' sites.`,
);
console.log(
  '| kind | searches | expected hits | site: recall | site: precision | stock pagefind: recall | stock: precision |',
);
console.log('|---|---|---|---|---|---|---|');
for (const [kind, { site, stock }] of rows) {
  for (const which of ['site', 'stock'] as const) {
    const t = total[which];
    const r = { site, stock }[which];
    t.queries += r.queries;
    t.expected += r.expected;
    t.found += r.found;
    t.right += r.right;
    t.wrongOnNothing += r.wrongOnNothing;
    t.ms.push(...r.ms);
  }
  const extra =
    kind === 'must find nothing' ? ` (found: site ${site.wrongOnNothing}, stock ${stock.wrongOnNothing})` : '';
  console.log(
    `| ${kind}${extra} | ${site.queries} | ${site.expected} | ${pct(site.right, site.expected)} | ${pct(site.right, site.found)} | ${pct(stock.right, stock.expected)} | ${pct(stock.right, stock.found)} |`,
  );
}
console.log(
  `| all | ${total.site.queries} | ${total.site.expected} | ${pct(total.site.right, total.site.expected)} | ${pct(total.site.right, total.site.found)} | ${pct(total.stock.right, total.stock.expected)} | ${pct(total.stock.right, total.stock.found)} |`,
);
console.log(
  `Median time per query in the browser: site ${median(total.site.ms).toFixed(1)} ms (a phrase search for each word, and one for the words together), stock ${median(total.stock.ms).toFixed(1)} ms.`,
);
console.log(
  `Index size, both scripts: site ${(size.site / 1024).toFixed(0)} KiB, stock ${(size.stock / 1024).toFixed(0)} KiB.`,
);
if (misses.length) console.log(`\nWhere the site's search differs from the text:\n${misses.join('\n')}`);
process.exitCode = misses.length > 0 && process.env.BENCH_STRICT === '1' ? 1 : 0;
process.exitCode = misses.length > 0 && process.env.BENCH_STRICT === '1' ? 1 : 0;

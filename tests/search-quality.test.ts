import { expect, it } from 'vitest';
import { measureSearch } from '../bench/search-quality';

// The query set of bench/search-queries.ts, searched through pagefind's browser code in Chromium
// on indexes built from the content index (`npm run content` first, as npm test does). The site's
// search must find exactly what the articles' text holds; pagefind as it comes (its own word
// cutting) loses words inside longer ones, and the set must see that: it is how a version of
// pagefind that loses Chinese recall would show.
it('finds every page holding the query, and nothing else, on both scripts', { timeout: 180_000 }, async () => {
  const { rows, misses } = await measureSearch();
  expect(misses).toEqual([]);
  let expected = 0;
  let stockRight = 0;
  for (const [kind, { site, stock }] of rows) {
    expected += site.expected;
    stockRight += stock.right;
    if (kind === 'must find nothing') expect(site.found, kind).toBe(0);
    else expect(site.right, kind).toBe(site.expected);
  }
  expect(expected).toBeGreaterThan(100);
  expect(stockRight, 'the set catches what pagefind’s own word cutting misses').toBeLessThan(expected);
});

import { looseQuery, phraseQuery, queryTerms } from './search-text';

// What the search page asks of pagefind, and how it orders what comes back. Shared by the page
// (components/search/search-box.tsx) and the search benchmark (bench/search.ts), so that what is
// measured is what readers get.

/** What pagefind knows of one result once loaded. */
export type PagefindResultData = { url: string; content: string; meta: Record<string, string | undefined> };
/** One pagefind result: `words` are the positions of the words that matched. */
export type PagefindResult = { id: string; score: number; words: number[]; data: () => Promise<PagefindResultData> };
/** One pagefind search, with the filters (section, tag) every result must have. */
export type PagefindSearch = (query: string, filters: Record<string, string>) => Promise<PagefindResult[]>;

export type FindOptions = {
  /** Filter name to value: each result must have it. */
  filters?: Record<string, string>;
  /** Result ids to leave out: older copies of re-indexed pages, and pages gone. */
  hidden?: ReadonlySet<string>;
};

/** The results of a query, best first, and the words they were found by (for marking excerpts). */
export type Found = { results: PagefindResult[]; terms: string[] };

type Ranked = { result: PagefindResult; together: boolean; score: number };

/**
 * Finds the articles holding every word of the query, in any of its forms (the query as typed, and
 * converted from the other script): each word must appear whole; pages where the words stand
 * together in the order typed come first, then by pagefind's relevance (which weighs headlines).
 */
export async function findArticles(search: PagefindSearch, forms: readonly string[], { filters = {}, hidden = new Set() }: FindOptions = {}): Promise<Found> {
  const ranked = new Map<string, Ranked>();
  const allTerms = new Set<string>();
  for (const form of new Set(forms)) {
    const terms = queryTerms(form);
    if (terms.length === 0) continue;
    terms.forEach((t) => allTerms.add(t));
    const [each, together, loose] = await Promise.all([
      Promise.all(terms.map((t) => search(phraseQuery([t]), filters))),
      terms.length > 1 ? search(phraseQuery(terms), filters) : Promise.resolve(undefined),
      search(looseQuery(terms), filters),
    ]);
    // Every word must be there: the pages each word's phrase search found, all of them.
    const [first, ...rest] = each;
    const restIds = rest.map((results) => new Set(results.map((r) => r.id)));
    const togetherIds = new Set((together ?? first ?? []).map((r) => r.id));
    const scores = new Map(loose.map((r) => [r.id, r.score]));
    for (const result of first ?? []) {
      if (hidden.has(result.id) || !restIds.every((ids) => ids.has(result.id))) continue;
      const candidate = { result, together: togetherIds.has(result.id), score: scores.get(result.id) ?? 0 };
      const known = ranked.get(result.id);
      if (!known || better(candidate, known)) ranked.set(result.id, candidate);
    }
  }
  const results = [...ranked.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).map((r) => r.result);
  return { results, terms: [...allTerms] };
}

const better = (a: Ranked, b: Ranked) => (a.together !== b.together ? a.together : a.score > b.score);

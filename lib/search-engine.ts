import { phraseQuery, queryTerms } from './search-text';

// What the search page asks of pagefind, and how it orders what comes back. Shared by the page
// (components/search/search-box.tsx) and the search benchmark (bench/search.ts), so that what is
// measured is what readers get.

/** What pagefind knows of one result once loaded. */
export type PagefindResultData = { url: string; content: string; meta: Record<string, string | undefined> };
/** One pagefind result: `words` are the positions of the words that matched. */
export type PagefindResult = { id: string; score: number; words: number[]; data: () => Promise<PagefindResultData> };
/** One pagefind search, with the filters (section, tag) every result must have, newest first. */
export type PagefindSearch = (query: string, filters: Record<string, string>) => Promise<PagefindResult[]>;

export type FindOptions = {
  /** Filter name to value: each result must have it. */
  filters?: Record<string, string>;
  /** Result ids to leave out: older copies of re-indexed pages, and pages gone. */
  hidden?: ReadonlySet<string>;
};

/** The results of a query, best first, and the words they were found by (for marking excerpts). */
export type Found = { results: PagefindResult[]; terms: string[] };

type Ranked = { result: PagefindResult; together: boolean; score: number; order: number };

/**
 * Finds the articles holding every word of the query, in any of its forms (the query as typed, and
 * converted from the other script): each word must appear whole. Pages where the words stand
 * together in the order typed come first, then pages that say them most often, then the newest.
 * Pagefind's own relevance score would need a search of every character on its own: on 10,000
 * stories that took 1.2 to 1.9 s for a common word, against 0.2 to 0.6 s for the phrase searches.
 */
export async function findArticles(
  search: PagefindSearch,
  forms: readonly string[],
  { filters = {}, hidden = new Set() }: FindOptions = {},
): Promise<Found> {
  const ranked = new Map<string, Ranked>();
  const allTerms = new Set<string>();
  for (const form of new Set(forms)) {
    const terms = queryTerms(form);
    if (terms.length === 0) continue;
    terms.forEach((t) => allTerms.add(t));
    const [each, together] = await Promise.all([
      Promise.all(terms.map((t) => search(phraseQuery([t]), filters))),
      terms.length > 1 ? search(phraseQuery(terms), filters) : Promise.resolve(undefined),
    ]);
    // Every word must be there: the pages each word's phrase search found, all of them. A page's
    // score is how many words of the query it holds, counted in index words (characters).
    const [first, ...rest] = each;
    const restWords = rest.map((results) => new Map(results.map((r) => [r.id, r.words.length])));
    const togetherIds = new Set((together ?? first ?? []).map((r) => r.id));
    for (const [order, result] of (first ?? []).entries()) {
      if (hidden.has(result.id) || !restWords.every((words) => words.has(result.id))) continue;
      const score = restWords.reduce((n, words) => n + words.get(result.id)!, result.words.length);
      const candidate = { result, together: togetherIds.has(result.id), score, order };
      const known = ranked.get(result.id);
      if (!known || better(candidate, known)) ranked.set(result.id, candidate);
    }
  }
  const results = [...ranked.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).map((r) => r.result);
  return { results, terms: [...allTerms] };
}

const better = (a: Ranked, b: Ranked) =>
  a.together !== b.together ? a.together : a.score !== b.score ? a.score > b.score : a.order < b.order;

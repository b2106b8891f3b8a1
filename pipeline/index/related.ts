import { locales } from '@/i18n/locales';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';

/** How many related articles each article shows. */
export const RELATED_COUNT = 3;

export type Candidate = Pick<ArticleSummary, 'slug' | 'tagSlugs' | 'sectionSlug' | 'publishedAt' | 'sponsor'> &
  Partial<Pick<ArticleSummary, 'furtherReading'>>;

// Publication times are ISO instants in one format, so comparing the strings orders them in time,
// and much faster than a locale-aware comparison in a sort run for every article.
const newestFirst = (a: Candidate, b: Candidate) =>
  a.publishedAt === b.publishedAt ? a.slug.localeCompare(b.slug) : a.publishedAt < b.publishedAt ? 1 : -1;

/** Whether `a` comes before `b` in the order the related choice uses (time, then slug). */
export const isEarlier = (a: Candidate, b: Candidate) => newestFirst(a, b) > 0;

/**
 * How many candidates came before an article, in all and with one of its tags: what weighs a shared
 * tag. By default counted in the pool; a publish, which loads only the candidates that can be
 * chosen (pipeline/index/related-pool.ts), counts the archive's in the store.
 */
export type EarlierCounts = {
  all: (article: Candidate) => number;
  withTag: (article: Candidate, tag: string) => number;
};

/**
 * Related articles for every article of one script, chosen among the articles published before it:
 * the pieces a reader of the story could have read then. Articles that share tags come first, each
 * shared tag weighted by how rare it was among those earlier articles (a tag on two articles says
 * more than a tag on two hundred), then the newer one; the list is topped up from the same section,
 * then from the earlier articles, newest first, and only when those run out (the first stories of an
 * archive) from the articles just after it. So a new story enters no other story's list, and a
 * publish changes the related cards of the story it publishes, not of thousands that came before.
 * Never the article itself, never a piece its editor already put in further reading (the page shows
 * both lists), and never a sponsored piece under an editorial one.
 */
export function relatedArticles(
  articles: Candidate[],
  count = RELATED_COUNT,
  pool: Candidate[] = articles,
  /** Gets the slugs of the articles that took a piece from after them. */
  takingLater?: Set<string>,
  counts?: EarlierCounts,
): Map<string, string[]> {
  // Candidates are numbered by recency (0 is the newest), so that "earlier" is "a larger number", a
  // tie is broken by comparing two numbers, and scores live in one array.
  const newest = [...pool].sort(newestFirst);
  const byTag = new Map<string, number[]>();
  const newestInSection = new Map<string, number[]>();
  const group = (key: string, into: Map<string, number[]>, i: number) => {
    const list = into.get(key);
    if (list) list.push(i);
    else into.set(key, [i]);
  };
  newest.forEach((c, i) => {
    for (const tag of c.tagSlugs) group(tag, byTag, i);
    group(c.sectionSlug, newestInSection, i);
  });
  const scores = new Float64Array(newest.length);
  // What the inner loop asks of a candidate, in flat arrays: reading it from each story's object
  // costs a cache miss per candidate, most of the step's time at 50,000 stories.
  const sponsored = Uint8Array.from(newest, (c) => (c.sponsor === undefined ? 0 : 1));
  const numberOf = new Map(newest.map((c, i) => [c.slug, i]));

  const result = new Map<string, string[]>();
  for (const article of articles) {
    // Candidates numbered above `at` are earlier than the article (it is `at` itself when a candidate).
    const at = placeOf(newest, article);
    const earlierCount = counts?.all(article) ?? newest.length - at - 1;
    const self = numberOf.get(article.slug) ?? -1;
    const shown = new Set(article.furtherReading?.flatMap((slug) => numberOf.get(slug) ?? []));
    const editorial = article.sponsor === undefined;
    const eligible = (i: number) => i !== self && !(editorial && sponsored[i]) && !(shown.size > 0 && shown.has(i));
    const touched: number[] = [];
    for (const tag of article.tagSlugs) {
      const list = byTag.get(tag) ?? [];
      const from = earlierFrom(list, at);
      const w = Math.log(1 + earlierCount / Math.max(1, counts?.withTag(article, tag) ?? list.length - from));
      for (let k = from; k < list.length; k += 1) {
        const i = list[k]!;
        if (!eligible(i)) continue;
        if (scores[i] === 0) touched.push(i);
        scores[i]! += w;
      }
    }
    const best = bestOf(touched, scores, count);
    for (const i of touched) scores[i] = 0;
    const picked = new Set(best);
    const fillFrom = (candidates: Iterable<number>) => {
      for (const i of candidates) {
        if (picked.size >= count) return;
        if (eligible(i)) picked.add(i);
      }
    };
    const section = newestInSection.get(article.sectionSlug) ?? [];
    fillFrom(tail(section, earlierFrom(section, at)));
    fillFrom(range(at + 1, newest.length, 1));
    fillFrom(range(at, -1, -1));
    if ([...picked].some((i) => i < at || (i === at && newest[i]!.slug !== article.slug)))
      takingLater?.add(article.slug);
    result.set(
      article.slug,
      [...picked].map((i) => newest[i]!.slug),
    );
  }
  return result;
}

/** The first position in an ascending list whose number is above `at`: where the earlier ones start. */
function earlierFrom(list: readonly number[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where an article falls among candidates sorted newest first: the last position at or before it. */
function placeOf(newest: readonly Candidate[], article: Candidate): number {
  let low = 0;
  let high = newest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (newestFirst(newest[mid]!, article) <= 0) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The best `count` candidates by score, then recency (the smaller number), in order. */
function bestOf(touched: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  const better = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && i < j);
  for (const i of touched) {
    if (best.length === count && !better(i, best[count - 1]!)) continue;
    let position = best.length;
    while (position > 0 && better(i, best[position - 1]!)) position -= 1;
    best.splice(position, 0, i);
    if (best.length > count) best.pop();
  }
  return best;
}

/** A list's items from `start` on, without copying them (a section lists thousands). */
function* tail(list: readonly number[], start: number) {
  for (let k = start; k < list.length; k += 1) yield list[k]!;
}

/** The numbers from `start` towards `end` (not included), by `step`. */
function* range(start: number, end: number, step: 1 | -1) {
  for (let i = start; step > 0 ? i < end : i > end; i += step) yield i;
}

/**
 * Fills in every article's related pieces (relatedArticles above), within its own script, chosen
 * among the articles published by `now`: a scheduled story is not shown as related before its time
 * (it is, from the next publish on). Separate from buildIndex because only the index step needs
 * them: a content check finds no problem in them. Returns the stories (`locale/slug`) that took a
 * piece published after them (the first of an archive): the store marks them, as a publish must
 * choose theirs again whenever a candidate comes or goes.
 */
export function linkRelated(index: ContentIndex, now: Date): Set<string> {
  const published = (a: { publishedAt: string }) => index.preview || Date.parse(a.publishedAt) <= now.getTime();
  const takingLater = new Set<string>();
  for (const locale of locales) {
    const inLocale = index.articles.filter((a) => a.locale === locale);
    const later = new Set<string>();
    const related = relatedArticles(inLocale, RELATED_COUNT, inLocale.filter(published), later);
    for (const article of inLocale) article.related = related.get(article.slug) ?? [];
    for (const slug of later) takingLater.add(`${locale}/${slug}`);
  }
  return takingLater;
}

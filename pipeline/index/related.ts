import { locales } from '@/i18n/locales';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';

/** How many related articles each article shows. */
const RELATED_COUNT = 3;

type Candidate = Pick<ArticleSummary, 'slug' | 'tagSlugs' | 'sectionSlug' | 'publishedAt' | 'sponsor'> &
  Partial<Pick<ArticleSummary, 'furtherReading'>>;

// Publication times are ISO instants in one format, so comparing the strings orders them in time,
// and much faster than a locale-aware comparison in a sort run for every article.
const newestFirst = (a: Candidate, b: Candidate) =>
  a.publishedAt === b.publishedAt ? a.slug.localeCompare(b.slug) : a.publishedAt < b.publishedAt ? 1 : -1;

/**
 * Related articles for every article of one script, computed once at build. Articles that share
 * tags come first, each shared tag weighted by how rare it is (a tag on two articles says more than
 * a tag on two hundred), then the newer one; the list is topped up from the same section, then from
 * the newest. Never the article itself, never a piece its editor already put in further reading
 * (the page shows both lists), and never a sponsored piece under an editorial one.
 */
export function relatedArticles(
  articles: Candidate[],
  count = RELATED_COUNT,
  pool: Candidate[] = articles,
): Map<string, string[]> {
  // Candidates are numbered by recency (0 is the newest), so that a tie is broken by comparing two
  // numbers, and scores live in one array: a map and a full sort per article took seconds at 20,000.
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
  const weight = (tag: string) => Math.log(1 + pool.length / (byTag.get(tag)?.length ?? 1));
  const scores = new Float64Array(newest.length);
  const everyone = newest.map((_, i) => i);

  const result = new Map<string, string[]>();
  for (const article of articles) {
    const shown = new Set(article.furtherReading);
    const eligible = (i: number) =>
      newest[i]!.slug !== article.slug &&
      !shown.has(newest[i]!.slug) &&
      (article.sponsor !== undefined || newest[i]!.sponsor === undefined);
    const touched: number[] = [];
    for (const tag of article.tagSlugs) {
      const w = weight(tag);
      for (const i of byTag.get(tag) ?? []) {
        if (!eligible(i)) continue;
        if (scores[i] === 0) touched.push(i);
        scores[i]! += w;
      }
    }
    // The best `count` by score, then recency: kept in order in a list no longer than `count`.
    const best: number[] = [];
    const better = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && i < j);
    for (const i of touched) {
      if (best.length === count && !better(i, best[count - 1]!)) continue;
      let at = best.length;
      while (at > 0 && better(i, best[at - 1]!)) at -= 1;
      best.splice(at, 0, i);
      if (best.length > count) best.pop();
    }
    for (const i of touched) scores[i] = 0;
    const picked = new Set(best);
    for (const fill of [newestInSection.get(article.sectionSlug) ?? [], everyone]) {
      for (const i of fill) {
        if (picked.size >= count) break;
        if (eligible(i)) picked.add(i);
      }
    }
    result.set(
      article.slug,
      [...picked].map((i) => newest[i]!.slug),
    );
  }
  return result;
}

/**
 * Fills in every article's related pieces (relatedArticles above), within its own script, chosen
 * among the articles published by `now`: a scheduled story is not shown as related before its time
 * (it is, from the next publish on). Separate from buildIndex because only the index step needs
 * them: a content check finds no problem in them.
 */
export function linkRelated(index: ContentIndex, now: Date): void {
  const published = (a: { publishedAt: string }) => index.preview || Date.parse(a.publishedAt) <= now.getTime();
  for (const locale of locales) {
    const inLocale = index.articles.filter((a) => a.locale === locale);
    const related = relatedArticles(inLocale, RELATED_COUNT, inLocale.filter(published));
    for (const article of inLocale) article.related = related.get(article.slug) ?? [];
  }
}

import { locales } from '@/i18n/locales';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';

/** How many related articles each article shows. */
export const RELATED_COUNT = 3;

type Candidate = Pick<ArticleSummary, 'slug' | 'tagSlugs' | 'sectionSlug' | 'publishedAt' | 'sponsor'>;

// Publication times are ISO instants in one format, so comparing the strings orders them in time,
// and much faster than a locale-aware comparison in a sort run for every article.
const newestFirst = (a: Candidate, b: Candidate) =>
  a.publishedAt === b.publishedAt ? a.slug.localeCompare(b.slug) : a.publishedAt < b.publishedAt ? 1 : -1;

/**
 * Related articles for every article of one script, computed once at build. Articles that share
 * tags come first, each shared tag weighted by how rare it is (a tag on two articles says more than
 * a tag on two hundred), then the newer one; the list is topped up from the same section, then from
 * the newest. Never the article itself, and never a sponsored piece under an editorial one.
 */
export function relatedArticles(articles: Candidate[], count = RELATED_COUNT, pool: Candidate[] = articles): Map<string, string[]> {
  // Grouped once, so that each article looks only at its own tags' and section's articles, not at
  // the whole archive: the step grows with the archive, not with its square.
  const group = (key: string, into: Map<string, Candidate[]>, article: Candidate) => {
    const list = into.get(key);
    if (list) list.push(article);
    else into.set(key, [article]);
  };
  const byTag = new Map<string, Candidate[]>();
  for (const article of pool) for (const tag of article.tagSlugs) group(tag, byTag, article);
  const weight = (tag: string) => Math.log(1 + pool.length / (byTag.get(tag)?.length ?? 1));
  const newest = [...pool].sort(newestFirst);
  const newestInSection = new Map<string, Candidate[]>();
  for (const article of newest) group(article.sectionSlug, newestInSection, article);

  const result = new Map<string, string[]>();
  for (const article of articles) {
    const eligible = (c: Candidate) => c.slug !== article.slug && (article.sponsor !== undefined || c.sponsor === undefined);
    const scores = new Map<Candidate, number>();
    for (const tag of article.tagSlugs) {
      for (const other of byTag.get(tag) ?? []) {
        if (eligible(other)) scores.set(other, (scores.get(other) ?? 0) + weight(tag));
      }
    }
    const ranked = [...scores.entries()]
      .sort(([a, sa], [b, sb]) => sb - sa || newestFirst(a, b))
      .map(([c]) => c);
    const picked = new Set(ranked.slice(0, count));
    for (const fill of [newestInSection.get(article.sectionSlug) ?? [], newest]) {
      for (const c of fill) {
        if (picked.size >= count) break;
        if (eligible(c)) picked.add(c);
      }
    }
    result.set(article.slug, [...picked].map((c) => c.slug));
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

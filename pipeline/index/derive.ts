// Stories written in one script get the other derived by conversion; stories written in both are
// checked to agree on everything that is not prose.
import { localePath, otherLocale, type Locale } from '@/i18n/locales';
import type { ArticleSummary, ContentProblem } from '@/lib/content-model';

/** Converts text written in `from` into the other script; `file` is the story it belongs to (for the report of replacements). */
export type Convert = (text: string, from: Locale, file?: string) => string;

/**
 * Groups the human-written versions by slug. A story written in one script gets the other derived
 * by conversion; a story written in both is checked for agreement on everything that is not prose.
 * Two files claiming the same slug and script are a mistake.
 */
export function derivedVersions(
  articles: ArticleSummary[],
  problems: ContentProblem[],
  convert: Convert,
): ArticleSummary[] {
  const bySlug = new Map<string, ArticleSummary[]>();
  for (const article of articles) bySlug.set(article.slug, [...(bySlug.get(article.slug) ?? []), article]);

  const derived: ArticleSummary[] = [];
  for (const [slug, versions] of bySlug) {
    const byLocale = new Map<Locale, ArticleSummary[]>();
    for (const v of versions) byLocale.set(v.locale, [...(byLocale.get(v.locale) ?? []), v]);
    for (const [locale, same] of byLocale) {
      if (same.length < 2) continue;
      for (const duplicate of same.slice(1)) {
        problems.push({
          file: duplicate.sourceFile,
          message: `文章「${slug}」的 ${locale} 版本重複：${same[0]?.sourceFile} 也是同一篇`,
          fix: '同一個代稱在每種文字只能有一個檔案：刪除其中一個，或替其中一篇換一個代稱',
        });
      }
    }
    const [first, second] = [...byLocale.values()].map((same) => same[0]!);
    if (first && !second) derived.push(derive(first, convert));
    if (first && second) checkPair(first, second, problems);
  }
  return derived;
}

/** The other script of a story, converted from the human-written one. */
function derive(human: ArticleSummary, convert: Convert): ArticleSummary {
  const from = human.locale;
  const locale = otherLocale(from);
  const c = (text: string) => convert(text, from, human.sourceFile);
  return {
    ...human,
    locale,
    path: localePath(locale, `/articles/${human.slug}`),
    title: c(human.title),
    summary: c(human.summary),
    hero: { ...human.hero, alt: c(human.hero.alt), credit: c(human.hero.credit) },
    syndication: human.syndication && { ...human.syndication, partner: c(human.syndication.partner) },
    sponsor: human.sponsor && { ...human.sponsor, name: c(human.sponsor.name) },
    derivedFrom: from,
  };
}

function checkPair(first: ArticleSummary, second: ArticleSummary, problems: ContentProblem[]) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields: [string, (a: ArticleSummary) => unknown][] = [
    ['publishedAt', (a) => a.publishedAt],
    ['updatedAt', (a) => a.updatedAt ?? null],
    ['authors', (a) => a.authorIds],
    ['section', (a) => a.sectionSlug],
    ['tags', (a) => [...a.tagSlugs].sort()],
    ['hero.src', (a) => a.hero.src],
    ['draft', (a) => a.draft],
    ['furtherReading', (a) => a.furtherReading],
    ['featured', (a) => a.featured],
    ['comments', (a) => a.commentsClosed ?? false],
    ['syndication', (a) => a.syndication && [a.syndication.partnerUrl ?? null, a.syndication.originalUrl ?? null]],
    ['sponsor', (a) => a.sponsor && [a.sponsor.url ?? null]],
  ];
  for (const [field, get] of fields) {
    if (!same(get(first), get(second))) {
      problems.push({
        file: second.sourceFile,
        field,
        message: `${field} 與 ${first.sourceFile} 不一致`,
        fix: '同一篇文章的兩個版本，除了文字以外都必須相同：日期、作者、分類、標籤、首圖、草稿、頭條、延伸閱讀、留言開關、合作媒體與廣編企劃',
      });
    }
  }
}

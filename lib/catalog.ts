import { isLocale, localePath, otherLocale, routing, type Locale } from '@/i18n/routing';
import type { GlossaryTerm } from './convert';
import { relatedArticles } from './related';
import type {
  ArticleSummary,
  AuthorInfo,
  ContentIndex,
  ContentProblem,
  Localized,
  TermInfo,
} from './content-model';

type RawLocalized = { hant: string; hans: string };

/** An article as the content compiler hands it over, before any cross-document check. */
export type RawArticle = {
  sourceFile: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt?: string;
  authors: string[];
  section: string;
  tags: string[];
  hero: { src: string; alt: string; credit: string };
  draft?: boolean;
  featured?: boolean;
  syndication?: { partner: string; partnerUrl?: string; originalUrl?: string };
  sponsor?: { name: string; url?: string };
  furtherReading?: string[];
  readingMinutes: number;
};

export type RawTerm = { sourceFile: string; name: RawLocalized; description?: RawLocalized };
export type RawAuthor = { sourceFile: string; name: RawLocalized; role?: RawLocalized; bio?: RawLocalized };

export type CatalogInput = {
  articles: RawArticle[];
  authors: RawAuthor[];
  tags: RawTerm[];
  sections: RawTerm[];
  /** Pixel size of an image under public/, or undefined when there is no such file. */
  imageSize: (src: string) => { width: number; height: number } | undefined;
  /** Preview (npm run dev): drafts and articles dated in the future are included. */
  includeDrafts: boolean;
  /** The build's time: an article dated later is not published yet. */
  now: Date;
  glossary?: { sourceFile: string; terms: GlossaryTerm[] };
  /** Converts text written in one script into the other (lib/convert.ts). */
  convert: (text: string, from: Locale) => string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// articles/<slug>/<locale>.mdx, optionally inside grouping folders such as articles/2026/<slug>/.
const ARTICLE_FILE = /^articles\/(?:[^/]+\/)*?([^/]+)\/([^/]+)\.mdx$/;
const FIGURE_TAG = /<Figure\b[^>]*>/g;
const ATTRIBUTE = /([A-Za-z]+)="([^"]*)"/g;

/** Image paths an MDX body shows with <Figure src="…" />, in order. */
export function figureSources(body: string): string[] {
  return [...body.matchAll(FIGURE_TAG)].flatMap((m) => {
    const src = [...m[0].matchAll(ATTRIBUTE)].find((a) => a[1] === 'src')?.[2];
    return src ? [src] : [];
  });
}
const DATA_FILE = /^(?:authors|tags|sections)\/([^/]+)\.yaml$/;

const localized = (value: RawLocalized): Localized => ({ 'zh-Hant': value.hant, 'zh-Hans': value.hans });
const optionalLocalized = (value: RawLocalized | undefined) => (value ? localized(value) : undefined);


function listNames(names: string[]): string {
  const shown = names.slice(0, 12).join('、');
  return names.length > 12 ? `${shown}…` : shown;
}

/**
 * Checks every article against the authors, tags and sections, and builds the body-free index
 * (related pieces left empty: the index step fills them with linkRelated).
 * Returns every problem found, not only the first: an editor fixes them all in one pass.
 */
export function buildIndex(input: CatalogInput): { index: ContentIndex; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];

  const dataId = (sourceFile: string) => {
    const id = DATA_FILE.exec(sourceFile)?.[1] ?? '';
    if (!SLUG.test(id)) {
      problems.push({
        file: sourceFile,
        message: `檔名「${id}」不是合法的代稱`,
        fix: '檔名只能用小寫英文字母、數字與連字號，例如 e-commerce.yaml',
      });
    }
    return id;
  };

  const authors: AuthorInfo[] = input.authors.map((a) => ({
    id: dataId(a.sourceFile),
    name: localized(a.name),
    role: optionalLocalized(a.role),
    bio: optionalLocalized(a.bio),
  }));
  const toTerms = (raw: RawTerm[]): TermInfo[] =>
    raw.map((t) => ({ slug: dataId(t.sourceFile), name: localized(t.name), description: optionalLocalized(t.description) }));
  const tags = toTerms(input.tags);
  const sections = toTerms(input.sections);

  // Editors write tags and sections by their Chinese name, in either script.
  const byName = (terms: TermInfo[], raw: RawTerm[], kind: string) => {
    const map = new Map<string, string>();
    terms.forEach((term, i) => {
      for (const name of new Set(Object.values(term.name))) {
        const owner = map.get(name);
        if (owner !== undefined && owner !== term.slug) {
          problems.push({
            file: raw[i]?.sourceFile ?? term.slug,
            field: 'name',
            message: `${kind}名稱「${name}」與 ${owner} 重複`,
            fix: `每個${kind}的名稱必須獨一無二，請改名或合併兩個檔案`,
          });
        }
        map.set(name, term.slug);
      }
    });
    return map;
  };
  const tagByName = byName(tags, input.tags, '標籤');
  const sectionByName = byName(sections, input.sections, '分類');
  const authorIds = new Set(authors.map((a) => a.id));

  const articles: ArticleSummary[] = [];
  for (const raw of input.articles) {
    const match = ARTICLE_FILE.exec(raw.sourceFile);
    const slug = match?.[1] ?? '';
    const locale = match?.[2];
    if (!match || !SLUG.test(slug) || !isLocale(locale)) {
      problems.push({
        file: raw.sourceFile,
        message: '文章檔案的位置或檔名不正確',
        fix: '文章必須放在 content/articles/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx；代稱只能用小寫英文字母、數字與連字號',
      });
      continue;
    }
    const problem = (field: string, message: string, fix: string) =>
      problems.push({ file: raw.sourceFile, field, message, fix });
    const namesIn = (terms: TermInfo[]) => terms.map((t) => t.name[locale]);

    const tagSlugs = raw.tags.flatMap((name, i) => {
      const found = tagByName.get(name.trim());
      if (found) return [found];
      problem(`tags[${i}]`, `標籤「${name}」不存在`, `請使用既有標籤（${listNames(namesIn(tags))}），或在 content/tags/ 新增一個 yaml 檔`);
      return [];
    });
    if (raw.tags.length === 0) problem('tags', '文章至少需要一個標籤', '在 tags: 下列出至少一個標籤');
    if (new Set(tagSlugs).size !== tagSlugs.length) problem('tags', '同一個標籤列了兩次', '刪除重複的標籤');

    const sectionSlug = sectionByName.get(raw.section.trim()) ?? '';
    if (!sectionSlug) {
      problem('section', `分類「${raw.section}」不存在`, `請使用既有分類（${listNames(namesIn(sections))}），或在 content/sections/ 新增一個 yaml 檔`);
    }
    if (raw.authors.length === 0) problem('authors', '文章至少需要一位作者', '在 authors: 下列出作者代稱，例如 newsroom');
    for (const [i, id] of raw.authors.entries()) {
      if (!authorIds.has(id)) {
        problem(`authors[${i}]`, `作者「${id}」不存在`, `請使用 content/authors/ 裡的檔名（${listNames([...authorIds])}），或新增作者檔案`);
      }
    }

    const size = input.imageSize(raw.hero.src);
    if (!raw.hero.src.startsWith('/') || !size) {
      problem('hero.src', `找不到首圖「${raw.hero.src}」`, '把圖片放在 public/ 底下，並以 / 開頭填寫路徑，例如 /images/articles/<代稱>/hero.jpg');
    }
    for (const key of ['alt', 'credit'] as const) {
      if (!raw.hero[key].trim()) problem(`hero.${key}`, `首圖的 ${key} 是空的`, key === 'alt' ? '用一句話描述圖片內容，供視障讀者使用' : '填寫圖片來源，例如「圖：觀潮科技」');
    }
    if (raw.updatedAt && raw.updatedAt < raw.publishedAt) {
      problem('updatedAt', '更新時間早於發布時間', '更新時間 updatedAt 必須晚於 publishedAt');
    }

    articles.push({
      locale,
      slug,
      path: localePath(locale, `/articles/${slug}`),
      title: raw.title.trim(),
      summary: raw.summary.trim(),
      publishedAt: raw.publishedAt,
      updatedAt: raw.updatedAt,
      readingMinutes: raw.readingMinutes,
      authorIds: raw.authors,
      tagSlugs,
      sectionSlug,
      hero: { ...raw.hero, width: size?.width ?? 0, height: size?.height ?? 0 },
      draft: raw.draft ?? false,
      featured: raw.featured ?? false,
      syndication: raw.syndication,
      sponsor: raw.sponsor,
      furtherReading: raw.furtherReading ?? [],
      related: [],
      sourceFile: raw.sourceFile,
    });
  }

  checkGlossary(input.glossary, problems);
  const withDerived = [...articles, ...derivedVersions(articles, problems, input.convert)];

  const now = input.now.toISOString();
  const published = withDerived.filter((a) => input.includeDrafts || (!a.draft && a.publishedAt <= now));
  const slugs = new Set(published.map((a) => a.slug));
  for (const article of published.filter((a) => !a.derivedFrom)) {
    for (const [i, target] of article.furtherReading.entries()) {
      if (!slugs.has(target)) {
        problems.push({
          file: article.sourceFile,
          field: `furtherReading[${i}]`,
          message: `延伸閱讀的文章「${target}」不存在${articles.some((a) => a.slug === target) ? '（它還是草稿，或還沒到發布時間）' : ''}`,
          fix: '填寫已發布文章的代稱，也就是 content/articles/ 底下的資料夾名稱',
        });
      }
    }
  }

  published.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug));
  return { index: { articles: published, authors, tags, sections }, problems };
}

/**
 * Fills in every article's related pieces (lib/related.ts), within its own script. Separate from
 * buildIndex because only the index step needs them: a content check finds no problem in them.
 */
export function linkRelated(index: ContentIndex): void {
  for (const locale of routing.locales) {
    const inLocale = index.articles.filter((a) => a.locale === locale);
    const related = relatedArticles(inLocale);
    for (const article of inLocale) article.related = related.get(article.slug) ?? [];
  }
}

/**
 * Groups the human-written versions by slug. A story written in one script gets the other derived
 * by conversion; a story written in both is checked for agreement on everything that is not prose.
 * Two files claiming the same slug and script are a mistake.
 */
function derivedVersions(
  articles: ArticleSummary[],
  problems: ContentProblem[],
  convert: CatalogInput['convert'],
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
function derive(human: ArticleSummary, convert: CatalogInput['convert']): ArticleSummary {
  const from = human.locale;
  const locale = otherLocale(from);
  const c = (text: string) => convert(text, from);
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
    ['syndication', (a) => a.syndication && [a.syndication.partnerUrl ?? null, a.syndication.originalUrl ?? null]],
    ['sponsor', (a) => a.sponsor && [a.sponsor.url ?? null]],
  ];
  for (const [field, get] of fields) {
    if (!same(get(first), get(second))) {
      problems.push({
        file: second.sourceFile,
        field,
        message: `${field} 與 ${first.sourceFile} 不一致`,
        fix: '同一篇文章的兩個版本，除了文字以外都必須相同：日期、作者、分類、標籤、首圖、草稿、頭條、延伸閱讀、合作媒體與廣編企劃',
      });
    }
  }
}

function checkGlossary(glossary: CatalogInput['glossary'], problems: ContentProblem[]) {
  if (!glossary) return;
  const seen = new Map<string, string>();
  glossary.terms.forEach((term, i) => {
    const entry = `第 ${i + 1} 筆`;
    for (const key of ['hant', 'hans'] as const) {
      if (!term[key].trim() || term[key] !== term[key].trim()) {
        problems.push({
          file: glossary.sourceFile,
          field: `terms[${i}].${key}`,
          message: `詞彙表${entry}的 ${key} 是空的，或前後有多餘空白`,
          fix: '每一筆都要寫出 hant（繁體）與 hans（簡體）兩種寫法',
        });
      }
      const other = key === 'hant' ? term.hans : term.hant;
      const earlier = seen.get(`${key}:${term[key]}`);
      if (earlier !== undefined && earlier !== other) {
        problems.push({
          file: glossary.sourceFile,
          field: `terms[${i}].${key}`,
          message: `詞彙表${entry}的「${term[key]}」已經出現過，但對應的寫法不同（${earlier} / ${other}）`,
          fix: '同一個詞只能有一種對應寫法：刪除或合併重複的那一筆',
        });
      }
      seen.set(`${key}:${term[key]}`, other);
    }
  });
}

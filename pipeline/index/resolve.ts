// The index step's first half, also run by the content check: resolves every article's references
// (tags and sections by name, authors, hero image, further reading) against the other files, derives
// the other script of a story written in one, and returns every problem found on the way.
import { fromScriptKeys, isLocale, localePath, type Locale, type Localized } from '@/i18n/locales';
import type { ArticleSummary, AuthorInfo, ContentIndex, ContentProblem, TermInfo } from '@/lib/content-model';
import { DRAFT_HERO_SRC, SLUG_PATTERN } from '../conventions';
import { derivedVersions, type Convert } from './derive';
import { checkGlossary, type GlossaryInput } from './glossary';
import { resolveSitePages, type RawSitePage } from './pages';

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
  comments?: boolean;
  readingMinutes: number;
};

export type RawTerm = { sourceFile: string; name: RawLocalized; description?: RawLocalized };
/** The smallest author photo, in pixels each way: shown at 96 px, sharp on a 2× screen. */
const AUTHOR_PHOTO_MIN = 192;

export type RawAuthor = {
  sourceFile: string;
  name: RawLocalized;
  role?: RawLocalized;
  bio?: RawLocalized;
  photo?: string;
};

const withHash = (hash: string | undefined) => (hash ? { hash } : {});

export type ResolveInput = {
  articles: RawArticle[];
  authors: RawAuthor[];
  tags: RawTerm[];
  sections: RawTerm[];
  /** The site's own pages (pipeline/index/pages.ts). */
  pages?: RawSitePage[];
  /** Pixel size of an image under public/, or undefined when there is no such file. */
  imageSize: (src: string) => { width: number; height: number } | undefined;
  /** A hash of an image's bytes, when known: in the index, a hero replaced in place changes its pages. */
  imageHash?: (src: string) => string | undefined;
  /** Preview (npm run dev): drafts are included, and scheduled articles are shown before their time. */
  includeDrafts: boolean;
  /** The build's time: an article dated later is scheduled, not yet linkable. */
  now: Date;
  glossary?: GlossaryInput;
  /** Converts text written in one script into the other (pipeline/convert.ts). */
  convert: Convert;
  /**
   * Stories not among `articles` (a publish resolves only the changed ones): whether a reader can
   * open one now, or it is written but scheduled; undefined when there is no such story.
   */
  otherStory?: (slug: string) => 'linkable' | 'written' | undefined;
};

// articles/<slug>/<locale>.mdx, optionally inside grouping folders such as articles/2026/<slug>/.
const ARTICLE_FILE = /^articles\/(?:[^/]+\/)*?([^/]+)\/([^/]+)\.mdx$/;
const DATA_FILE = /^(?:authors|tags|sections)\/([^/]+)\.yaml$/;

const optionalLocalized = (value: RawLocalized | undefined): Localized | undefined =>
  value ? fromScriptKeys(value) : undefined;

function listNames(names: string[]): string {
  const shown = names.slice(0, 12).join('、');
  return names.length > 12 ? `${shown}…` : shown;
}

/** A data file's id, its file name: a problem when that is not a valid slug. */
function dataId(sourceFile: string, problems: ContentProblem[]): string {
  const id = DATA_FILE.exec(sourceFile)?.[1] ?? '';
  if (!SLUG_PATTERN.test(id)) {
    problems.push({
      file: sourceFile,
      message: `檔名「${id}」不是合法的代稱`,
      fix: '檔名只能用小寫英文字母、數字與連字號，例如 e-commerce.yaml',
    });
  }
  return id;
}

/** One author as the index shows it; a photo that is missing or too small is a problem. */
function resolveAuthor(a: RawAuthor, input: ResolveInput, problems: ContentProblem[]): AuthorInfo {
  const photo = a.photo?.trim();
  const size = photo?.startsWith('/') ? input.imageSize(photo) : undefined;
  if (photo && !size) {
    problems.push({
      file: a.sourceFile,
      field: 'photo',
      message: `找不到作者照片「${photo}」`,
      fix: '把照片放在 public/ 底下，並以 / 開頭填寫路徑，例如 /images/authors/<代稱>.jpg；沒有照片就刪掉 photo 這一行',
    });
  } else if (photo && size && (size.width < AUTHOR_PHOTO_MIN || size.height < AUTHOR_PHOTO_MIN)) {
    problems.push({
      file: a.sourceFile,
      field: 'photo',
      message: `作者照片只有 ${size.width}×${size.height} 像素`,
      fix: `換一張長寬都至少 ${AUTHOR_PHOTO_MIN} 像素的照片（以臉為中心的正方形最好）`,
    });
  }
  return {
    id: dataId(a.sourceFile, problems),
    name: fromScriptKeys(a.name),
    role: optionalLocalized(a.role),
    bio: optionalLocalized(a.bio),
    ...(photo && size ? { photo: { src: photo, width: size.width, height: size.height } } : {}),
  };
}

/** Tags or sections as the index shows them. */
const toTerms = (raw: RawTerm[], problems: ContentProblem[]): TermInfo[] =>
  raw.map((t) => ({
    slug: dataId(t.sourceFile, problems),
    name: fromScriptKeys(t.name),
    description: optionalLocalized(t.description),
  }));

/** Each term's slug by its name in either script (editors write them so); a name two terms share is a problem. */
function termsByName(terms: TermInfo[], raw: RawTerm[], kind: string, problems: ContentProblem[]) {
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
}

/** What an article's references are checked against, built once for all articles. */
type References = {
  tags: TermInfo[];
  sections: TermInfo[];
  tagByName: Map<string, string>;
  sectionByName: Map<string, string>;
  authorIds: Set<string>;
};

/** Records a problem in one field of the article at hand. */
type ReportProblem = (field: string, message: string, fix: string) => void;

/** The slug and locale an article's path names, or undefined when the path is not where articles go. */
function articleLocation(sourceFile: string): { slug: string; locale: Locale } | undefined {
  const match = ARTICLE_FILE.exec(sourceFile);
  const slug = match?.[1] ?? '';
  const locale = match?.[2];
  if (!match || !SLUG_PATTERN.test(slug) || !isLocale(locale)) return undefined;
  return { slug, locale };
}

/** An article's tag slugs, from the names it lists; an unknown, missing or repeated tag is a problem. */
function resolveTags(raw: RawArticle, locale: Locale, refs: References, problem: ReportProblem): string[] {
  const tagSlugs = raw.tags.flatMap((name, i) => {
    const found = refs.tagByName.get(name.trim());
    if (found) return [found];
    problem(
      `tags[${i}]`,
      `標籤「${name}」不存在`,
      `請使用既有標籤（${listNames(refs.tags.map((t) => t.name[locale]))}），或在 content/tags/ 新增一個 yaml 檔`,
    );
    return [];
  });
  if (raw.tags.length === 0) problem('tags', '文章至少需要一個標籤', '在 tags: 下列出至少一個標籤');
  if (new Set(tagSlugs).size !== tagSlugs.length) problem('tags', '同一個標籤列了兩次', '刪除重複的標籤');
  return tagSlugs;
}

/** An article's section slug, from its name ('' and a problem when there is no such section). */
function resolveSection(raw: RawArticle, locale: Locale, refs: References, problem: ReportProblem): string {
  const sectionSlug = refs.sectionByName.get(raw.section.trim()) ?? '';
  if (!sectionSlug) {
    problem(
      'section',
      `分類「${raw.section}」不存在`,
      `請使用既有分類（${listNames(refs.sections.map((t) => t.name[locale]))}），或在 content/sections/ 新增一個 yaml 檔`,
    );
  }
  return sectionSlug;
}

/** An article needs at least one author, each one with an author file. */
function checkAuthors(raw: RawArticle, authorIds: Set<string>, problem: ReportProblem) {
  if (raw.authors.length === 0) problem('authors', '文章至少需要一位作者', '在 authors: 下列出作者代稱，例如 newsroom');
  for (const [i, id] of raw.authors.entries()) {
    if (!authorIds.has(id)) {
      problem(
        `authors[${i}]`,
        `作者「${id}」不存在`,
        `請使用 content/authors/ 裡的檔名（${listNames([...authorIds])}），或新增作者檔案`,
      );
    }
  }
}

/** An article's hero image, measured; a missing one is a problem, except in a draft. */
function resolveHero(raw: RawArticle, input: ResolveInput, problem: ReportProblem): ArticleSummary['hero'] {
  const found = raw.hero.src.startsWith('/') ? input.imageSize(raw.hero.src) : undefined;
  // A draft may wait for its picture: the preview shows a placeholder in its place.
  const heroSrc = found || !raw.draft ? raw.hero.src : DRAFT_HERO_SRC;
  const size = found ?? (raw.draft ? input.imageSize(DRAFT_HERO_SRC) : undefined);
  if (!found && !raw.draft) {
    problem(
      'hero.src',
      `找不到首圖「${raw.hero.src}」`,
      '把圖片放在 public/ 底下，並以 / 開頭填寫路徑，例如 /images/articles/<代稱>/hero.jpg（草稿可以先不放：保留 draft: true）',
    );
  }
  return {
    ...raw.hero,
    src: heroSrc,
    width: size?.width ?? 0,
    height: size?.height ?? 0,
    ...withHash(input.imageHash?.(heroSrc)),
  };
}

/** One article as the index lists it, its references checked; undefined when its file is misplaced. */
function resolveArticle(
  raw: RawArticle,
  refs: References,
  input: ResolveInput,
  problems: ContentProblem[],
): ArticleSummary | undefined {
  const location = articleLocation(raw.sourceFile);
  if (!location) {
    problems.push({
      file: raw.sourceFile,
      message: '文章檔案的位置或檔名不正確',
      fix: '文章必須放在 content/articles/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx；代稱只能用小寫英文字母、數字與連字號',
    });
    return undefined;
  }
  const { slug, locale } = location;
  const problem: ReportProblem = (field, message, fix) => {
    problems.push({ file: raw.sourceFile, field, message, fix });
  };
  const tagSlugs = resolveTags(raw, locale, refs, problem);
  const sectionSlug = resolveSection(raw, locale, refs, problem);
  checkAuthors(raw, refs.authorIds, problem);
  const hero = resolveHero(raw, input, problem);
  return {
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
    hero,
    draft: raw.draft ?? false,
    featured: raw.featured ?? false,
    syndication: raw.syndication,
    sponsor: raw.sponsor,
    furtherReading: raw.furtherReading ?? [],
    ...(raw.comments === false ? { commentsClosed: true as const } : {}),
    related: [],
    sourceFile: raw.sourceFile,
    bodyHash: '',
  };
}

/**
 * Each written article's further reading must name an article a reader can open now (`linkable`);
 * one that exists but is a draft or scheduled is told apart (`written`: every article written).
 */
function checkFurtherReading(
  published: ArticleSummary[],
  linkable: Set<string>,
  written: ArticleSummary[],
  problems: ContentProblem[],
  otherStory: ResolveInput['otherStory'],
) {
  for (const article of published.filter((a) => !a.derivedFrom)) {
    for (const [i, target] of article.furtherReading.entries()) {
      const other = linkable.has(target) ? undefined : otherStory?.(target);
      if (!linkable.has(target) && other !== 'linkable') {
        problems.push({
          file: article.sourceFile,
          field: `furtherReading[${i}]`,
          message: `延伸閱讀的文章「${target}」不存在${other === 'written' || written.some((a) => a.slug === target) ? '（它還是草稿，或還沒到發布時間）' : ''}`,
          fix: '填寫已發布文章的代稱，也就是 content/articles/ 底下的資料夾名稱',
        });
      }
    }
  }
}

/**
 * Checks every article against the authors, tags and sections, and builds the body-free index
 * (related pieces left empty: the index step fills them with linkRelated).
 * Returns every problem found, not only the first: an editor fixes them all in one pass.
 */
export function buildIndex(input: ResolveInput): { index: ContentIndex; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const authors = input.authors.map((a) => resolveAuthor(a, input, problems));
  const tags = toTerms(input.tags, problems);
  const sections = toTerms(input.sections, problems);
  const refs: References = {
    tags,
    sections,
    tagByName: termsByName(tags, input.tags, '標籤', problems),
    sectionByName: termsByName(sections, input.sections, '分類', problems),
    authorIds: new Set(authors.map((a) => a.id)),
  };
  const articles = input.articles.flatMap((raw) => resolveArticle(raw, refs, input, problems) ?? []);

  checkGlossary(input.glossary, problems);
  const withDerived = [...articles, ...derivedVersions(articles, problems, input.convert)];

  // Scheduled articles (dated later than now) stay in the index: the server shows each one from its
  // time on (lib/content-store.ts), without another build. Drafts stay out, except in the preview.
  const now = input.now.toISOString();
  const published = withDerived.filter((a) => input.includeDrafts || !a.draft);
  const slugs = new Set(published.filter((a) => input.includeDrafts || a.publishedAt <= now).map((a) => a.slug));
  checkFurtherReading(published, slugs, articles, problems, input.otherStory);

  // The store's order (lib/content-store.ts LISTING_ORDER): by time, then by slug as SQLite compares it.
  published.sort(
    (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  const pages = resolveSitePages(input.pages ?? [], input.convert, problems);
  return { index: { articles: published, authors, tags, sections, pages, preview: input.includeDrafts }, problems };
}

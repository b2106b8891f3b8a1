import 'server-only';
import { readFileSync } from 'node:fs';
import type { Locale } from '@/i18n/locales';
import { site } from './site';
// Imported, not read, so that `next dev` sees content change and refreshes open pages.
import { revision } from '../.contentlayer/site/revision.json';
import { bodyFile, indexFile } from './content-files';
import type { ArticleBody, ArticleSummary, ContentIndex, TermInfo } from './content-model';

// The one door to content. Pages ask these functions for what they need; none of them reads
// the generated files itself. Listings work from the body-free index; a body is read only by
// the page of its own article.

type LoadedIndex = ContentIndex & {
  /** Lookups by key, so that a page costs the same with twenty articles or twenty thousand. */
  article: Map<string, ArticleSummary>;
  tag: Map<string, TermInfo>;
  section: Map<string, TermInfo>;
  author: Map<string, ContentIndex['authors'][number]>;
  /** Articles per tag and per section in each script (`locale/slug`), counted once per load. */
  tagCount: Map<string, number>;
  sectionCount: Map<string, number>;
  /** Each listing's articles, filtered once and then shared by all of that listing's pages. */
  listings: Map<string, readonly ArticleSummary[]>;
};

let cache: { revision: string; index: LoadedIndex } | undefined;
/** Key of anything that is per script and per slug: an article, or a tag's or section's count. */
const articleKey = (locale: Locale, slug: string) => `${locale}/${slug}`;

function contentIndex(): LoadedIndex {
  if (!cache || cache.revision !== revision) {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as ContentIndex;
    const tagCount = new Map<string, number>();
    const sectionCount = new Map<string, number>();
    const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const a of index.articles) {
      for (const tag of a.tagSlugs) add(tagCount, articleKey(a.locale, tag));
      add(sectionCount, articleKey(a.locale, a.sectionSlug));
    }
    cache = {
      revision,
      index: {
        ...index,
        article: new Map(index.articles.map((a) => [articleKey(a.locale, a.slug), a])),
        tag: new Map(index.tags.map((t) => [t.slug, t])),
        section: new Map(index.sections.map((t) => [t.slug, t])),
        author: new Map(index.authors.map((a) => [a.id, a])),
        tagCount,
        sectionCount,
        listings: new Map(),
      },
    };
  }
  return cache.index;
}

export type TermLink = { slug: string; name: string };
export type AuthorLink = { id: string; name: string };

/** An article as a card in a listing: resolved names in the reader's script, no body. */
export type ArticleCard = Pick<
  ArticleSummary,
  'slug' | 'path' | 'title' | 'summary' | 'publishedAt' | 'updatedAt' | 'readingMinutes' | 'hero' | 'featured' | 'draft'
> & {
  section: TermLink;
  tags: TermLink[];
  authors: AuthorLink[];
  sponsored: boolean;
  syndicated: boolean;
};

export type AuthorProfile = AuthorLink & { role?: string; bio?: string };

/** Everything an article page shows. */
export type ArticleDetail = Omit<ArticleCard, 'authors'> & {
  authors: AuthorProfile[];
  syndication?: ArticleSummary['syndication'];
  sponsor?: ArticleSummary['sponsor'];
  furtherReading: ArticleCard[];
  related: ArticleCard[];
  /** The script this version was converted from, when no editor wrote it. */
  derivedFrom?: Locale;
  code: string;
  images: ArticleBody['images'];
};

const term = (terms: Map<string, TermInfo>, slug: string, locale: Locale): TermLink => {
  return { slug, name: terms.get(slug)?.name[locale] ?? slug };
};

function authorProfile(id: string, locale: Locale): AuthorProfile {
  const author = contentIndex().author.get(id);
  return { id, name: author?.name[locale] ?? id, role: author?.role?.[locale], bio: author?.bio?.[locale] };
}

function toCard(article: ArticleSummary): ArticleCard {
  const { tag: tags, section: sections } = contentIndex();
  const locale = article.locale;
  return {
    slug: article.slug,
    path: article.path,
    title: article.title,
    summary: article.summary,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    readingMinutes: article.readingMinutes,
    hero: article.hero,
    section: term(sections, article.sectionSlug, locale),
    tags: article.tagSlugs.map((slug) => term(tags, slug, locale)),
    authors: article.authorIds.map((id) => {
      const { name } = authorProfile(id, locale);
      return { id, name };
    }),
    sponsored: Boolean(article.sponsor),
    syndicated: Boolean(article.syndication),
    featured: article.featured,
    draft: article.draft,
  };
}

export type ArticleFilter = { locale: Locale; tag?: string; section?: string; author?: string };

export type ArticlePage = { articles: ArticleCard[]; page: number; totalPages: number };

/** Number of listing pages for a filter: at least 1, so an empty listing still has its page. */
export function pageCount(filter: ArticleFilter): number {
  return pagesFor(matching(filter).length);
}

const pagesFor = (articles: number) => Math.max(1, Math.ceil(articles / site.pageSize));

/** One page (from 1) of a listing, or undefined past the last page. */
export function listArticlesPage(filter: ArticleFilter, page: number): ArticlePage | undefined {
  const all = matching(filter);
  const totalPages = pagesFor(all.length);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  const articles = all.slice((page - 1) * site.pageSize, page * site.pageSize).map(toCard);
  return { articles, page, totalPages };
}

function matching({ locale, tag, section, author }: ArticleFilter): readonly ArticleSummary[] {
  const { articles, listings } = contentIndex();
  const key = JSON.stringify([locale, tag, section, author]);
  let found = listings.get(key);
  if (!found) {
    found = articles.filter(
      (a) =>
        a.locale === locale &&
        (tag === undefined || a.tagSlugs.includes(tag)) &&
        (section === undefined || a.sectionSlug === section) &&
        (author === undefined || a.authorIds.includes(author)),
    );
    listings.set(key, found);
  }
  return found;
}

/** Articles in one script, newest first, optionally narrowed to a tag, a section or an author. */
export function listArticles(filter: ArticleFilter & { limit?: number }): ArticleCard[] {
  return matching(filter).slice(0, filter.limit).map(toCard);
}

/** The front page's lead story: the newest article marked `featured`, else the newest of all. */
export function leadArticle(locale: Locale): ArticleCard | undefined {
  const articles = matching({ locale });
  const lead = articles.find((a) => a.featured) ?? articles[0];
  return lead && toCard(lead);
}

/** One article with its compiled body, or undefined when no such article exists in that script. */
export function getArticle(locale: Locale, slug: string): ArticleDetail | undefined {
  const summary = contentIndex().article.get(articleKey(locale, slug));
  if (!summary) return undefined;
  const body = JSON.parse(readFileSync(bodyFile(locale, slug), 'utf8')) as ArticleBody;
  const cards = (slugs: string[]) =>
    slugs.flatMap((target) => {
      const found = contentIndex().article.get(articleKey(locale, target));
      return found ? [toCard(found)] : [];
    });
  return {
    ...toCard(summary),
    authors: summary.authorIds.map((id) => authorProfile(id, locale)),
    syndication: summary.syndication,
    sponsor: summary.sponsor,
    furtherReading: cards(summary.furtherReading),
    related: cards(summary.related),
    derivedFrom: summary.derivedFrom,
    code: body.code,
    images: body.images,
  };
}

/** Slugs of every article published in one script, for static params. */
export function articleSlugs(locale: Locale): string[] {
  return contentIndex()
    .articles.filter((a) => a.locale === locale)
    .map((a) => a.slug);
}

export type TermWithCount = TermLink & { description?: string; count: number };

function termsWithCounts(terms: TermInfo[], locale: Locale, counts: Map<string, number>): TermWithCount[] {
  return terms.map((t) => ({
    slug: t.slug,
    name: t.name[locale],
    description: t.description?.[locale],
    count: counts.get(articleKey(locale, t.slug)) ?? 0,
  }));
}

/** Every tag with the number of articles carrying it, most used first. */
export function listTags(locale: Locale): TermWithCount[] {
  return termsWithCounts(contentIndex().tags, locale, contentIndex().tagCount).sort(
    (a, b) => b.count - a.count || a.slug.localeCompare(b.slug),
  );
}

/** One tag in the reader's script, or undefined. */
export function getTag(locale: Locale, slug: string): TermWithCount | undefined {
  return listTags(locale).find((t) => t.slug === slug);
}

/** Every section, in the order of their files, with article counts. */
export function listSections(locale: Locale): TermWithCount[] {
  return termsWithCounts(contentIndex().sections, locale, contentIndex().sectionCount);
}

/** One section in the reader's script, or undefined. */
export function getSection(locale: Locale, slug: string): TermWithCount | undefined {
  return listSections(locale).find((s) => s.slug === slug);
}

/** One author in the reader's script, or undefined. */
export function getAuthor(locale: Locale, id: string): AuthorProfile | undefined {
  return contentIndex().author.has(id) ? authorProfile(id, locale) : undefined;
}

/** Slugs of every tag, section and author, for static params and the sitemap. */
export function termSlugs(): { tags: string[]; sections: string[]; authors: string[] } {
  const { tags, sections, authors } = contentIndex();
  return { tags: tags.map((t) => t.slug), sections: sections.map((s) => s.slug), authors: authors.map((a) => a.id) };
}

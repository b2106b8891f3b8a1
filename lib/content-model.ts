import type { Locale, Localized } from '@/i18n/locales';

export type ImageSize = { width: number; height: number };

type ImageInfo = ImageSize & {
  src: string;
  /** A hero's bytes, hashed by the index step: what its social card and its pages' fingerprints follow. */
  hash?: string;
  alt: string;
  credit: string;
};

/** What every listing needs of an article, and nothing more: no body. */
export type ArticleSummary = {
  locale: Locale;
  slug: string;
  /** Path on the site, e.g. /zh-Hant/articles/double-11-ten-years */
  path: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt?: string;
  readingMinutes: number;
  authorIds: string[];
  tagSlugs: string[];
  sectionSlug: string;
  hero: ImageInfo;
  draft: boolean;
  featured: boolean;
  syndication?: { partner: string; partnerUrl?: string; originalUrl?: string };
  sponsor?: { name: string; url?: string };
  furtherReading: string[];
  /** Set when the editors closed the comments under this story (front matter `comments: false`). */
  commentsClosed?: true;
  /** Slugs of related articles in the same script, best first (pipeline/index/related.ts). */
  related: string[];
  /** The editor's file, relative to the content folder. */
  sourceFile: string;
  /** Set when this version was converted from the other script rather than written by hand. */
  derivedFrom?: Locale;
  /** Names the body file by its content (lib/content-files.ts); filled in when the body is written. */
  bodyHash: string;
};

/** A page of the site itself (about us, contact, privacy…), served at /<locale>/info/<slug>. */
export type SitePageSummary = {
  locale: Locale;
  slug: string;
  path: string;
  title: string;
  summary: string;
  updatedAt?: string;
  /** Place in the footer, smallest first; pages without one come last, by slug. */
  order?: number;
  sourceFile: string;
  derivedFrom?: Locale;
  /** Names the body file by its content, as an article's does. */
  bodyHash: string;
};

export type AuthorInfo = {
  id: string;
  name: Localized;
  role?: Localized;
  bio?: Localized;
  photo?: { src: string; width: number; height: number };
};
export type TermInfo = { slug: string; name: Localized; description?: Localized };

/** The body-free index of the whole site that pages read, written once per build. */
export type ContentIndex = {
  /** Every article that is not a draft, newest first, including scheduled ones (dated later). */
  articles: ArticleSummary[];
  authors: AuthorInfo[];
  tags: TermInfo[];
  sections: TermInfo[];
  /** The site's own pages, in both scripts, in footer order. */
  pages: SitePageSummary[];
  /** Written for the live preview: drafts included, scheduled articles shown before their time. */
  preview: boolean;
};

/** A compiled body, kept in the store by its hash so a page loads only its own. */
export type ArticleBody = {
  code: string;
  /** Pixel sizes of the images the body shows with <Figure>, so none shifts the layout. */
  images: Record<string, ImageSize>;
};

/** One mistake in the content, told the way an editor can act on it. */
export type ContentProblem = {
  file: string;
  /** Line and column in the file, where known. */
  line?: number;
  column?: number;
  field?: string;
  message: string;
  fix: string;
};

import { unstable_cache } from 'next/cache';
import type { Locale } from '@/i18n/locales';
import type { ArticleSummary } from './content-model';
import type { ListingKind } from './page-paths';

// The cache tags a page carries: what it shows, named so that a publish can say what changed
// (pipeline/publish-tags.ts) and every server revalidates just those tags (app/api/publish/) instead
// of a list of paths. A tag names everything that shows one thing: all pages of a listing, however
// many, are one tag, so a publish invalidates a handful of tags whatever the archive's size.

/** Every page shows the names of tags, sections and authors, and the footer's site pages. */
export const NAMES_TAG = 'c:names';
/** The sitemaps, which list every page. */
export const SITEMAP_TAG = 'c:sitemap';
/** A story's page and its social cards. */
export const storyTag = (locale: Locale, slug: string) => `c:story:${locale}/${slug}`;
/** Every page of a listing (and the front page, for the home listing and the sections). */
export const listingTag = (locale: Locale, kind: ListingKind, key: string) => `c:list:${locale}:${kind}:${key}`;
/** A listing's feeds, which carry each story's body, not only its card. */
export const feedTag = (locale: Locale, kind: ListingKind, key: string) => `c:feed:${locale}:${kind}:${key}`;
/** The list of tags, with the count of each. */
export const tagListTag = (locale: Locale) => `c:tags:${locale}`;
/** One of the site's own pages. */
export const sitePageTag = (locale: Locale, slug: string) => `c:page:${locale}/${slug}`;

/**
 * The tags one version of a story (before or after a change) is shown under: its own page; when its
 * card changed (or it came or went), every listing it is in, the list of tags, the sitemaps and the
 * pages of the stories that show its card (`pointing`, their slugs); when only what its feed items
 * carry changed (its body), its listings' feeds.
 */
export function storyChangeTags(
  story: ArticleSummary,
  change: { card: boolean; feed: boolean; pointing: readonly string[] },
): string[] {
  const { locale } = story;
  const listings: [ListingKind, string][] = [
    ['home', ''],
    ['section', story.sectionSlug],
    ...story.tagSlugs.map((tag): [ListingKind, string] => ['tag', tag]),
    ...story.authorIds.map((id): [ListingKind, string] => ['author', id]),
  ];
  const tags = [storyTag(locale, story.slug), ...change.pointing.map((slug) => storyTag(locale, slug))];
  if (change.card) tags.push(...listings.map(([kind, key]) => listingTag(locale, kind, key)), tagListTag(locale));
  if (change.card || change.feed) tags.push(...listings.map(([kind, key]) => feedTag(locale, kind, key)), SITEMAP_TAG);
  return tags;
}

const TAG = /^c:[A-Za-z0-9:/_~.%-]{1,250}$/;

/** Whether a string is a tag of this site: what a publish notice may carry. */
export const isPageTag = (tag: string) => TAG.test(tag);

/**
 * Adds tags to the page (or route) being rendered. Next 16 has no public call that tags a page
 * outside `'use cache'` (Cache Components, which this site does not use), but `unstable_cache` adds
 * its tags to the render it runs in: a call that keeps one number does exactly that. Its key is the
 * same for every page, so the data cache holds one entry, not one per story.
 */
export async function tagPage(...tags: string[]): Promise<void> {
  await unstable_cache(keepOne, ['page-tags'], { tags })();
}

const keepOne = async () => 1;

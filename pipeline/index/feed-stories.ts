// Which stories' bodies the index step draws as feed HTML (pipeline/feed-html.tsx): drawing it
// costs more than the rest of a story's indexing, and a feed shows only the newest of its listing.
import type { ArticleSummary } from '@/lib/content-model';
import { FEED_SIZE } from '@/lib/feeds';

/**
 * The stories some feed shows (the newest FEED_SIZE of each listing, as lib/feeds.ts asks the store)
 * or will show (those scheduled): only their bodies need feed HTML, which costs more to draw than
 * the rest of a story's indexing. A publish that brings an older story back into a feed (a newer
 * one withdrawn) draws its HTML then.
 */
export function feedStories(articles: readonly ArticleSummary[], now: Date): Set<ArticleSummary> {
  const listings = new Map<string, ArticleSummary[]>();
  const shown = new Set<ArticleSummary>();
  for (const a of articles) {
    if (Date.parse(a.publishedAt) > now.getTime()) {
      shown.add(a);
      continue;
    }
    const keys = [
      '',
      `s:${a.sectionSlug}`,
      ...new Set(a.tagSlugs.map((t) => `t:${t}`)),
      ...new Set(a.authorIds.map((id) => `a:${id}`)),
    ];
    for (const key of keys) {
      const listing = `${a.locale} ${key}`;
      const list = listings.get(listing);
      if (list) list.push(a);
      else listings.set(listing, [a]);
    }
  }
  // The store's listing order: newest first, then by slug.
  const order = (a: ArticleSummary, b: ArticleSummary) =>
    Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  for (const list of listings.values())
    for (const a of list.length > FEED_SIZE ? list.sort(order).slice(0, FEED_SIZE) : list) shown.add(a);
  return shown;
}

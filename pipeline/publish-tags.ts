// What a publish changed, as the cache tags of the pages that show it (lib/page-tags.ts): found
// story by story from what the content step changed, so that the tags a new story, a fix or a
// withdrawal sends are bounded by the story (its page, its listings, the stories whose cards point to
// it), not by the size of the archive.
import { locales } from '@/i18n/locales';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';
import { NAMES_TAG, SITEMAP_TAG, sitePageTag, storyChangeTags } from '@/lib/page-tags';

const key = (a: { locale: string; slug: string }) => `${a.locale}/${a.slug}`;

/** What a card of the story shows, and where the story is listed: a change here changes listings. */
const cardOf = (a: ArticleSummary) =>
  JSON.stringify([
    a.title,
    a.summary,
    a.publishedAt,
    a.updatedAt,
    a.readingMinutes,
    a.hero,
    a.sectionSlug,
    a.tagSlugs,
    a.authorIds,
    Boolean(a.sponsor),
    Boolean(a.syndication),
    a.featured,
    a.draft,
  ]);

/** What the story's feed items show beyond its card: its body, the sponsor's and partner's names. */
const feedItemOf = (a: ArticleSummary) => JSON.stringify([cardOf(a), a.bodyHash, a.sponsor, a.syndication]);

/** Stories (by `locale/slug`) whose pages show a card of each story: related and further reading. */
function pointers(index: ContentIndex): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const a of index.articles) {
    for (const target of new Set([...a.related, ...a.furtherReading])) {
      const list = found.get(`${a.locale}/${target}`);
      if (list) list.push(a.slug);
      else found.set(`${a.locale}/${target}`, [a.slug]);
    }
  }
  return found;
}

/**
 * What one content step changed in the store, story by story: the full index step finds it by
 * comparing the whole index before and after (diffIndexes below), a publish's update of the changed
 * stories (pipeline/index/update-index.ts) knows it as it writes.
 */
export type IndexChange = {
  /** True on a first write: there was nothing to compare with. */
  first: boolean;
  /** Whether the tags, sections, authors or site pages' titles changed: every page shows them. */
  names: boolean;
  /** The search documents' shared names (pipeline/search-index.tsx searchNames) changed. */
  searchNames: boolean;
  /** Site pages (`locale/slug`) that changed, came or went. */
  pages: string[];
  /** Each story (a script's version) that changed, came or went: as it was, and as it is. */
  stories: { was?: ArticleSummary; now?: ArticleSummary }[];
  /** Stories (by `locale/slug`) whose pages showed, and now show, a card of a changed story. */
  pointedBefore: ReadonlyMap<string, readonly string[]>;
  pointedAfter: ReadonlyMap<string, readonly string[]>;
  /** Every article page's path now: what search indexes again when the shared names changed. */
  paths: () => string[];
};

/** What changed between two whole indexes (undefined before: a first write). */
export function diffIndexes(before: ContentIndex | undefined, after: ContentIndex): IndexChange {
  const names = (i: ContentIndex | undefined) =>
    i && JSON.stringify([i.tags, i.sections, i.authors, i.pages.map((p) => [p.locale, p.path, p.title, p.order])]);
  const pagesBefore = new Map(before?.pages.map((p) => [key(p), JSON.stringify(p)]));
  const pages: string[] = [];
  for (const page of after.pages) {
    if (pagesBefore.get(key(page)) !== JSON.stringify(page)) pages.push(key(page));
    pagesBefore.delete(key(page));
  }
  pages.push(...pagesBefore.keys());

  const old = new Map(before?.articles.map((a) => [key(a), a]));
  const stories: IndexChange['stories'] = [];
  for (const now of after.articles) {
    const was = old.get(key(now));
    old.delete(key(now));
    if (!was || JSON.stringify(was) !== JSON.stringify(now)) stories.push({ was, now });
  }
  for (const was of old.values()) stories.push({ was });
  const searchNamesOf = (i: ContentIndex | undefined) => i && JSON.stringify([i.authors, i.tags, i.sections]);
  return {
    first: !before,
    names: names(before) !== names(after),
    searchNames: searchNamesOf(before) !== searchNamesOf(after),
    pages,
    stories,
    pointedBefore: before ? pointers(before) : new Map(),
    pointedAfter: pointers(after),
    paths: () => after.articles.map((a) => a.path),
  };
}

export type PublishTags = {
  /** The tags to revalidate on every server, sorted. */
  tags: string[];
  /** Pages worth rendering at once after the notice: the front pages and the changed stories. */
  warm: string[];
};

/** The tags whose pages a change made different (every page's, on a first write). */
export function changedTags(change: IndexChange): PublishTags {
  const warm = new Set(locales.map((l) => `/${l}`));
  if (change.first) return { tags: [NAMES_TAG, SITEMAP_TAG], warm: [...warm] };
  const tags = new Set<string>();
  if (change.names) tags.add(NAMES_TAG);
  for (const page of change.pages) {
    const [locale, slug] = page.split('/') as [ArticleSummary['locale'], string];
    tags.add(sitePageTag(locale, slug));
  }
  for (const { was, now } of change.stories) {
    const story = (now ?? was)!;
    const card = !was || !now || cardOf(was) !== cardOf(now);
    const feed = card || feedItemOf(was!) !== feedItemOf(now!);
    const pointing = card
      ? [...(change.pointedBefore.get(key(story)) ?? []), ...(change.pointedAfter.get(key(story)) ?? [])]
      : [];
    for (const version of [was, now]) {
      if (version) for (const tag of storyChangeTags(version, { card, feed, pointing })) tags.add(tag);
    }
    if (now) warm.add(now.path);
  }
  return { tags: [...tags].sort(), warm: [...warm] };
}

// What a publish changed, as the cache tags of the pages that show it (lib/page-tags.ts): compared
// story by story between the index before and after, so that the tags a new story, a fix or a
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
function pointers(index: ContentIndex | undefined): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const a of index?.articles ?? []) {
    for (const target of new Set([...a.related, ...a.furtherReading])) {
      const list = found.get(`${a.locale}/${target}`);
      if (list) list.push(a.slug);
      else found.set(`${a.locale}/${target}`, [a.slug]);
    }
  }
  return found;
}

export type PublishTags = {
  /** The tags to revalidate on every server, sorted. */
  tags: string[];
  /** Pages worth rendering at once after the notice: the front pages and the changed stories. */
  warm: string[];
};

/** The tags whose pages differ between two indexes (every page's, on a first publish). */
export function changedTags(before: ContentIndex | undefined, after: ContentIndex): PublishTags {
  const warm = new Set(locales.map((l) => `/${l}`));
  if (!before) return { tags: [NAMES_TAG, SITEMAP_TAG], warm: [...warm] };
  const tags = new Set<string>();
  const names = (i: ContentIndex) =>
    JSON.stringify([i.tags, i.sections, i.authors, i.pages.map((p) => [p.locale, p.path, p.title, p.order])]);
  if (names(before) !== names(after)) tags.add(NAMES_TAG);
  const pagesBefore = new Map(before.pages.map((p) => [key(p), JSON.stringify(p)]));
  for (const page of after.pages) {
    if (pagesBefore.get(key(page)) !== JSON.stringify(page)) tags.add(sitePageTag(page.locale, page.slug));
    pagesBefore.delete(key(page));
  }
  for (const gone of pagesBefore.keys()) {
    const [locale, slug] = gone.split('/') as [ArticleSummary['locale'], string];
    tags.add(sitePageTag(locale, slug));
  }

  const old = new Map(before.articles.map((a) => [key(a), a]));
  const pointedBefore = pointers(before);
  const pointedAfter = pointers(after);
  const touch = (was: ArticleSummary | undefined, now: ArticleSummary | undefined) => {
    const story = (now ?? was)!;
    const card = !was || !now || cardOf(was) !== cardOf(now);
    const feed = card || feedItemOf(was!) !== feedItemOf(now!);
    const pointing = card ? [...(pointedBefore.get(key(story)) ?? []), ...(pointedAfter.get(key(story)) ?? [])] : [];
    for (const version of [was, now]) {
      if (version) for (const tag of storyChangeTags(version, { card, feed, pointing })) tags.add(tag);
    }
    if (now) warm.add(now.path);
  };
  for (const now of after.articles) {
    const was = old.get(key(now));
    old.delete(key(now));
    if (!was || JSON.stringify(was) !== JSON.stringify(now)) touch(was, now);
  }
  for (const was of old.values()) touch(was, undefined);
  return { tags: [...tags].sort(), warm: [...warm] };
}

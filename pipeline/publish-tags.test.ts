import { describe, expect, it } from 'vitest';
import { indexOf, story } from '@/tests/content-index-fixture';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';
import { feedTag, listingTag, NAMES_TAG, SITEMAP_TAG, storyTag, tagListTag } from '@/lib/page-tags';
import { changedTags, diffIndexes } from './publish-tags';

// What a publish tells the servers: the cache tags of what changed, bounded by the story and not by
// the archive.

/** An archive of `n` stories in both scripts, each pointing to the one before it. */
const archive = (n: number) =>
  indexOf(
    Array.from({ length: n }, (_, i) =>
      story(`s${i}`, (i % 28) + 1, {
        tagSlugs: [i % 2 ? 'ai' : 'chips'],
        related: i > 0 ? [`s${i - 1}`] : [],
      }),
    ).flat(),
  );

const withStory = (index: ContentIndex, extra: ArticleSummary[]): ContentIndex =>
  indexOf([...index.articles, ...extra]);
const edit = (index: ContentIndex, slug: string, change: Partial<ArticleSummary>): ContentIndex => ({
  ...index,
  articles: index.articles.map((a) => (a.slug === slug ? { ...a, ...change } : a)),
});

describe('the tags a publish revalidates', () => {
  it('for a new story: its page, its listings and feeds, the tag list and the sitemaps, whatever the size of the archive', () => {
    const counts = [20, 400].map((n) => {
      const before = archive(n);
      const after = withStory(before, story('new', 29, { tagSlugs: ['ai'] }));
      const { tags, warm } = changedTags(diffIndexes(before, after));
      for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
        expect(tags).toContain(storyTag(locale, 'new'));
        expect(tags).toContain(listingTag(locale, 'home', ''));
        expect(tags).toContain(listingTag(locale, 'tag', 'ai'));
        expect(tags).toContain(listingTag(locale, 'section', 'tech'));
        expect(tags).toContain(listingTag(locale, 'author', 'newsroom'));
        expect(tags).toContain(feedTag(locale, 'home', ''));
        expect(tags).toContain(tagListTag(locale));
        expect(warm).toContain(`/${locale}/articles/new`);
        expect(tags).not.toContain(listingTag(locale, 'tag', 'chips'));
      }
      expect(tags).toContain(SITEMAP_TAG);
      expect(tags).not.toContain(NAMES_TAG);
      return tags.length;
    });
    expect(counts[1]).toBe(counts[0]);
  });

  it('for a fixed body: the story and its feeds, not its listings', () => {
    const before = archive(10);
    const { tags } = changedTags(diffIndexes(before, edit(before, 's4', { bodyHash: 'fixed' })));
    expect(tags).toContain(storyTag('zh-Hant', 's4'));
    expect(tags).toContain(feedTag('zh-Hant', 'tag', 'chips'));
    expect(tags).not.toContain(listingTag('zh-Hant', 'home', ''));
    expect(tags).not.toContain(storyTag('zh-Hant', 's5'));
  });

  it('for a new title: the listings, and the stories whose pages show its card', () => {
    const before = archive(10);
    const { tags } = changedTags(diffIndexes(before, edit(before, 's4', { title: '更正後的標題' })));
    expect(tags).toContain(listingTag('zh-Hans', 'tag', 'chips'));
    // s5 lists s4 among its related stories.
    expect(tags).toContain(storyTag('zh-Hant', 's5'));
    expect(tags).toContain(storyTag('zh-Hans', 's5'));
    expect(tags).not.toContain(storyTag('zh-Hant', 's6'));
  });

  it('for a withdrawn story: its page, its listings and the stories that pointed to it', () => {
    const before = archive(10);
    const after = { ...before, articles: before.articles.filter((a) => a.slug !== 's4') };
    const { tags, warm } = changedTags(diffIndexes(before, after));
    expect(tags).toContain(storyTag('zh-Hant', 's4'));
    expect(tags).toContain(listingTag('zh-Hant', 'tag', 'chips'));
    expect(tags).toContain(storyTag('zh-Hant', 's5'));
    expect(warm).not.toContain('/zh-Hant/articles/s4');
  });

  it('for a renamed tag: every page, by the names tag; nothing on a publish that changed nothing', () => {
    const before = archive(10);
    const renamed = { ...before, tags: before.tags.map((t) => ({ ...t, name: { ...t.name, 'zh-Hant': '新名' } })) };
    expect(changedTags(diffIndexes(before, renamed)).tags).toEqual([NAMES_TAG]);
    expect(changedTags(diffIndexes(before, archive(10))).tags).toEqual([]);
    expect(changedTags(diffIndexes(undefined, before)).tags).toEqual([NAMES_TAG, SITEMAP_TAG]);
  });
});

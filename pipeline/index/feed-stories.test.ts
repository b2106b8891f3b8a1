import { describe, expect, it } from 'vitest';
import { FEED_SIZE } from '@/lib/feeds';
import { story } from '@/tests/content-index-fixture';
import { feedStories } from './feed-stories';

const now = new Date('2026-12-01T00:00:00Z');
const names = (articles: Iterable<{ locale: string; slug: string }>) =>
  [...articles].map((a) => `${a.locale}/${a.slug}`).sort();

describe('the stories feeds show', () => {
  it('are the newest of each listing, and every scheduled one', () => {
    // FEED_SIZE + 10 stories of one tag, one section and one author, a day apart; an older one
    // alone in its tag; one scheduled for tomorrow.
    const many = Array.from({ length: FEED_SIZE + 10 }, (_, i) =>
      story(`s${i}`, 1, { publishedAt: new Date(now.getTime() - (i + 1) * 86_400_000).toISOString() }),
    ).flat();
    const old = story('old', 1, { publishedAt: '2020-01-01T00:00:00.000Z', tagSlugs: ['chips'] });
    const later = story('later', 1, { publishedAt: '2026-12-02T00:00:00.000Z' });
    const shown = feedStories([...many, ...old, ...later], now);

    const newest = many.filter((a) => Number(a.slug.slice(1)) < FEED_SIZE);
    expect(names(shown)).toEqual(names([...newest, ...old, ...later]));
    // The 51st of the shared listings is in none of their feeds.
    expect(names(shown)).not.toContain(`zh-Hant/s${FEED_SIZE}`);
  });

  it('break a tie in time by slug, as the store lists them', () => {
    const same = '2026-11-30T00:00:00.000Z';
    const tied = Array.from({ length: FEED_SIZE + 1 }, (_, i) =>
      story(`t${String(i).padStart(3, '0')}`, 1, { publishedAt: same }),
    ).flat();
    const shown = names(feedStories(tied, now));
    expect(shown).toHaveLength(2 * FEED_SIZE);
    expect(shown).not.toContain(`zh-Hant/t${String(FEED_SIZE).padStart(3, '0')}`);
  });
});

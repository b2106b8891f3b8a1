import { describe, expect, it } from 'vitest';
import { relatedArticles } from './related';

const a = (
  slug: string,
  tagSlugs: string[],
  publishedAt: string,
  extra: { sectionSlug?: string; sponsored?: boolean } = {},
) => ({
  slug,
  tagSlugs,
  publishedAt,
  sectionSlug: extra.sectionSlug ?? 'tech',
  sponsor: extra.sponsored ? { name: '贊助商' } : undefined,
});

describe('relatedArticles', () => {
  const common = Array.from({ length: 8 }, (_, i) =>
    a(`filler-${i}`, ['common'], `2020-01-0${i + 1}`, { sectionSlug: 'other' }),
  );

  it('ranks a shared rare tag above a shared common one', () => {
    const articles = [
      a('subject', ['rare', 'common'], '2024-01-01'),
      a('shares-rare', ['rare'], '2019-01-01'),
      a('shares-common', ['common'], '2023-12-31'),
      ...common,
    ];
    const related = relatedArticles(articles, 3).get('subject');
    expect(related?.[0]).toBe('shares-rare');
    expect(related?.[1]).toBe('shares-common');
  });

  it('breaks ties by recency, then by slug, so the result is the same every build', () => {
    const articles = [
      a('subject', ['x'], '2024-01-01'),
      a('older', ['x'], '2020-01-01'),
      a('newer', ['x'], '2023-01-01'),
      a('same-day-b', ['x'], '2021-01-01'),
      a('same-day-a', ['x'], '2021-01-01'),
    ];
    expect(relatedArticles(articles, 4).get('subject')).toEqual(['newer', 'same-day-a', 'same-day-b', 'older']);
    expect(relatedArticles([...articles].reverse(), 4).get('subject')).toEqual([
      'newer',
      'same-day-a',
      'same-day-b',
      'older',
    ]);
  });

  it('never lists the article itself, and tops up from its section, then earlier stories, then the next later one', () => {
    const articles = [
      a('subject', ['lonely'], '2024-01-01', { sectionSlug: 'biz' }),
      a('same-section', ['other'], '2010-01-01', { sectionSlug: 'biz' }),
      a('newest', ['other'], '2025-01-01', { sectionSlug: 'tech' }),
      a('older', ['other'], '2011-01-01', { sectionSlug: 'tech' }),
    ];
    const takingLater = new Set<string>();
    const related = relatedArticles(articles, 3, articles, takingLater).get('subject');
    expect(related).toEqual(['same-section', 'older', 'newest']);
    for (const [slug, list] of relatedArticles(articles, 3)) expect(list).not.toContain(slug);
    // Every story here but the newest took a piece from after it: the store marks them.
    expect([...takingLater].sort()).toEqual(['older', 'same-section', 'subject']);
  });

  it('keeps sponsored pieces away from editorial articles, but lets them relate to each other', () => {
    const articles = [
      a('editorial', ['ai'], '2024-01-01'),
      a('advert', ['ai'], '2024-02-01', { sponsored: true }),
      a('advert-2', ['ai'], '2024-03-01', { sponsored: true }),
      a('other', ['ai'], '2020-01-01'),
    ];
    const related = relatedArticles(articles, 3);
    expect(related.get('editorial')).toEqual(['other']);
    expect(related.get('advert')).toEqual(['editorial', 'other', 'advert-2']);
  });

  it('leaves out what the article already lists as further reading, and still fills the count', () => {
    const articles = [
      { ...a('subject', ['rare'], '2024-01-01'), furtherReading: ['best-match'] },
      a('best-match', ['rare'], '2023-01-01'),
      a('next-match', ['rare'], '2022-01-01'),
      ...common,
    ];
    const related = relatedArticles(articles, 3).get('subject')!;
    expect(related).not.toContain('best-match');
    expect(related[0]).toBe('next-match');
    expect(related).toHaveLength(3);
    expect(relatedArticles(articles, 3).get('best-match')).toContain('next-match');
  });

  it("chooses among earlier stories, so that a new story changes no other story's list", () => {
    const archive = Array.from({ length: 40 }, (_, i) =>
      a(
        `s${i}`,
        [`t${i % 3}`, i % 5 ? 'common' : 'rare'],
        `2020-01-${String((i % 28) + 1).padStart(2, '0')}T0${i % 10}:00:00Z`,
        {
          sectionSlug: i % 2 ? 'tech' : 'biz',
        },
      ),
    );
    const before = relatedArticles(archive, 3);
    const after = relatedArticles([...archive, a('new', ['t0', 'rare', 'common'], '2024-06-01')], 3);
    for (const story of archive) expect(after.get(story.slug), story.slug).toEqual(before.get(story.slug));
    expect(after.get('new')).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { searchParts } from './search-index';

const article = (path: string, publishedAt: string) => ({ path, publishedAt });

describe('search index parts', () => {
  it('keeps a script that fits in one part in one part', () => {
    const parts = searchParts(
      [
        article('/zh-Hant/articles/b', '2026-01-01T00:00:00.000Z'),
        article('/zh-Hant/articles/a', '2020-01-01T00:00:00.000Z'),
      ],
      2,
    );
    expect(parts).toEqual([{ key: 'all', paths: ['/zh-Hant/articles/a', '/zh-Hant/articles/b'] }]);
  });

  it('past that, groups articles by year of publication in Taipei, newest part first', () => {
    const parts = searchParts(
      [
        article('/zh-Hant/articles/a', '2025-12-31T15:59:00.000Z'),
        // 2025-12-31T16:00Z is already 2026 in Taipei.
        article('/zh-Hant/articles/b', '2025-12-31T16:00:00.000Z'),
        article('/zh-Hant/articles/c', '2024-06-01T00:00:00.000Z'),
      ],
      2,
    );
    expect(parts).toEqual([
      { key: '2026', paths: ['/zh-Hant/articles/b'] },
      { key: '2025', paths: ['/zh-Hant/articles/a'] },
      { key: '2024', paths: ['/zh-Hant/articles/c'] },
    ]);
  });

  it('splits a year that passes the part size into months, and leaves other years whole', () => {
    const busy = Array.from({ length: 5 }, (_, i) =>
      article(`/zh-Hant/articles/busy-${i}`, `2026-0${i + 1}-10T00:00:00.000Z`),
    );
    const parts = searchParts([...busy, article('/zh-Hant/articles/old', '2020-01-01T00:00:00.000Z')], 4);
    expect(parts.map((p) => p.key)).toEqual(['2026-05', '2026-04', '2026-03', '2026-02', '2026-01', '2020']);
  });

  it('keeps every other article in its part when a story is added', () => {
    const before = searchParts(
      [article('/a', '2026-03-01T00:00:00.000Z'), article('/b', '2025-03-01T00:00:00.000Z')],
      1,
    );
    const after = searchParts(
      [
        article('/new', '2026-11-30T00:00:00.000Z'),
        article('/a', '2026-03-01T00:00:00.000Z'),
        article('/b', '2025-03-01T00:00:00.000Z'),
      ],
      1,
    );
    expect(after.find((p) => p.key === '2025')).toEqual(before.find((p) => p.key === '2025'));
  });
});

import { describe, expect, it } from 'vitest';
import { loadIndex } from './content-index';
import type { ContentIndex } from './content-model';
import { changedPages, pageFingerprints } from './page-paths';
import { site } from './site';
import { indexOf, now, story } from '@/tests/content-index-fixture';

const changed = (before: ContentIndex, after: ContentIndex) =>
  changedPages(pageFingerprints(loadIndex(before, now)), pageFingerprints(loadIndex(after, now)));

// Enough stories for the listings to have a second page.
const many = Array.from({ length: site.pageSize + 2 }, (_, i) => story(`s${i}`, i + 1)).flat();

describe('the pages a publish revalidates', () => {
  // The feeds of every listing a story is in carry its body, in three formats each.
  const feedsOf = (locale: string, bases: string[]) =>
    bases.flatMap((base) => ['atom.xml', 'feed.json', 'feed.xml'].map((file) => `/${locale}${base}/${file}`));

  it('for a fix in a body: the story and the feeds that carry it in both scripts, nothing else', () => {
    const after = many.map((a) => (a.slug === 's3' ? { ...a, bodyHash: 'fixed' } : a));
    const feeds = (locale: string) => feedsOf(locale, ['', '/authors/newsroom', '/sections/tech', '/tags/ai']);
    expect(changed(indexOf(many), indexOf(after))).toEqual(
      ['/zh-Hans/articles/s3', '/zh-Hant/articles/s3', ...feeds('zh-Hans'), ...feeds('zh-Hant')].sort(),
    );
  });

  it('for a new title: the story, its listing pages, the front page, and the pages whose cards show it', () => {
    const withRelated = many.map((a) => (a.slug === 's0' ? { ...a, related: ['s7'] } : a));
    const after = withRelated.map((a) => (a.slug === 's7' && a.locale === 'zh-Hant' ? { ...a, title: '新標題' } : a));
    expect(changed(indexOf(withRelated), indexOf(after))).toEqual(
      [
        '/zh-Hant',
        '/zh-Hant/articles/s0',
        '/zh-Hant/articles/s7',
        '/zh-Hant/authors/newsroom',
        '/zh-Hant/sections/tech',
        '/zh-Hant/tags/ai',
        ...feedsOf('zh-Hant', ['', '/authors/newsroom', '/sections/tech', '/tags/ai']),
      ].sort(),
    );
  });

  it('for a new story: every page of every listing it enters, shifted by one', () => {
    const after = [...many, ...story('new', 30, { tagSlugs: ['chips'] })];
    const pages = changed(indexOf(many), indexOf(after));
    for (const locale of ['zh-Hant', 'zh-Hans']) {
      for (const path of [
        '',
        '/page/2',
        '/articles/new',
        '/tags/chips',
        '/sections/tech',
        '/sections/tech/page/2',
        '/authors/newsroom/page/2',
        '/tags',
      ]) {
        expect(pages).toContain(`/${locale}${path}`);
      }
      // The tag it does not carry lists the same stories as before.
      expect(pages).not.toContain(`/${locale}/tags/ai`);
    }
  });

  it('for a story withdrawn: its pages are gone and its listings change', () => {
    const after = many.filter((a) => a.slug !== 's5');
    const pages = changed(indexOf(many), indexOf(after));
    expect(pages).toContain('/zh-Hant/articles/s5');
    expect(pages).toContain('/zh-Hans/tags/ai');
    expect(pages).not.toContain('/zh-Hant/articles/s4');
  });

  it('for a scheduled story: nothing until its time, then the pages that show it', () => {
    const index = indexOf(
      [...many, ...story('later', 30)].map((a) =>
        a.slug === 'later' ? { ...a, publishedAt: '2026-12-01T12:00:00.000Z' } : a,
      ),
    );
    const before = loadIndex(index, now);
    expect(before.article.has('zh-Hant/later')).toBe(false);
    expect(before.visibleUntil).toBe(Date.parse('2026-12-01T12:00:00.000Z'));
    const after = loadIndex(index, Date.parse('2026-12-01T12:00:00.000Z'));
    const pages = changedPages(pageFingerprints(before), pageFingerprints(after));
    expect(pages).toContain('/zh-Hant/articles/later');
    expect(pages).toContain('/zh-Hans');
  });
});

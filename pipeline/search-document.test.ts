import { describe, expect, it } from 'vitest';
import { contentStore } from '@/lib/content-store';
import { spaceHan } from '@/lib/search-text';
import { searchDocumentHtml } from './search-index';

// What search knows of a story is drawn from the content index that `npm run content` wrote.
const labels = { sponsored: '廣編企劃', playVideo: '播放影片' };

describe('the search document of a story', () => {
  const index = contentStore();
  const all = [...index.articles({ locale: 'zh-Hant' }), ...index.articles({ locale: 'zh-Hans' })];
  const sponsored = all.find((a) => a.locale === 'zh-Hant' && a.sponsor)!;
  const html = searchDocumentHtml(index, 'zh-Hant', sponsored.path, labels);

  it('holds the headline, dek and body as text, and the section, date and label as result fields', () => {
    // Text with every Han character a word of its own (lib/search-text.ts); meta fields as written.
    expect(html).toContain(`<h1>${spaceHan(sponsored.title)}</h1>`);
    expect(html).toContain(`data-pagefind-meta="title:${sponsored.title}"`);
    expect(html).toContain(spaceHan(sponsored.summary));
    expect(html).toContain(`data-pagefind-meta="summary:${sponsored.summary}"`);
    for (const slug of sponsored.tagSlugs)
      expect(html).toContain(`data-pagefind-filter="tag:${index.names().tag.get(slug)!.name['zh-Hant']}"`);
    expect(html).toMatch(/<article data-pagefind-body="true">.*<p>[^<]{20,}/s);
    expect(html).toContain(
      `data-pagefind-meta="section:${index.names().section.get(sponsored.sectionSlug)!.name['zh-Hant']}"`,
    );
    expect(html).toMatch(/data-pagefind-meta="date:\d{4}年\d{1,2}月\d{1,2}日"/);
    expect(html).toContain(`data-pagefind-sort="date:${sponsored.publishedAt}"`);
    expect(html).toContain('data-pagefind-meta="sponsored:廣編企劃"');
  });

  it("leaves out the hero picture's credit and what surrounds a story", () => {
    expect(html).not.toContain(sponsored.hero.credit);
    expect(html).not.toContain(spaceHan('分鐘'));
    // Credits of pictures in the body are drawn, but pagefind leaves them out.
    const captions = [...html.matchAll(/<figcaption[^>]*>(.*?)<\/figcaption>/gs)].map((m) => m[1]!);
    expect(captions.length).toBeGreaterThan(0);
    for (const caption of captions) expect(caption).toMatch(/<span[^>]*data-pagefind-ignore="true">[^<]+<\/span>$/);
    for (const slug of sponsored.related) expect(html).not.toContain(index.article('zh-Hant', slug)!.title);
  });

  it('is drawn in the script of its page, a derived one included', () => {
    const derived = all.find((a) => a.derivedFrom)!;
    const doc = searchDocumentHtml(index, derived.locale, derived.path, labels);
    expect(doc).toContain(`<html lang="${derived.locale}">`);
    expect(doc).toContain(spaceHan(derived.title));
  });

  it('refuses a path that is not a story of the index', () => {
    expect(() => searchDocumentHtml(index, 'zh-Hant', '/zh-Hant/articles/no-such-story', labels)).toThrow(
      /not an article/,
    );
  });
});

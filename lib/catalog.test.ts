import { describe, expect, it } from 'vitest';
import { buildIndex, type CatalogInput, type RawArticle } from './catalog';

const tag = (slug: string, hant: string, hans: string) => ({ sourceFile: `tags/${slug}.yaml`, name: { hant, hans } });

function article(slug: string, locale: string, overrides: Partial<RawArticle> = {}): RawArticle {
  const hant = locale === 'zh-Hant';
  return {
    sourceFile: `articles/${slug}/${locale}.mdx`,
    title: hant ? '標題' : '标题',
    summary: hant ? '導言' : '导言',
    publishedAt: '2018-11-12T02:00:00.000Z',
    authors: ['newsroom'],
    section: hant ? '商業' : '商业',
    tags: [hant ? '電子商務' : '电子商务'],
    hero: { src: '/images/a.jpg', alt: '圖', credit: '圖：觀潮科技' },
    readingMinutes: 3,
    ...overrides,
  };
}

function input(articles: RawArticle[]): CatalogInput {
  return {
    articles,
    authors: [{ sourceFile: 'authors/newsroom.yaml', name: { hant: '觀潮編輯部', hans: '观潮编辑部' } }],
    tags: [tag('e-commerce', '電子商務', '电子商务'), tag('alibaba', '阿里巴巴', '阿里巴巴')],
    sections: [{ sourceFile: 'sections/business.yaml', name: { hant: '商業', hans: '商业' } }],
    imageSize: (src) => (src === '/images/a.jpg' ? { width: 1600, height: 900 } : undefined),
    includeDrafts: false,
  };
}

const pair = (slug: string, overrides: Partial<RawArticle> = {}) => [
  article(slug, 'zh-Hant', overrides),
  article(slug, 'zh-Hans'),
];

describe('buildIndex', () => {
  it('resolves tags and sections written by Chinese name to their slugs', () => {
    const { index, problems } = buildIndex(input(pair('double-11')));
    expect(problems).toEqual([]);
    expect(index.articles).toHaveLength(2);
    const hant = index.articles.find((a) => a.locale === 'zh-Hant');
    expect(hant).toMatchObject({
      slug: 'double-11',
      path: '/zh-Hant/articles/double-11',
      tagSlugs: ['e-commerce'],
      sectionSlug: 'business',
      hero: { width: 1600, height: 900 },
    });
  });

  it('accepts a tag name written in the other script', () => {
    const { problems } = buildIndex(input([article('a', 'zh-Hant', { tags: ['电子商务'] }), article('a', 'zh-Hans')]));
    expect(problems).toEqual([]);
  });

  it('names the file and the value of an unknown tag, section and author', () => {
    const { problems } = buildIndex(
      input([
        article('a', 'zh-Hant', { tags: ['區塊鏈'], section: '娛樂', authors: ['nobody'] }),
        article('a', 'zh-Hans'),
      ]),
    );
    const file = 'articles/a/zh-Hant.mdx';
    expect(problems).toContainEqual(expect.objectContaining({ file, field: 'tags', message: '標籤「區塊鏈」不存在' }));
    expect(problems).toContainEqual(expect.objectContaining({ file, field: 'section', message: '分類「娛樂」不存在' }));
    expect(problems).toContainEqual(expect.objectContaining({ file, field: 'authors', message: '作者「nobody」不存在' }));
    const tagProblem = problems.find((p) => p.field === 'tags');
    expect(tagProblem?.fix).toContain('電子商務');
  });

  it('reports a missing script, a missing hero image and a broken further-reading slug', () => {
    const { problems } = buildIndex(
      input([article('lonely', 'zh-Hant', { hero: { src: '/images/missing.jpg', alt: '圖', credit: '圖' }, furtherReading: ['ghost'] })]),
    );
    expect(problems.map((p) => [p.file, p.field, p.message])).toEqual(
      expect.arrayContaining([
        ['articles/lonely/zh-Hant.mdx', 'hero.src', '找不到首圖「/images/missing.jpg」'],
        ['articles/lonely/zh-Hant.mdx', undefined, '文章「lonely」缺少 zh-Hans 版本'],
        ['articles/lonely/zh-Hant.mdx', 'furtherReading', '延伸閱讀的文章「ghost」不存在'],
      ]),
    );
  });

  it('rejects a file that is not articles/<slug>/<locale>.mdx', () => {
    for (const sourceFile of ['articles/Bad Slug/zh-Hant.mdx', 'articles/ok/zh-TW.mdx', 'articles/ok.mdx']) {
      const { problems } = buildIndex(input([{ ...article('x', 'zh-Hant'), sourceFile }]));
      expect(problems).toContainEqual(expect.objectContaining({ file: sourceFile, message: '文章檔案的位置或檔名不正確' }));
    }
  });

  it('requires both scripts of a story to agree on dates, tags and section', () => {
    const { problems } = buildIndex(
      input([
        article('a', 'zh-Hant'),
        article('a', 'zh-Hans', { publishedAt: '2019-01-01T00:00:00.000Z', tags: ['电子商务', '阿里巴巴'] }),
      ]),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['publishedAt', 'tags']);
    expect(problems[0]?.file).toBe('articles/a/zh-Hans.mdx');
  });

  it('leaves drafts out unless asked, and sorts newest first', () => {
    const articles = [
      ...pair('old'),
      ...pair('new', { publishedAt: '2020-01-01T00:00:00.000Z' }).map((a) => ({ ...a, publishedAt: '2020-01-01T00:00:00.000Z' })),
      ...pair('draft').map((a) => ({ ...a, draft: true })),
    ];
    const { index, problems } = buildIndex(input(articles));
    expect(problems).toEqual([]);
    expect(index.articles.filter((a) => a.locale === 'zh-Hant').map((a) => a.slug)).toEqual(['new', 'old']);
    const withDrafts = buildIndex({ ...input(articles), includeDrafts: true }).index;
    expect(withDrafts.articles.some((a) => a.slug === 'draft')).toBe(true);
  });

  it('refuses two tags that share a name', () => {
    const data = input(pair('a'));
    data.tags.push(tag('ecommerce', '電子商務', '电商'));
    const { problems } = buildIndex(data);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'tags/ecommerce.yaml', field: 'name' }));
  });
});

import { describe, expect, it } from 'vitest';
import { buildIndex, type ResolveInput, type RawArticle } from './resolve';
import { createConverter } from '../convert';

const converter = createConverter([{ hant: '台灣', hans: '台湾' }]);

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

function input(articles: RawArticle[]): ResolveInput {
  return {
    articles,
    authors: [{ sourceFile: 'authors/newsroom.yaml', name: { hant: '觀潮編輯部', hans: '观潮编辑部' } }],
    tags: [tag('e-commerce', '電子商務', '电子商务'), tag('alibaba', '阿里巴巴', '阿里巴巴')],
    sections: [{ sourceFile: 'sections/business.yaml', name: { hant: '商業', hans: '商业' } }],
    imageSize: (src) => (src === '/images/a.jpg' ? { width: 1600, height: 900 } : undefined),
    includeDrafts: false,
    now: new Date('2026-11-25T00:00:00Z'),
    convert: (text, from) => converter.convert(text, from),
  };
}

const pair = (slug: string, overrides: Partial<RawArticle> = {}) => [
  article(slug, 'zh-Hant', overrides),
  article(slug, 'zh-Hans'),
];

describe('buildIndex', () => {
  it("records the hash of each hero's bytes, so a picture replaced in place changes its pages", () => {
    const hashed = (hash: string) =>
      buildIndex({ ...input(pair('double-11')), imageHash: (src) => (src === '/images/a.jpg' ? hash : undefined) })
        .index.articles[0]!.hero.hash;
    expect(hashed('0123456789abcdef')).toBe('0123456789abcdef');
    expect(hashed('fedcba9876543210')).toBe('fedcba9876543210');
    expect(buildIndex(input(pair('double-11'))).index.articles[0]!.hero.hash).toBeUndefined();
  });

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
    expect(problems).toContainEqual(
      expect.objectContaining({ file, field: 'tags[0]', message: '標籤「區塊鏈」不存在' }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ file, field: 'section', message: '分類「娛樂」不存在' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ file, field: 'authors[0]', message: '作者「nobody」不存在' }),
    );
    const tagProblem = problems.find((p) => p.field === 'tags[0]');
    expect(tagProblem?.fix).toContain('電子商務');
  });

  it('reports a missing hero image and a broken further-reading slug', () => {
    const { problems } = buildIndex(
      input([
        article('lonely', 'zh-Hant', {
          hero: { src: '/images/missing.jpg', alt: '圖', credit: '圖' },
          furtherReading: ['ghost'],
        }),
      ]),
    );
    expect(problems.map((p) => [p.file, p.field, p.message])).toEqual(
      expect.arrayContaining([
        ['articles/lonely/zh-Hant.mdx', 'hero.src', '找不到首圖「/images/missing.jpg」'],
        ['articles/lonely/zh-Hant.mdx', 'furtherReading[0]', '延伸閱讀的文章「ghost」不存在'],
      ]),
    );
  });

  it('lets a draft wait for its hero image, shown as the placeholder, and asks for it once published', () => {
    const missing = { hero: { src: '/images/articles/new/hero.jpg', alt: '圖', credit: '圖' } };
    const withPlaceholder = (src: string) =>
      src === '/images/a.jpg' || src === '/images/draft-hero.png' ? { width: 1600, height: 900 } : undefined;
    const draft = buildIndex({
      ...input([article('new', 'zh-Hant', { ...missing, draft: true })]),
      imageSize: withPlaceholder,
      includeDrafts: true,
    });
    expect(draft.problems).toEqual([]);
    expect(draft.index.articles[0]?.hero).toMatchObject({ src: '/images/draft-hero.png', width: 1600, height: 900 });
    const published = buildIndex({ ...input([article('new', 'zh-Hant', missing)]), imageSize: withPlaceholder });
    expect(published.problems.map((p) => p.message)).toContain('找不到首圖「/images/articles/new/hero.jpg」');
  });

  it('rejects a file that is not articles/<slug>/<locale>.mdx', () => {
    for (const sourceFile of ['articles/Bad Slug/zh-Hant.mdx', 'articles/ok/zh-TW.mdx', 'articles/ok.mdx']) {
      const { problems } = buildIndex(input([{ ...article('x', 'zh-Hant'), sourceFile }]));
      expect(problems).toContainEqual(
        expect.objectContaining({ file: sourceFile, message: '文章檔案的位置或檔名不正確' }),
      );
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

  it('leaves drafts out unless asked, keeps scheduled articles for their time, and sorts newest first', () => {
    const articles = [
      ...pair('future').map((a) => ({ ...a, publishedAt: '2027-01-01T00:00:00.000Z' })),
      ...pair('old'),
      ...pair('new', { publishedAt: '2020-01-01T00:00:00.000Z' }).map((a) => ({
        ...a,
        publishedAt: '2020-01-01T00:00:00.000Z',
      })),
      ...pair('draft').map((a) => ({ ...a, draft: true })),
    ];
    const { index, problems } = buildIndex(input(articles));
    expect(problems).toEqual([]);
    expect(index.articles.filter((a) => a.locale === 'zh-Hant').map((a) => a.slug)).toEqual(['future', 'new', 'old']);
    expect(index.preview).toBe(false);
    const withDrafts = buildIndex({ ...input(articles), includeDrafts: true }).index;
    expect(withDrafts.articles.some((a) => a.slug === 'draft')).toBe(true);
    expect(withDrafts.articles.some((a) => a.slug === 'future')).toBe(true);
  });

  it('refuses two tags that share a name', () => {
    const data = input(pair('a'));
    data.tags.push(tag('ecommerce', '電子商務', '电商'));
    const { problems } = buildIndex(data);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'tags/ecommerce.yaml', field: 'name' }));
  });

  it('derives the other script of a story written in one, converted and marked', () => {
    const { index, problems } = buildIndex(
      input([
        article('solo', 'zh-Hant', {
          title: '台灣的軟體業',
          summary: '「網路」與資料',
          hero: { src: '/images/a.jpg', alt: '伺服器機房', credit: '圖：觀潮科技' },
        }),
      ]),
    );
    expect(problems).toEqual([]);
    const derived = index.articles.find((a) => a.locale === 'zh-Hans');
    expect(derived).toMatchObject({
      slug: 'solo',
      path: '/zh-Hans/articles/solo',
      title: '台湾的软件业',
      // 資料 alone is on the vocabulary's ambiguous list (data or documents): characters only.
      summary: '“网络”与资料',
      hero: { alt: '服务器机房', credit: '图：观潮科技', width: 1600 },
      derivedFrom: 'zh-Hant',
      sourceFile: 'articles/solo/zh-Hant.mdx',
      tagSlugs: ['e-commerce'],
    });
    expect(index.articles.find((a) => a.locale === 'zh-Hant')?.derivedFrom).toBeUndefined();
  });

  it('derives Traditional from Simplified too', () => {
    const { index } = buildIndex(input([article('solo', 'zh-Hans', { title: '视频软件' })]));
    expect(index.articles.find((a) => a.locale === 'zh-Hant')).toMatchObject({
      title: '影片軟體',
      derivedFrom: 'zh-Hans',
    });
  });

  it('lets a human-written version win: nothing is derived when both scripts exist', () => {
    const { index } = buildIndex(input(pair('both')));
    expect(index.articles.every((a) => a.derivedFrom === undefined)).toBe(true);
  });

  it('refuses two files that claim the same slug and script', () => {
    const { problems } = buildIndex(
      input([
        article('twice', 'zh-Hant'),
        { ...article('twice', 'zh-Hant'), sourceFile: 'articles/2026/twice/zh-Hant.mdx' },
      ]),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'articles/2026/twice/zh-Hant.mdx',
        message: '文章「twice」的 zh-Hant 版本重複：articles/twice/zh-Hant.mdx 也是同一篇',
      }),
    );
  });

  it('accepts articles inside grouping folders', () => {
    const { problems, index } = buildIndex(
      input([{ ...article('grouped', 'zh-Hant'), sourceFile: 'articles/2026/grouped/zh-Hant.mdx' }]),
    );
    expect(problems).toEqual([]);
    expect(index.articles.map((a) => a.path)).toContain('/zh-Hant/articles/grouped');
  });

  it('refuses a glossary entry that is empty or contradicts an earlier one', () => {
    const { problems } = buildIndex({
      ...input(pair('a')),
      glossary: {
        sourceFile: 'glossary.yaml',
        terms: [
          { hant: '輝達', hans: '英伟达' },
          { hant: '輝達', hans: '辉达' },
          { hant: ' ', hans: '空白' },
        ],
      },
    });
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['glossary.yaml', 'terms[1].hant'],
      ['glossary.yaml', 'terms[2].hant'],
    ]);
  });
});

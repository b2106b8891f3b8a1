import { describe, expect, it } from 'vitest';
import { findArticles, type PagefindResult, type PagefindSearch } from './search-engine';
import { bodyText, excerpt, normalizeQuery, phraseQuery, queryTerms, spaceHan, unspaceHan } from './search-text';

describe('the index form of Chinese text', () => {
  it('puts a space after every Han character, and takes it back exactly', () => {
    const text = '台灣 AI 伺服器的「電商」市場，Gogoro 換電站。';
    expect(spaceHan('電商平台')).toBe('電 商 平 台 ');
    expect(unspaceHan(spaceHan(text))).toBe(text);
    // Pagefind collapses spaces: a space the house style puts before a number or Latin word stays.
    expect(unspaceHan(spaceHan('雙 11 與生成式 AI').replace(/\s+/g, ' '))).toBe('雙 11 與生成式 AI');
  });
});

describe('queries', () => {
  it('tidies what was typed: full-width letters, spaces, length', () => {
    expect(normalizeQuery('  ＡＩ\u3000伺服器  ')).toBe('AI 伺服器');
    expect(normalizeQuery('字'.repeat(500))).toHaveLength(100);
  });

  it('splits a query into Han runs and Latin words; quotes and punctuation only separate', () => {
    expect(queryTerms('AI伺服器 供應鏈')).toEqual(['ai', '伺服器', '供應鏈']);
    expect(queryTerms('"半導體，人才"')).toEqual(['半導體', '人才']);
    expect(queryTerms('  ')).toEqual([]);
    expect(queryTerms('<script>')).toEqual(['script']);
  });

  it('asks pagefind for characters side by side', () => {
    expect(phraseQuery(['電商'])).toBe('"電 商"');
    expect(phraseQuery(['ai', '伺服器'])).toBe('"ai 伺 服 器"');
  });
});

describe('excerpts', () => {
  const content = spaceHan(
    '換電站的下一步. 電池變成服務。 台灣城市裡的換電站越來越密，騎士幾秒就能換上新電池。這是正文的其他部分。 林記者',
  );
  const meta = { title: '換電站的下一步', summary: '電池變成服務。', authors: '林記者' };

  it('are made of the body alone, without headline, dek or byline', () => {
    expect(bodyText(content, meta)).toBe('台灣城市裡的換電站越來越密，騎士幾秒就能換上新電池。這是正文的其他部分。');
  });

  it('mark each match whole, and start near the first', () => {
    const segments = excerpt(bodyText(content, meta), ['電池'], 40);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['電池']);
    expect(segments.map((s) => s.text).join('')).toContain('換上新電池');
  });

  it('mark a Latin word only where it stands whole', () => {
    const segments = excerpt('AIR 與 AI 不同，fair 也不是。', ['ai']);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['AI']);
  });

  it('begin at the body when only the headline matched', () => {
    expect(excerpt('正文開頭', ['標題字'])).toEqual([{ text: '正文開頭', match: false }]);
  });
});

describe('findArticles', () => {
  // A stand-in for pagefind's phrase search over four pages (newest first), by substring: `words`
  // holds a position for each character of each match, as pagefind's does.
  const pages: Record<string, string> = { d: '電商', a: '跨境電商與直播', b: '電池與出版商', c: '電商平台與電商人才' };
  const search: PagefindSearch = async (query) => {
    const phrase = query.replace(/"/g, '').split(' ').join('');
    return Object.entries(pages)
      .filter(([, text]) => text.includes(phrase))
      .map(([id, text]): PagefindResult => ({
        id,
        score: 1,
        words: Array.from({ length: text.split(phrase).length - 1 }).flatMap(() => [...phrase].map((_, i) => i)),
        data: async () => ({ url: id, content: text, meta: {} }),
      }));
  };

  it('finds only pages holding the word, not either of its characters; most mentions first, then newest', async () => {
    const { results } = await findArticles(search, ['電商']);
    expect(results.map((r) => r.id)).toEqual(['c', 'd', 'a']);
  });

  it('puts pages where the words stand together first', async () => {
    // e says both words more often, but never side by side.
    pages.e = '人才與電商，電商與電商';
    expect((await findArticles(search, ['電商 人才'])).results.map((r) => r.id)).toEqual(['c', 'e']);
    delete pages.e;
  });

  it('needs every word, and leaves out hidden pages', async () => {
    expect((await findArticles(search, ['電商 人才'])).results.map((r) => r.id)).toEqual(['c']);
    expect((await findArticles(search, ['電商'], { hidden: new Set(['c']) })).results.map((r) => r.id)).toEqual([
      'd',
      'a',
    ]);
  });

  it('finds nothing, and asks pagefind nothing, for a query of punctuation and spaces', async () => {
    let asked = 0;
    const counting: PagefindSearch = async (query, filters) => (asked++, search(query, filters));
    expect((await findArticles(counting, ['，。！ "" '])).results).toEqual([]);
    expect(asked).toBe(0);
  });

  it('searches every form of the query and shows each page once', async () => {
    const { results, terms } = await findArticles(search, ['电商', '電商']);
    expect(results.map((r) => r.id)).toEqual(['c', 'd', 'a']);
    expect(terms).toEqual(['电商', '電商']);
  });
});

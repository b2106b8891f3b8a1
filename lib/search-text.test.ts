import { describe, expect, it } from 'vitest';
import { excerptSegments, searchQuery } from './search-text';

describe('excerptSegments', () => {
  it('splits marked matches from the text around them', () => {
    expect(excerptSegments('台灣的<mark>半導體</mark>業者正在<mark>擴產</mark>')).toEqual([
      { text: '台灣的', match: false },
      { text: '半導體', match: true },
      { text: '業者正在', match: false },
      { text: '擴產', match: true },
    ]);
  });

  it('decodes entities and drops any other markup, so nothing is rendered as HTML', () => {
    expect(excerptSegments('A &amp; B &lt;script&gt; <img src=x onerror=alert(1)><mark>C</mark>')).toEqual([
      { text: 'A & B <script> ', match: false },
      { text: 'C', match: true },
    ]);
  });
});

describe('searchQuery', () => {
  it('quotes each run of Han characters so that its characters must stand together', () => {
    expect(searchQuery(' 換電 ')).toBe('"換電"');
    expect(searchQuery('AI伺服器 供應鏈')).toBe('AI "伺服器" "供應鏈"');
    expect(searchQuery('Gogoro')).toBe('Gogoro');
  });

  it('leaves a query the reader quoted as it is', () => {
    expect(searchQuery('"半導體 人才"')).toBe('"半導體 人才"');
  });
});

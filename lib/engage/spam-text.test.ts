import { describe, expect, it } from 'vitest';
import { hidesText, listedWordIn } from './spam-text';

describe('listedWordIn', () => {
  const words = ['buy', '賭博', 'buy now'];
  it.each([
    ['Ｂ ｕ ｙ', 'buy'],
    ['bυy', 'buy'],
    ['BUY!', 'buy'],
    ['b.u.y', 'buy'],
    ['b\u200Bu\u200By', 'buy'],
    ['快來buy', 'buy'],
    ['賭 博', '賭博'],
    ['赌博', '賭博'],
    ['線上賭\u3000博網', '賭博'],
  ])('finds %j', (text, word) => expect(listedWordIn(text, words)).toBe(word));

  it('matches Latin words whole, and Chinese anywhere', () => {
    expect(listedWordIn('this class is good', ['ass'])).toBeUndefined();
    expect(listedWordIn('buyer', ['buy'])).toBeUndefined();
    expect(listedWordIn('Buy Now', ['buy now'])).toBe('buy now');
    expect(listedWordIn('線上博彩優惠', ['博彩'])).toBe('博彩');
    expect(listedWordIn('博士', ['賭博'])).toBeUndefined();
    expect(listedWordIn('anything', ['', ' '])).toBeUndefined();
  });
});

describe('hidesText', () => {
  it('finds characters that show nothing or turn text around', () => {
    for (const c of [
      '\u3164',
      '\u2800',
      '\u061C',
      '\u115F',
      '\uFFA0',
      '\u200B',
      '\u202E',
      '\u{E0041}',
      '\uFE0F',
      '\u00AD',
    ])
      expect(hidesText(`讀${c}者`), c.codePointAt(0)!.toString(16)).toBe(true);
  });

  it('takes line breaks and emoji sequences', () => {
    expect(hidesText('第一行\n第二行')).toBe(false);
    expect(hidesText('👨\u200D👩\u200D👧 ❤\uFE0F 1\uFE0F\u20E3')).toBe(false);
  });
});

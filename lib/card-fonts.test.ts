import { describe, expect, it } from 'vitest';
import { cardFontSubsets, cardFonts, parseUnicodeRange, pickSubsets } from './card-fonts';

const headlines = {
  'zh-Hant': '雙十一十年：電商平台的軟體與物流如何改寫零售業，ABC 2025 年「觀潮」廣編企劃',
  'zh-Hans': '双十一十年：电商平台的软件与物流如何改写零售业，ABC 2025 年“观潮”广编企划',
} as const;

describe('the card font picker', () => {
  it('reads unicode ranges, single code points and wildcards', () => {
    expect(parseUnicodeRange('U+4e00-4e0f, U+20024,U+4??')).toEqual([
      [0x4e00, 0x4e0f],
      [0x20024, 0x20024],
      [0x400, 0x4ff],
    ]);
  });

  it.each(Object.entries(headlines) as [keyof typeof headlines, string][])(
    'picks woff files covering every character of a %s headline',
    (locale, headline) => {
      const subsets = cardFontSubsets(locale);
      expect(subsets.length).toBeGreaterThan(50);
      const { files, missing } = pickSubsets(subsets, headline);
      expect(missing).toEqual([]);
      expect(files.every((f) => f.endsWith('-700-normal.woff'))).toBe(true);
      // Only what the headline needs: a handful of the ~100 subsets.
      expect(files.length).toBeLessThan(20);
      for (const char of Array.from(headline).filter((c) => c.trim())) {
        const code = char.codePointAt(0)!;
        const covering = subsets.filter(
          (s) => files.includes(s.file) && s.ranges.some(([a, b]) => code >= a && code <= b),
        );
        expect(covering, `${char} in ${locale}`).not.toHaveLength(0);
      }
      const fonts = cardFonts(locale, headline).fonts;
      expect(fonts).toHaveLength(files.length);
      expect(fonts.every((f) => f.data.subarray(0, 4).toString('latin1') === 'wOFF')).toBe(true);
    },
  );

  it('uses the Simplified font for zh-Hans and the Traditional one for zh-Hant', () => {
    expect(pickSubsets(cardFontSubsets('zh-Hans'), '软').files[0]).toMatch(/^noto-sans-sc-/);
    expect(pickSubsets(cardFontSubsets('zh-Hant'), '軟').files[0]).toMatch(/^noto-sans-tc-/);
  });

  it('names what no subset covers, so the card leaves it out', () => {
    expect(pickSubsets(cardFontSubsets('zh-Hant'), '好\u{E000}').missing).toEqual(['\u{E000}']);
  });
});

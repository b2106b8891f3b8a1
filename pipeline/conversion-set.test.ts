import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { openccSettings } from '@/lib/script-convert';
import { readConversionSet, scoreConversion } from './conversion-set';
import { createConverter } from './convert';
import { readGlossary } from './search-conversion';

// The figures recorded in docs/performance.md ("Conversion between scripts"); a change to the
// vocabulary or the converter may improve them, never make them worse.
const recorded = { terms: 444, matched: 444, missed: 0, wrong: 0, exact: 202 };

const set = readConversionSet();

describe('the conversion test set', () => {
  it('has at least 200 sentences, about half written in each script', () => {
    expect(set.length).toBeGreaterThanOrEqual(200);
    expect(set.filter((s) => s.from === 'zh-Hant').length).toBeGreaterThanOrEqual(100);
    expect(set.filter((s) => s.from === 'zh-Hans').length).toBeGreaterThanOrEqual(100);
    expect(set.reduce((n, s) => n + s.terms.length, 0)).toBe(recorded.terms);
  });

  it('is converted no worse than recorded', () => {
    const converter = createConverter(readGlossary());
    const score = scoreConversion(set, (text, from) => converter.convertWithReport(text, from));
    expect(score.missedTerms).toEqual([]);
    expect(score.wrongReplacements).toEqual([]);
    expect(score.matched).toBeGreaterThanOrEqual(recorded.matched);
    expect(score.missed).toBeLessThanOrEqual(recorded.missed);
    expect(score.wrong).toBeLessThanOrEqual(recorded.wrong);
    expect(score.exact).toBeGreaterThanOrEqual(recorded.exact);
  });

  it('is a set raw OpenCC fails, so that the figures above measure the vocabulary', () => {
    const raw = {
      'zh-Hant': OpenCC.Converter(openccSettings['zh-Hant']),
      'zh-Hans': OpenCC.Converter(openccSettings['zh-Hans']),
    };
    const score = scoreConversion(set, (text, from) => ({ text: raw[from](text), replacements: [] }));
    expect(score.missed).toBeGreaterThan(recorded.terms / 2);
  });
});

import { describe, expect, it } from 'vitest';
import { loadQueryConverter, mayNeedConversion } from '@/lib/search-convert';
import { queryConversion } from './search-conversion';
import { readVocabulary } from './vocabulary';

const glossary = [{ hant: '台灣', hans: '台湾' }];
const onHant = queryConversion('zh-Hant', glossary);
const onHans = queryConversion('zh-Hans', glossary);

describe("the search page converts a query with the build's vocabulary", () => {
  it('marks a query holding a vocabulary word as other-script, even with no character to convert', () => {
    // 便利店, 超商 and 通膨 are written with characters OpenCC leaves alone.
    expect(mayNeedConversion('便利店', 'zh-Hant', onHant)).toBe(true);
    expect(mayNeedConversion('超商', 'zh-Hans', onHans)).toBe(true);
    expect(mayNeedConversion('通膨', 'zh-Hans', onHans)).toBe(true);
    // Without the vocabulary in the manifest, nothing would mark them.
    expect(mayNeedConversion('超商', 'zh-Hans', { ...onHans, vocabulary: undefined })).toBe(false);
    expect(mayNeedConversion('夜市', 'zh-Hans', onHans)).toBe(false);
  });

  it('converts the query as the build converts articles', async () => {
    const toHant = await loadQueryConverter('zh-Hant', onHant);
    expect(toHant('移动支付 便利店')).toBe('行動支付 便利商店');
    expect(toHant('台湾的云计算')).toBe('台灣的雲端運算');
    const toHans = await loadQueryConverter('zh-Hans', onHans);
    expect(toHans('超商 行動支付')).toBe('便利店 移动支付');
    // A manifest written before the vocabulary: OpenCC and the glossary alone, no error.
    expect((await loadQueryConverter('zh-Hans', { ...onHans, vocabulary: undefined }))('超商 行動支付')).toBe(
      '超商 行动支付',
    );
  });

  it('carries one direction of the vocabulary, small', () => {
    const file = readVocabulary();
    expect(onHant.vocabulary?.pairs.length).toBe(file.pairs.filter((p) => p.toHant).length);
    expect(onHans.vocabulary?.pairs.length).toBe(file.pairs.filter((p) => p.toHans).length);
    for (const c of [onHant, onHans]) expect(JSON.stringify(c.vocabulary).length).toBeLessThan(12_000);
  });
});

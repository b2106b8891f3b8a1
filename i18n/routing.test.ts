import { describe, expect, it } from 'vitest';
import { laterPageParams, listingPath, localePath, pageParam } from './routing';

describe('listing pages', () => {
  it('gives page 1 the listing\'s own address and later pages /page/N', () => {
    expect(localePath('zh-Hans', listingPath('/tags/ai', 1))).toBe('/zh-Hans/tags/ai');
    expect(localePath('zh-Hant', listingPath('', 3))).toBe('/zh-Hant/page/3');
  });

  it('builds static params for pages 2 onwards only, none for a listing of one page or none', () => {
    expect(laterPageParams(3)).toEqual([{ page: '2' }, { page: '3' }]);
    expect(laterPageParams(1)).toEqual([]);
    expect(laterPageParams(0)).toEqual([]);
  });

  it('reads only plain page numbers from 2 up; /page/1, /page/01 and words are not pages', () => {
    expect(pageParam(undefined)).toBe(1);
    expect(pageParam('2')).toBe(2);
    for (const bad of ['1', '01', '0', '-2', 'two', '2.5']) expect(pageParam(bad)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { localePath } from '@/i18n/locales';
import { laterPageParams, listingPath, pageParam, paginationItems } from './pagination';

describe('listing pages', () => {
  it("gives page 1 the listing's own address and later pages /page/N", () => {
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

describe('paginationItems', () => {
  it('shows every page of a short listing', () => {
    expect(paginationItems(1, 2)).toEqual([1, 2]);
    expect(paginationItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps a long listing to the ends and the pages around the current one', () => {
    expect(paginationItems(1, 1667)).toEqual([1, 2, 3, 'gap', 1667]);
    expect(paginationItems(500, 1667)).toEqual([1, 'gap', 498, 499, 500, 501, 502, 'gap', 1667]);
    expect(paginationItems(1667, 1667)).toEqual([1, 'gap', 1665, 1666, 1667]);
  });

  it('writes out a single skipped page instead of a gap', () => {
    expect(paginationItems(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 20]);
  });
});

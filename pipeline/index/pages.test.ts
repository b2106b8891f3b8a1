import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '@/lib/content-model';
import { resolveSitePages } from './pages';

const convert = (text: string, from: string) => `${text}（由 ${from} 轉換）`;

describe('resolveSitePages', () => {
  it('derives the other script of a page written in one, and orders the footer by order, then slug', () => {
    const problems: ContentProblem[] = [];
    const pages = resolveSitePages(
      [
        { sourceFile: 'pages/privacy/zh-Hant.mdx', title: '隱私權政策', summary: '說明', order: 3 },
        {
          sourceFile: 'pages/about/zh-Hant.mdx',
          title: ' 關於我們 ',
          summary: '介紹',
          order: 1,
          updatedAt: '2026-11-30T16:00:00.000Z',
        },
        { sourceFile: 'pages/jobs/zh-Hans.mdx', title: '加入我们', summary: '招聘' },
      ],
      convert,
      problems,
    );
    expect(problems).toEqual([]);
    expect(pages.map((p) => `${p.locale} ${p.path} ${p.title} ${p.derivedFrom ?? '-'}`)).toEqual([
      'zh-Hans /zh-Hans/info/about 關於我們（由 zh-Hant 轉換） zh-Hant',
      'zh-Hant /zh-Hant/info/about 關於我們 -',
      'zh-Hans /zh-Hans/info/privacy 隱私權政策（由 zh-Hant 轉換） zh-Hant',
      'zh-Hant /zh-Hant/info/privacy 隱私權政策 -',
      'zh-Hans /zh-Hans/info/jobs 加入我们 -',
      'zh-Hant /zh-Hant/info/jobs 加入我们（由 zh-Hans 轉換） zh-Hans',
    ]);
    expect(pages.find((p) => p.slug === 'about' && p.locale === 'zh-Hans')?.updatedAt).toBe('2026-11-30T16:00:00.000Z');
  });

  it('keeps both versions an editor wrote, and reports a wrong place or a footer order they disagree on', () => {
    const problems: ContentProblem[] = [];
    const pages = resolveSitePages(
      [
        { sourceFile: 'pages/contact/zh-Hant.mdx', title: '聯絡我們', summary: '信箱', order: 2 },
        { sourceFile: 'pages/contact/zh-Hans.mdx', title: '联系我们', summary: '邮箱', order: 5 },
        { sourceFile: 'pages/About_Us/zh-Hant.mdx', title: '關於', summary: '介紹' },
        { sourceFile: 'pages/team/zh-TW.mdx', title: '團隊', summary: '介紹' },
      ],
      convert,
      problems,
    );
    expect(pages.map((p) => `${p.locale} ${p.title}`)).toEqual(['zh-Hant 聯絡我們', 'zh-Hans 联系我们']);
    expect(problems.map((p) => `${p.file} ${p.field ?? ''} ${p.message}`)).toEqual([
      'pages/About_Us/zh-Hant.mdx  網站頁面的位置或檔名不正確',
      'pages/team/zh-TW.mdx  網站頁面的位置或檔名不正確',
      'pages/contact/zh-Hans.mdx order order 與 pages/contact/zh-Hant.mdx 不一致',
    ]);
  });
});

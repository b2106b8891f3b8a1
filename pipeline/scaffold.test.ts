import { describe, expect, it } from 'vitest';
import {
  articleTemplate,
  checkAuthors,
  checkScript,
  checkSection,
  checkSlug,
  checkTags,
  type ScaffoldChoices,
} from './scaffold';

const choices: ScaffoldChoices = {
  sections: [{ id: 'tech', hant: '科技', hans: '科技' }],
  tags: [
    { id: 'ai', hant: '人工智慧', hans: '人工智能' },
    { id: 'media', hant: '媒體', hans: '媒体' },
  ],
  authors: [{ id: 'newsroom', hant: '觀潮編輯部', hans: '观潮编辑部' }],
  slugs: new Set(['double-11-ten-years']),
};

describe('the scaffold', () => {
  it('refuses a malformed or taken slug and an unknown script, saying why', () => {
    expect(checkSlug('ai-chip-export', choices)).toEqual({ ok: true, value: 'ai-chip-export' });
    expect(checkSlug('AI_Chip', choices)).toMatchObject({ ok: false, error: expect.stringContaining('不合規則') });
    expect(checkSlug('double-11-ten-years', choices)).toMatchObject({
      ok: false,
      error: expect.stringContaining('已經有文章了'),
    });
    expect(checkScript('zh-Hans')).toEqual({ ok: true, value: 'zh-Hans' });
    expect(checkScript('zh-TW')).toMatchObject({ ok: false, error: expect.stringContaining('zh-TW') });
  });

  it('takes sections and tags by name in either script, and lists the ones there are', () => {
    expect(checkSection('科技', choices, 'zh-Hant').ok).toBe(true);
    expect(checkTags('人工智能，媒體', choices, 'zh-Hans')).toEqual({ ok: true, value: ['人工智能', '媒體'] });
    expect(checkTags('區塊鏈', choices, 'zh-Hans')).toMatchObject({
      ok: false,
      error: '標籤「區塊鏈」不存在；可用的標籤：人工智能、媒体',
    });
    expect(checkAuthors('newsroom, nobody', choices)).toMatchObject({
      ok: false,
      error: expect.stringContaining('nobody'),
    });
    expect(checkAuthors('', choices).ok).toBe(false);
  });

  it('writes a draft dated in Taipei, with the placeholders of its script', () => {
    const text = articleTemplate(
      {
        slug: 'ai-chip-export',
        locale: 'zh-Hans',
        title: '标题',
        section: '科技',
        tags: ['人工智能'],
        authors: ['newsroom'],
      },
      new Date('2026-12-01T17:30:00Z'),
    );
    expect(text).toContain('publishedAt: 2026-12-02T01:30:00\ndraft: true\n');
    expect(text).toContain('summary: "请在这里写一到两句导言。"');
    expect(text).toContain('  src: /images/articles/ai-chip-export/hero.jpg');
    expect(text).toContain('## 第一个小标');
  });
});

import { describe, expect, it } from 'vitest';
import { socialCardKey, socialCardPath, SOCIAL_CARD_FILE, type SocialCardContent } from './social-card';

const base: SocialCardContent = {
  locale: 'zh-Hant',
  title: '雙十一十年：電商的下一步',
  section: '電商',
  siteName: '觀潮科技',
  hero: { src: '/images/articles/double-11-ten-years/hero.jpg', hash: '0123456789abcdef' },
};
const fonts = '@fontsource/noto-sans-tc@5.3.0,@fontsource/noto-sans-sc@5.3.0';
const key = (content: SocialCardContent, fontVersion = fonts) => socialCardKey(content, fontVersion);

describe('the social card key', () => {
  it('is 16 hex digits, the same for the same card', () => {
    expect(key(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(key({ ...base, hero: { ...base.hero } })).toBe(key(base));
  });

  it.each([
    ['title', { title: '雙十一十年：電商的下一步？' }],
    ['section', { section: '行銷' }],
    ['label', { label: '廣編企劃' }],
    ['hero file', { hero: { ...base.hero, hash: 'fedcba9876543210' } }],
    ['hero path', { hero: { ...base.hero, src: '/images/articles/other/hero.jpg' } }],
    ['site name', { siteName: '观潮科技' }],
    ['script', { locale: 'zh-Hans' as const }],
  ])('changes with the %s', (_, change) => {
    expect(key({ ...base, ...change })).not.toBe(key(base));
  });

  it('changes with the font version', () => {
    expect(key(base, fonts.replace('5.3.0', '5.3.1'))).not.toBe(key(base));
  });

  it('names the card in a path the card route reads back', () => {
    const path = socialCardPath('zh-Hant', 'double-11-ten-years', key(base));
    expect(path).toBe(`/zh-Hant/articles/double-11-ten-years/og/${key(base)}.png`);
    expect(SOCIAL_CARD_FILE.exec(path.split('/').pop()!)?.[1]).toBe(key(base));
  });
});

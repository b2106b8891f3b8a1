import type { Localized } from '@/i18n/locales';

type SiteConfig = {
  /** Public origin, used for canonical URLs, hreflang and the sitemap. */
  url: string;
  name: Localized;
  tagline: Localized;
  /** Reading speed for Chinese text, in characters per minute. */
  hanCharsPerMinute: number;
  /** Reading speed for runs of Latin text, in words per minute. */
  latinWordsPerMinute: number;
  /** Articles per page in every listing: home, tag, section and author pages. */
  pageSize: number;
  /** Where the end of each article invites readers to follow the site. */
  follow: { line: { url: string; id: string }; newsletter: { url: string } };
};

/** Site-wide settings: the one place each of these facts is kept. */
export const site: SiteConfig = {
  url: process.env.SITE_URL ?? 'http://localhost:3000',
  name: { 'zh-Hant': '觀潮科技', 'zh-Hans': '观潮科技' },
  tagline: {
    'zh-Hant': '看懂科技與商業的浪潮',
    'zh-Hans': '看懂科技与商业的浪潮',
  },
  hanCharsPerMinute: 400,
  latinWordsPerMinute: 200,
  pageSize: 6,
  follow: {
    line: { url: 'https://line.me/R/ti/p/@guanchao', id: '@guanchao' },
    newsletter: { url: 'https://guanchao.example/newsletter' },
  },
};

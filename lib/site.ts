import type { Localized } from '@/i18n/locales';

type SiteConfig = {
  /** Public origin, used for canonical URLs, hreflang and the sitemap. */
  url: string;
  name: Localized;
  tagline: Localized;
  /** Articles per page in every listing: home, tag, section and author pages. */
  pageSize: number;
  /**
   * How many later pages (/page/2 onwards) of the front page's and each section's listing `next
   * build` renders ahead (a tag's and an author's render on their first request: prerenderedListing
   * in lib/page-paths.ts); the rest render on their first request and are cached from then on. At
   * 10,000 stories, every later page of every tag and section is about 16,000 pages. A static
   * export builds them all.
   */
  prerenderLaterPages: number;
  /**
   * How many stories of each script `next build` renders ahead, the newest (200: a week of a busy
   * newsroom, where most readers are); older ones render on their first request and are cached from
   * then on (search indexes them all, from the content index). A static export builds them all.
   */
  prerenderArticles: number;
  /** Where the end of each article invites readers to follow the site. */
  follow: { line: { url: string; id: string } };
  /** The site's own accounts, linked from every footer (LINE's is follow.line). */
  social: { facebook: string; x: string };
};

/** Site-wide settings: the one place each of these facts is kept. */
export const site: SiteConfig = {
  url: process.env.SITE_URL ?? 'http://localhost:3000',
  name: { 'zh-Hant': '觀潮科技', 'zh-Hans': '观潮科技' },
  tagline: {
    'zh-Hant': '看懂科技與商業的浪潮',
    'zh-Hans': '看懂科技与商业的浪潮',
  },
  pageSize: 6,
  prerenderLaterPages: Number(process.env.PRERENDER_LATER_PAGES ?? 1),
  prerenderArticles: Number(process.env.PRERENDER_ARTICLES ?? 200),
  follow: {
    line: { url: 'https://line.me/R/ti/p/@guanchao', id: '@guanchao' },
  },
  social: { facebook: 'https://www.facebook.com/guanchao.tech', x: 'https://x.com/guanchao_tech' },
};

import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

/** next-intl's routing: every page under its locale's prefix, the default script first. */
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'always',
  // next-intl would send each page's alternates as a Link header built from the request's Host and
  // X-Forwarded-Host, in a response a CDN keeps: the pages' own hreflang links, from SITE_URL, say it.
  alternateLinks: false,
});

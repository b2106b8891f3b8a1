import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

/** next-intl's routing: every page under its locale's prefix, the default script first. */
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'always',
});

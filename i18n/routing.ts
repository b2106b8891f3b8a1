import { defineRouting } from 'next-intl/routing';

/** The two scripts the site publishes in; the first is the default. */
export const routing = defineRouting({
  locales: ['zh-Hant', 'zh-Hans'],
  defaultLocale: 'zh-Hant',
  localePrefix: 'always',
});

export type Locale = (typeof routing.locales)[number];

/** True when `value` is one of the site's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (routing.locales as readonly string[]).includes(value);
}

/** The other script: the counterpart every page links to. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant';
}

/** A page's path in one script: the one place the locale prefix is added. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}

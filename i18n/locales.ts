// The site's two scripts and everything derived from a locale, in one place and free of any
// framework, so that the content compiler's config, the build steps and the app all read the same.

/** The two scripts the site publishes in; the first is the default. */
export const locales = ['zh-Hant', 'zh-Hans'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'zh-Hant';

/** A name or text kept in both scripts. */
export type Localized = Record<Locale, string>;

/** Every date on the site is shown in this zone, and front-matter dates are read in it. */
export const timeZone = 'Asia/Taipei';

/**
 * How content files name each script. YAML keys are `hant`/`hans`: contentlayer writes field names
 * into generated types unquoted, and `zh-Hant` is not a valid identifier there.
 */
export type ScriptKey = 'hant' | 'hans';

const scriptKeys: Record<Locale, ScriptKey> = { 'zh-Hant': 'hant', 'zh-Hans': 'hans' };

/** Open Graph's name for each script's audience. */
const openGraphLocales: Record<Locale, string> = { 'zh-Hant': 'zh_TW', 'zh-Hans': 'zh_CN' };

/** True when `value` is one of the site's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The other script: the counterpart every page links to. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant';
}

/** The content files' key (`hant`/`hans`) for a locale. */
export function scriptKey(locale: Locale): ScriptKey {
  return scriptKeys[locale];
}

/** A `{ hant, hans }` pair from a content file as text per locale. */
export function fromScriptKeys(value: Record<ScriptKey, string>): Localized {
  return { 'zh-Hant': value.hant, 'zh-Hans': value.hans };
}

/** Open Graph locale of a page in this script (zh_TW, zh_CN). */
export function openGraphLocale(locale: Locale): string {
  return openGraphLocales[locale];
}

/** A page's path in one script: the one place the locale prefix is added. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}

/** The locale a path starts with (`/zh-Hans/tags/ai` -> zh-Hans), if any. */
export function localeOf(pathname: string): Locale | undefined {
  return locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
}

/** A path without its locale prefix (`/zh-Hans/tags/ai` -> /tags/ai, `/zh-Hans` -> ''). */
export function withoutLocale(pathname: string): string {
  const locale = localeOf(pathname);
  return locale ? pathname.slice(locale.length + 1) : '';
}

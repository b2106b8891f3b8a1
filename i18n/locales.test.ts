import { describe, expect, it } from 'vitest';
import { fromScriptKeys, isLocale, localeOf, localePath, otherLocale, scriptKey, withoutLocale } from './locales';

describe('locales', () => {
  it('knows the two scripts and nothing else', () => {
    expect(isLocale('zh-Hant')).toBe(true);
    expect(isLocale('zh-Hans')).toBe(true);
    for (const other of ['zh-TW', 'zh', 'en', '', undefined, 1]) expect(isLocale(other)).toBe(false);
    expect(otherLocale('zh-Hant')).toBe('zh-Hans');
    expect(otherLocale('zh-Hans')).toBe('zh-Hant');
  });

  it('maps each locale to the hant/hans key of content files and back', () => {
    expect(scriptKey('zh-Hant')).toBe('hant');
    expect(scriptKey('zh-Hans')).toBe('hans');
    expect(fromScriptKeys({ hant: '軟體', hans: '软件' })).toEqual({ 'zh-Hant': '軟體', 'zh-Hans': '软件' });
  });

  it('reads the locale prefix of a path only as a whole segment', () => {
    expect(localeOf('/zh-Hans')).toBe('zh-Hans');
    expect(localeOf('/zh-Hant/tags/ai')).toBe('zh-Hant');
    expect(localeOf('/zh-Hantx/tags')).toBeUndefined();
    expect(localeOf('/')).toBeUndefined();
    expect(withoutLocale('/zh-Hans/tags/ai')).toBe('/tags/ai');
    expect(withoutLocale('/zh-Hant')).toBe('');
    expect(withoutLocale('/elsewhere')).toBe('');
    expect(localePath('zh-Hans', withoutLocale('/zh-Hant/articles/x'))).toBe('/zh-Hans/articles/x');
  });
});

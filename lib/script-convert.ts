import type { Locale } from '@/i18n/locales';

// The one way text moves from one script to the other: OpenCC's phrase conversion with the house
// glossary held out of it. The build (pipeline/convert.ts) converts whole articles with it, and the
// search page converts a query typed in the other script with it, so that both agree on every word.

/** A term the converter must render in a fixed way in each script (a name, a house-style word). */
export type GlossaryTerm = { hant: string; hans: string };

/**
 * OpenCC's settings for text written in each script: Taiwanese phrases to Mainland Simplified, and
 * back. The build and the search page create their converters from these.
 */
export const openccSettings = {
  'zh-Hant': { from: 'twp', to: 'cn' },
  'zh-Hans': { from: 'cn', to: 'twp' },
} as const satisfies Record<Locale, { from: string; to: string }>;

const scriptOf = { 'zh-Hant': 'hant', 'zh-Hans': 'hans' } as const;

// Stand-ins for text that must come through conversion unchanged: private-use characters, which
// OpenCC leaves alone and no editor types. Each kind of protected text has its own pair.
export function shield(open: string, close: string) {
  const kept: string[] = [];
  const pattern = new RegExp(`${open}(\\d+)${close}`, 'g');
  return {
    hide: (value: string) => `${open}${kept.push(value) - 1}${close}`,
    restore: (text: string) => text.replace(pattern, (_, i: string) => kept[Number(i)] ?? ''),
  };
}

/** Glossary terms longest first, so that a longer term wins over a shorter one inside it. */
export function glossaryOrder(glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  return [...glossary].sort((a, b) => b.hant.length - a.hant.length || b.hans.length - a.hans.length);
}

/**
 * Converts text written in `from` into the other script: each glossary term (in `terms`, longest
 * first) becomes its fixed form, and the rest goes through `phrases` (OpenCC, plus whatever the
 * caller adds, such as quotation marks).
 */
export function convertScript(text: string, from: Locale, phrases: (text: string) => string, terms: readonly GlossaryTerm[]): string {
  const glossaryShield = shield('\uE000', '\uE001');
  const source = scriptOf[from];
  const target = source === 'hant' ? 'hans' : 'hant';
  let guarded = text;
  for (const term of terms) {
    if (guarded.includes(term[source])) guarded = guarded.split(term[source]).join(glossaryShield.hide(term[target]));
  }
  return glossaryShield.restore(phrases(guarded));
}

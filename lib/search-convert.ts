import { otherLocale, type Locale } from '@/i18n/locales';
import {
  convertScript,
  createLexicon,
  emptyVocabulary,
  glossaryOrder,
  openccSettings,
  type GlossaryTerm,
  type Vocabulary,
} from './script-convert';

/**
 * What the search page of one script needs to know to convert a query typed in the other script,
 * written by the index step into the search manifest (pipeline/search-index.tsx): the characters
 * the converter changes, the words it changes that are written with none of them (信息 → 資訊),
 * the glossary, and the regional vocabulary for this direction (移动支付 → 行動支付, the same table
 * the build converts articles with). A query with none of these is searched as typed, and OpenCC's dictionaries
 * (50 KB for a Traditional query on the Simplified site, 450 KB the other way, gzipped) are never
 * downloaded.
 */
// `vocabulary` is absent from a manifest written before the vocabulary existed: then none applies.
export type QueryConversion = { chars: string; words: string[]; terms: GlossaryTerm[]; vocabulary?: Vocabulary };

/** Whether converting `query` from the other script could change it. */
export function mayNeedConversion(query: string, site: Locale, conversion: QueryConversion): boolean {
  const from = otherLocale(site) === 'zh-Hans' ? 'hans' : 'hant';
  const chars = new Set(conversion.chars);
  return (
    [...query].some((c) => chars.has(c)) ||
    conversion.words.some((w) => query.includes(w)) ||
    conversion.terms.some((t) => query.includes(t[from])) ||
    (conversion.vocabulary ?? emptyVocabulary).pairs.some(([source]) => query.includes(source))
  );
}

/**
 * The converter the build uses (lib/script-convert.ts), from the other script into the site's:
 * OpenCC with the same settings, the vocabulary and the glossary. Loaded on the first query that needs it.
 */
export async function loadQueryConverter(
  site: Locale,
  conversion: QueryConversion,
): Promise<(query: string) => string> {
  const from = otherLocale(site);
  const opencc = from === 'zh-Hans' ? await import('opencc-js/cn2t') : await import('opencc-js/t2cn');
  const phrases = opencc.Converter(openccSettings[from]);
  const lexicon = createLexicon(from, glossaryOrder(conversion.terms), conversion.vocabulary ?? emptyVocabulary);
  return (query) => convertScript(query, from, phrases, lexicon);
}

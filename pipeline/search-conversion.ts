import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { to as cnToDicts } from 'opencc-js/preset/cn2t';
import { from as fromTwDicts } from 'opencc-js/preset/t2cn';
import { parse } from 'yaml';
import { otherLocale, type Locale } from '@/i18n/locales';
import { openccSettings, type GlossaryTerm } from '@/lib/script-convert';
import type { QueryConversion } from '@/lib/search-convert';
import { readVocabulary, vocabularyFor, type VocabularyFile } from './vocabulary';

// What the search page needs to know to decide, without OpenCC's dictionaries, whether a query may
// be written in the other script (lib/search-convert.ts). Written into the search manifest.

const HAN_BLOCKS: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/** The house glossary's terms (content/glossary.yaml), as the converter reads them. */
export function readGlossary(contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')): GlossaryTerm[] {
  const file = path.join(contentDir, 'glossary.yaml');
  if (!existsSync(file)) return [];
  const data = parse(readFileSync(file, 'utf8')) as { terms?: { hant?: unknown; hans?: unknown }[] } | null;
  return (data?.terms ?? []).flatMap((t) =>
    typeof t.hant === 'string' && typeof t.hans === 'string' ? [{ hant: t.hant, hans: t.hans }] : [],
  );
}

/** The keys of an OpenCC dictionary ("key value value|key value…"). */
const dictionaryKeys = (dict: unknown): string[] =>
  typeof dict === 'string'
    ? dict
        .split('|')
        .map((entry) => entry.split(' ')[0]!)
        .filter(Boolean)
    : [];

/**
 * For the search page of `site`: what marks a query as written in the other script, and the
 * vocabulary the converter applies to it (one direction only, which keeps the manifest small).
 */
export function queryConversion(
  site: Locale,
  glossary: GlossaryTerm[],
  vocabulary: VocabularyFile = readVocabulary(),
): QueryConversion {
  const from = otherLocale(site);
  const convert = OpenCC.Converter(openccSettings[from]);
  let chars = '';
  for (const [low, high] of HAN_BLOCKS) {
    for (let code = low; code <= high; code++) {
      const c = String.fromCodePoint(code);
      if (convert(c) !== c) chars += c;
    }
  }
  const changing = new Set(chars);
  // Regional words: Mainland words in the Taiwanese-phrase table (written there in Traditional
  // characters, so brought to Simplified first), Taiwanese words in its reverse.
  const toHans = OpenCC.Converter({ from: 't', to: 'cn' });
  const candidates =
    from === 'zh-Hans'
      ? dictionaryKeys(cnToDicts.twp?.[0]?.[0]).map((k) => toHans(k))
      : dictionaryKeys(fromTwDicts.twp?.[0]?.[0]);
  const words = [...new Set(candidates)]
    .filter((w) => [...w].every((c) => !changing.has(c)) && convert(w) !== w)
    .sort();
  return { chars, words, terms: glossary, vocabulary: vocabularyFor(from, vocabulary) };
}

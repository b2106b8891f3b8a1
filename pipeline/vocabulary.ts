import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { from as cnFrom, to as cnTo } from 'opencc-js/preset/cn2t';
import { from as twFrom, to as twTo } from 'opencc-js/preset/t2cn';
import { parse } from 'yaml';
import type { Locale } from '@/i18n/locales';
import { wordContexts, type Vocabulary, type WordContext } from '@/lib/script-convert';

// The regional vocabulary shipped with the site (pipeline/vocabulary.yaml): Taiwanese and Mainland
// words for the same thing, which OpenCC's phrase tables leave alone or get wrong. Read here, turned
// into one table per direction for lib/script-convert.ts.

export const vocabularyFile = fileURLToPath(new URL('./vocabulary.yaml', import.meta.url));

/** One line of the file: both forms, the category it sits under, and the directions it applies in. */
type VocabularyPair = {
  hant: string;
  hans: string;
  category: string;
  toHans: boolean;
  toHant: boolean;
  context?: WordContext;
};
/** A word left to OpenCC's character tables only, with why. */
type AmbiguousTerm = { from: 'hant' | 'hans'; term: string; why: string };
export type VocabularyFile = { pairs: VocabularyPair[]; ambiguous: AmbiguousTerm[] };

type RawFile = {
  vocabulary?: Record<string, unknown[]>;
  ambiguous?: { from?: unknown; term?: unknown; why?: unknown }[];
};

/** Reads and checks the file; a line it cannot read is an error naming the line (the file ships with the code). */
export function readVocabulary(file = vocabularyFile): VocabularyFile {
  const raw = (parse(readFileSync(file, 'utf8')) ?? {}) as RawFile;
  const pairs: VocabularyPair[] = [];
  for (const [category, lines] of Object.entries(raw.vocabulary ?? {})) {
    for (const line of lines ?? []) {
      const parts = String(line)
        .split('|')
        .map((p) => p.trim());
      const [hant, hans, direction = '', context] = parts;
      if (
        !hant ||
        !hans ||
        parts.length > 4 ||
        !['', '→', '←'].includes(direction) ||
        (context !== undefined && !(context in wordContexts))
      ) {
        throw new Error(
          `${file}: 無法讀取「${String(line)}」（寫成「台灣寫法 | 大陸寫法」，可加「| →」或「| ←」，再加「| 數量」）`,
        );
      }
      const pair: VocabularyPair = { hant, hans, category, toHans: direction !== '←', toHant: direction !== '→' };
      pairs.push(context === undefined ? pair : { ...pair, context: context as WordContext });
    }
  }
  const ambiguous = (raw.ambiguous ?? []).map((a): AmbiguousTerm => {
    if (
      (a.from !== 'hant' && a.from !== 'hans') ||
      typeof a.term !== 'string' ||
      typeof a.why !== 'string' ||
      !a.term
    ) {
      throw new Error(`${file}: ambiguous 的「${String(a.term)}」要寫 from（hant 或 hans）、term 與 why`);
    }
    return { from: a.from, term: a.term, why: a.why };
  });
  return { pairs, ambiguous };
}

/** Source forms that map to two different targets in one direction: the file must not have any. */
export function vocabularyConflicts({ pairs, ambiguous }: VocabularyFile): string[] {
  const problems: string[] = [];
  for (const [source, target, on] of [
    ['hant', 'hans', 'toHans'],
    ['hans', 'hant', 'toHant'],
  ] as const) {
    const seen = new Map<string, string>();
    for (const p of pairs.filter((p) => p[on])) {
      const before = seen.get(p[source]);
      if (before !== undefined && before !== p[target]) problems.push(`${p[source]} → ${before} / ${p[target]}`);
      seen.set(p[source], p[target]);
    }
    for (const a of ambiguous.filter((a) => a.from === source)) {
      if (seen.has(a.term)) problems.push(`${a.term} 同時在 ambiguous 與對照表裡`);
    }
  }
  return problems;
}

const dictKeys = (groups: unknown): string[] =>
  (Array.isArray(groups) ? groups.flat() : []).flatMap((dict: unknown) =>
    typeof dict === 'string'
      ? dict
          .split('|')
          .map((entry) => entry.split(' ')[0]!)
          .filter((k) => k.length > 1)
      : [],
  );

// OpenCC's phrases in each source script: the guards come from these.
let phraseCache: Record<Locale, string[]> | undefined;
function openccPhrases(): Record<Locale, string[]> {
  if (phraseCache) return phraseCache;
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  phraseCache = {
    'zh-Hant': [...new Set([...dictKeys(twFrom.twp), ...dictKeys(twTo.cn)])],
    'zh-Hans': [...new Set([...dictKeys(cnFrom.cn), ...dictKeys(cnTo.twp).map((k) => toSimplified(k))])],
  };
  return phraseCache;
}

/**
 * The vocabulary for text written in `from`: its pairs, its ambiguous words with only their
 * characters converted, and the OpenCC phrases longer than a word of either that hold it (OpenCC
 * knows 數據庫 better than a rule for 數據 does).
 */
export function vocabularyFor(from: Locale, file: VocabularyFile): Vocabulary {
  const source = from === 'zh-Hant' ? 'hant' : 'hans';
  const on = from === 'zh-Hant' ? 'toHans' : 'toHant';
  const characters = OpenCC.Converter(from === 'zh-Hant' ? { from: 'tw', to: 'cn' } : { from: 'cn', to: 'tw' });
  const pairs = file.pairs
    .filter((p) => p[on])
    .map((p): Vocabulary['pairs'][number] => {
      const pair: [string, string] = [p[source], source === 'hant' ? p.hans : p.hant];
      return p.context ? [...pair, p.context] : pair;
    });
  const kept = file.ambiguous
    .filter((a) => a.from === source)
    .map((a): [string, string] => [a.term, characters(a.term)]);
  const words = new Set([...pairs, ...kept].map(([s]) => s));
  const longest = Math.max(0, ...[...words].map((w) => w.length));
  const guards = openccPhrases()[from].filter((phrase) => {
    if (words.has(phrase)) return false;
    for (let i = 0; i < phrase.length; i++) {
      for (let j = i + 1; j <= Math.min(phrase.length, i + longest); j++)
        if (words.has(phrase.slice(i, j))) return true;
    }
    return false;
  });
  return { pairs, kept, guards: guards.sort() };
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Locale } from '@/i18n/locales';
import type { Replacement } from '@/lib/script-convert';

// The conversion test set (tests/conversion-set.yaml): sentences with the version an editor would
// write in the other script, and the regional words each tests. Scored here for the benchmark
// (bench/convert.ts) and the regression test beside this file.

const conversionSetFile = fileURLToPath(new URL('../tests/conversion-set.yaml', import.meta.url));

export type SetSentence = { from: Locale; text: string; human: string; terms: { source: string; target: string }[] };

export function readConversionSet(file = conversionSetFile): SetSentence[] {
  const raw = parse(readFileSync(file, 'utf8')) as Record<'hant' | 'hans', string[]>;
  return (['hant', 'hans'] as const).flatMap((script) =>
    (raw[script] ?? []).map((line): SetSentence => {
      const [text = '', human = '', terms = ''] = line.split('‖').map((part) => part.trim());
      if (!text || !human) throw new Error(`${file}: 「${line}」要寫成「原文 ‖ 人工版本 ‖ 地區詞」`);
      return {
        from: script === 'hant' ? 'zh-Hant' : 'zh-Hans',
        text,
        human,
        terms: terms
          ? terms.split(/[,，]/).map((pair) => {
              const [source = '', target = ''] = pair.split('=').map((p) => p.trim());
              if (!source || !target) throw new Error(`${file}: 地區詞「${pair}」要寫成「原文的詞=人工版本的詞」`);
              return { source, target };
            })
          : [],
      };
    }),
  );
}

export type ConversionScore = {
  sentences: number;
  terms: number;
  matched: number;
  missed: number;
  /** Vocabulary replacements whose result the human version does not have. */
  wrong: number;
  /** Sentences converted exactly as the editor wrote them. */
  exact: number;
  missedTerms: string[];
  wrongReplacements: string[];
};

/** Converts every sentence and counts: a term is matched when the output holds the editor's word. */
export function scoreConversion(
  set: SetSentence[],
  convert: (text: string, from: Locale) => { text: string; replacements: Replacement[] },
): ConversionScore {
  const score: ConversionScore = {
    sentences: set.length,
    terms: 0,
    matched: 0,
    missed: 0,
    wrong: 0,
    exact: 0,
    missedTerms: [],
    wrongReplacements: [],
  };
  for (const sentence of set) {
    const { text, replacements } = convert(sentence.text, sentence.from);
    if (text === sentence.human) score.exact += 1;
    for (const term of sentence.terms) {
      score.terms += 1;
      if (text.includes(term.target)) score.matched += 1;
      else {
        score.missed += 1;
        score.missedTerms.push(`${term.source}→${term.target}: ${text}`);
      }
    }
    for (const r of replacements.filter((r) => r.kind === 'vocabulary')) {
      if (!sentence.human.includes(r.target)) {
        score.wrong += 1;
        score.wrongReplacements.push(`${r.source}→${r.target}: ${sentence.human}`);
      }
    }
  }
  return score;
}

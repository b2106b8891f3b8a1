import type { Locale } from '@/i18n/locales';

// The one way text moves from one script to the other: OpenCC's phrase conversion, the regional
// vocabulary (pipeline/vocabulary.yaml) and the house glossary, both held out of OpenCC. The build
// (pipeline/convert.ts) converts whole articles with it, and the search page converts a query typed
// in the other script with it, so that both agree on every word.

/** A term the converter must render in a fixed way in each script (a name, a house-style word). */
export type GlossaryTerm = { hant: string; hans: string };

/**
 * The regional vocabulary for one direction, as the converter applies it: `[source, target]` pairs
 * (Taiwanese words to Mainland ones, or back), `kept`: ambiguous words held out of OpenCC's phrase
 * tables with only their characters converted, and `guards`: OpenCC phrases that hold a vocabulary
 * word (數據庫 holds 數據), left to OpenCC so that its longer phrase still wins.
 */
export type Vocabulary = {
  pairs: ([string, string] | [string, string, WordContext])[];
  kept: [string, string][];
  guards: string[];
};

/**
 * Where a word with a context may stand: 年增 is year-on-year growth only before a quantity
 * (年增 18%、年增兩成), and not in 今年增加 or 每年增資.
 */
export const wordContexts = {
  數量: { next: /^\s?[0-9０-９一二三四五六七八九十百千萬兩逾近約超達]/u, notAfter: /[今去明每前當本該隔同]/u },
} as const;
export type WordContext = keyof typeof wordContexts;

export const emptyVocabulary: Vocabulary = { pairs: [], kept: [], guards: [] };

/** One replacement the converter made instead of OpenCC: where (in the source text), what, by which list. */
export type Replacement = { kind: 'vocabulary' | 'glossary' | 'kept'; source: string; target: string; at: number };

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

type Entry = { source: string; target: string; kind: Replacement['kind'] | 'guard'; context?: WordContext };

/**
 * Entries by the UTF-16 codes of their first and second characters, each list longest first: at
 * most a few candidates to try at any position. One-character entries sit under `0` (no character).
 */
type Table = Map<number, Map<number, Entry[]>>;

/** What one direction of the converter looks up: glossary first, then vocabulary. */
export type Lexicon = { glossary: Table; words: Table };

const byFirstChars = (entries: Entry[]): Table => {
  const map: Table = new Map();
  for (const e of entries) {
    if (!e.source) continue;
    const first = e.source.charCodeAt(0);
    const second = e.source.length > 1 ? e.source.charCodeAt(1) : 0;
    const next = map.get(first) ?? new Map<number, Entry[]>();
    map.set(first, next.set(second, [...(next.get(second) ?? []), e]));
  }
  // Longest first; on equal length a vocabulary word or a kept one goes before a guard.
  for (const next of map.values()) {
    for (const list of next.values())
      list.sort((a, b) => b.source.length - a.source.length || Number(a.kind === 'guard') - Number(b.kind === 'guard'));
  }
  return map;
};

/** Builds the lookups for text written in `from`, once per converter. */
export function createLexicon(from: Locale, glossary: readonly GlossaryTerm[], vocabulary: Vocabulary): Lexicon {
  const source = scriptOf[from];
  const target = source === 'hant' ? 'hans' : 'hant';
  return {
    glossary: byFirstChars(glossary.map((t) => ({ source: t[source], target: t[target], kind: 'glossary' }))),
    words: byFirstChars([
      ...vocabulary.pairs.map(([s, t, context]): Entry => ({
        source: s,
        target: t,
        kind: 'vocabulary',
        ...(context ? { context } : {}),
      })),
      ...vocabulary.kept.map(([s, t]): Entry => ({ source: s, target: t, kind: 'kept' })),
      ...vocabulary.guards.map((s): Entry => ({ source: s, target: s, kind: 'guard' })),
    ]),
  };
}

const LATIN = /[A-Za-z0-9_]/;
const HAN = /\p{Script=Han}/u;
// Addresses are left to OpenCC alone: a vocabulary word in a URL would break the link.
const URL_PATTERN = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()[\]{}「」，。]+/giu;

/** Where `entry` may stand at `at`: a word that begins or ends with a Latin letter only as a whole word. */
function fits(text: string, at: number, entry: Entry): boolean {
  if (!text.startsWith(entry.source, at)) return false;
  if (LATIN.test(entry.source[0]!) && LATIN.test(text[at - 1] ?? '')) return false;
  const end = at + entry.source.length;
  if (LATIN.test(entry.source[entry.source.length - 1]!) && LATIN.test(text[end] ?? '')) return false;
  if (!entry.context) return true;
  const { next, notAfter } = wordContexts[entry.context];
  return next.test(text.slice(end, end + 2)) && !notAfter.test(text[at - 1] ?? '');
}

type Skip = (at: number, end: number, entry: Entry) => boolean;

/** The first entry of `list` (longest first) that stands at `at` and is not skipped. */
function firstFitting(text: string, at: number, list: Entry[] | undefined, skip: Skip | undefined): Entry | undefined {
  if (!list) return undefined;
  for (const e of list) if (fits(text, at, e) && !skip?.(at, at + e.source.length, e)) return e;
  return undefined;
}

/** Leftmost-longest matches of `map` in `text`, skipping the ranges `skip` refuses. */
function findAll(text: string, map: Table, skip?: Skip): { at: number; entry: Entry }[] {
  const found: { at: number; entry: Entry }[] = [];
  for (let i = 0; i < text.length;) {
    const next = map.get(text.charCodeAt(i));
    const entry =
      next &&
      (firstFitting(text, i, next.get(text.charCodeAt(i + 1)), skip) ?? firstFitting(text, i, next.get(0), skip));
    if (entry) {
      found.push({ at: i, entry });
      i += entry.source.length;
    } else i += 1;
  }
  return found;
}

export type ConvertOptions = {
  /** Ranges of the source text the vocabulary must not touch (code, attributes), besides URLs. */
  protect?: RegExp;
  /** Writes each replacement into the output (for editors), instead of the bare target. */
  mark?: (r: Replacement) => string;
};

/**
 * Converts text written in `from` into the other script and says what it replaced: glossary terms
 * (longest first, always), then vocabulary words outside them, URLs and protected ranges (longest
 * first), each held out of OpenCC as its fixed form; the rest goes through `phrases` (OpenCC, plus
 * whatever the caller adds, such as quotation marks).
 */
export function convertScriptWithReport(
  text: string,
  from: Locale,
  phrases: (text: string) => string,
  lexicon: Lexicon,
  options: ConvertOptions = {},
): { text: string; replacements: Replacement[] } {
  const glossaryHits = findAll(text, lexicon.glossary);
  // Who owns each position of the text: 0 nobody, -1 a URL or protected range, n > 0 glossary hit n - 1.
  let owner: Int32Array | undefined;
  const own = (start: number, end: number, value: number) =>
    (owner ??= new Int32Array(text.length)).fill(value, start, end);
  for (const pattern of [URL_PATTERN, options.protect]) {
    if (pattern) for (const m of text.matchAll(pattern)) own(m.index, m.index + m[0].length, -1);
  }
  glossaryHits.forEach(({ at, entry }, i) => own(at, at + entry.source.length, i + 1));
  const wordHits = findAll(
    text,
    lexicon.words,
    owner &&
      ((at, end, entry) => {
        for (let k = at; k < end; k++) {
          const o = owner![k]!;
          if (o === -1) return true;
          if (o === 0) continue;
          // A glossary term wins, unless the word holds the whole term and keeps the term's fixed form
          // (社群平台 → 社交平台 keeps the glossary's 平台).
          const g = glossaryHits[o - 1]!;
          const holds =
            entry.kind === 'vocabulary' &&
            at <= g.at &&
            end >= g.at + g.entry.source.length &&
            entry.target.includes(g.entry.target);
          if (!holds) return true;
        }
        return false;
      }),
  );
  const words = wordHits.filter(({ entry }) => entry.kind !== 'guard');
  const inWord = (at: number) => words.some((w) => at >= w.at && at < w.at + w.entry.source.length);
  const hits = [...glossaryHits.filter(({ at }) => !inWord(at)), ...words].sort((a, b) => a.at - b.at);

  const replacements: Replacement[] = [];
  const kept: Replacement[] = [];
  let guarded = '';
  let last = 0;
  for (const { at, entry } of hits) {
    const replacement: Replacement = {
      kind: entry.kind as Replacement['kind'],
      source: entry.source,
      target: entry.target,
      at,
    };
    const end = at + entry.source.length;
    // Latin beside Han takes a space and Han beside Han none (Podcast 廣告 ↔ 播客广告).
    let before = text.slice(last, at);
    const [startLatin, endLatin] = [LATIN.test(entry.target[0]!), LATIN.test(entry.target.at(-1)!)];
    if (!startLatin && LATIN.test(entry.source[0]!) && before.endsWith(' ') && HAN.test(text[at - 2] ?? ''))
      before = before.slice(0, -1);
    if (startLatin && HAN.test(text[at - 1] ?? '') && !LATIN.test(entry.source[0]!)) before += ' ';
    let after = '';
    if (!endLatin && text[end] === ' ' && HAN.test(text[end + 1] ?? '') && LATIN.test(entry.source.at(-1)!))
      last = end + 1;
    else {
      last = end;
      if (endLatin && HAN.test(text[end] ?? '') && !LATIN.test(entry.source.at(-1)!)) after = ' ';
    }
    guarded += `${before}\uE000${kept.push(replacement) - 1}\uE001${after}`;
    replacements.push(replacement);
  }
  guarded += text.slice(last);
  const output = phrases(guarded).replace(/\uE000(\d+)\uE001/g, (_, i: string) => {
    const r = kept[Number(i)];
    if (!r) return '';
    return options.mark ? options.mark(r) : r.target;
  });
  return { text: output, replacements };
}

/** Converts text written in `from` into the other script (see convertScriptWithReport). */
export function convertScript(text: string, from: Locale, phrases: (text: string) => string, lexicon: Lexicon): string {
  return convertScriptWithReport(text, from, phrases, lexicon).text;
}

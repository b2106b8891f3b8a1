import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { contentHash } from './content-hash';
import { localePath, otherLocale, type Locale } from '@/i18n/locales';
import { unconvertedAttributes } from '@/lib/body-components';
import {
  convertScriptWithReport,
  createLexicon,
  emptyVocabulary,
  glossaryOrder,
  openccSettings,
  shield,
  type ConvertOptions,
  type GlossaryTerm,
  type Replacement,
} from '@/lib/script-convert';
import { readVocabulary, vocabularyFor, type VocabularyFile } from './vocabulary';

export type { GlossaryTerm, Replacement };

const HAN = /\p{Script=Han}/u;

// Quotation marks: 「」『』 in Traditional, “”‘’ in Simplified. Curly quotes are converted only
// around or beside Chinese text, so English apostrophes and quotations stay as they are.
function quotesToHans(text: string): string {
  return text.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');
}

function quotesToHant(text: string): string {
  return text
    .replace(/“([^“”]*)”/g, (whole, inner: string) => (HAN.test(inner) ? `「${inner}」` : whole))
    .replace(/‘([^‘’]*)’/g, (whole, inner: string) => (HAN.test(inner) ? `『${inner}』` : whole))
    .replace(/“(?=\p{Script=Han})/gu, '「')
    .replace(/(?<=[\p{Script=Han}，。！？])”/gu, '」');
}

// A prop of an unconverted attribute in compiled code (`hant: "…"`), the space after its colon and
// its string literal.
const unconvertedProps = new RegExp(`\\b(${unconvertedAttributes.join('|')}):(\\s*)("(?:[^"\\\\]|\\\\.)*")`, 'g');
// What the vocabulary leaves alone in compiled code: link targets and inline or block code.
const codeProtected =
  /\bhref:\s*"(?:[^"\\]|\\.)*"|\.code,\s*\{\s*(?:className:\s*"[^"]*",\s*)?children:\s*"(?:[^"\\]|\\.)*"/g;
// The same in an MDX file as the editor wrote it: link targets and code; and the attributes kept
// as written, which OpenCC must not see either.
const mdxProtected = /\]\([^)]*\)|```[\s\S]*?```|`[^`\n]*`/g;
const mdxUnconverted = new RegExp(`\\b(?:${unconvertedAttributes.join('|')})=(?:"[^"]*"|'[^']*')`, 'g');

export type Converter = {
  /** Converts text written in `from` into the other script: phrases, vocabulary, glossary terms and quotation marks. */
  convert(text: string, from: Locale): string;
  /** The same, with the vocabulary and glossary replacements made (`at`: where in `text`). */
  convertWithReport(text: string, from: Locale): { text: string; replacements: Replacement[] };
  /**
   * Converts compiled MDX code, leaving code alone: only Chinese text in it changes. Body component
   * attributes that lib/body-components.ts marks unconverted (such as `<Term hant="…" hans="…" />`)
   * are kept exactly as the editor wrote them.
   */
  convertCode(code: string, from: Locale): string;
  /** The same, with the replacements made (`at`: where in the code). */
  convertCodeWithReport(code: string, from: Locale): { code: string; replacements: Replacement[] };
  /**
   * An MDX file as the editor wrote it, converted with each replacement written into the text by
   * `mark`: what `npm run check:content -- --explain` shows. Attributes kept as written, link
   * targets and code are left to OpenCC alone, as in convertCode.
   */
  explain(
    source: string,
    from: Locale,
    mark: (r: Replacement) => string,
  ): { text: string; replacements: Replacement[] };
  /**
   * Names what this converter does: the same key, the same output for the same input. Made of the
   * glossary, the vocabulary, OpenCC's version and this file, so that the index step can keep
   * conversions from one run to the next and redo them all when any of these changes.
   */
  key: string;
};

// What the key is made of besides the glossary and vocabulary, read once.
const converterSource = (() => {
  // The package's exports hide its package.json: it is found from the entry point.
  const entry = createRequire(import.meta.url).resolve('opencc-js');
  const packageDir = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  const opencc = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const shared = fileURLToPath(new URL('../lib/script-convert.ts', import.meta.url));
  return `${opencc}\n${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\n${readFileSync(shared, 'utf8')}`;
})();

/**
 * Builds the converter once: OpenCC's dictionaries take a while to load. `vocabulary` is the
 * regional vocabulary (pipeline/vocabulary.yaml unless given; `null` for OpenCC and glossary only,
 * which the benchmark compares against).
 */
export function createConverter(
  glossary: GlossaryTerm[],
  vocabulary: VocabularyFile | null = readVocabulary(),
): Converter {
  const toHans = OpenCC.Converter(openccSettings['zh-Hant']);
  const toHant = OpenCC.Converter(openccSettings['zh-Hans']);
  const tables = {
    'zh-Hant': vocabulary ? vocabularyFor('zh-Hant', vocabulary) : emptyVocabulary,
    'zh-Hans': vocabulary ? vocabularyFor('zh-Hans', vocabulary) : emptyVocabulary,
  };
  const lexicons = {
    'zh-Hant': createLexicon('zh-Hant', glossary, tables['zh-Hant']),
    'zh-Hans': createLexicon('zh-Hans', glossary, tables['zh-Hans']),
  };
  const phrases = {
    'zh-Hant': (text: string) => quotesToHans(toHans(text)),
    'zh-Hans': (text: string) => quotesToHant(toHant(text)),
  };
  const run = (text: string, from: Locale, options?: ConvertOptions) =>
    convertScriptWithReport(text, from, phrases[from], lexicons[from], options);

  const convertCodeWithReport = (code: string, from: Locale) => {
    // The compiled body writes JSX props as `hant: "…"`; each such string literal is kept whole.
    const attributeShield = shield('\uE002', '\uE003');
    const guarded = code.replace(
      unconvertedProps,
      (_, key: string, space: string, literal: string) => `${key}:${space}${attributeShield.hide(literal)}`,
    );
    const { text, replacements } = run(guarded, from, { protect: codeProtected });
    // Links to our own pages lead to the reader's script, like the rest of the page.
    const converted = attributeShield
      .restore(text)
      .replaceAll(`"${localePath(from, '/')}`, `"${localePath(otherLocale(from), '/')}`);
    return { code: converted, replacements };
  };

  return {
    key: contentHash(`${converterSource}\n${JSON.stringify(glossaryOrder(glossary))}\n${JSON.stringify(tables)}`),
    convert: (text, from) => run(text, from).text,
    convertWithReport: (text, from) => run(text, from),
    convertCode: (code, from) => convertCodeWithReport(code, from).code,
    convertCodeWithReport,
    explain(source, from, mark) {
      const attributeShield = shield('\uE002', '\uE003');
      // Where each stand-in sits, so that a replacement's place is given in the file as written.
      const shifts: { at: number; by: number }[] = [];
      let shift = 0;
      const guarded = source.replace(mdxUnconverted, (attribute: string, offset: number) => {
        const stand = attributeShield.hide(attribute);
        shift += attribute.length - stand.length;
        shifts.push({ at: offset - shift + attribute.length - stand.length, by: shift });
        return stand;
      });
      const { text, replacements } = run(guarded, from, { protect: mdxProtected, mark });
      const original = (at: number) => at + (shifts.findLast((s) => s.at <= at)?.by ?? 0);
      return {
        text: attributeShield.restore(text),
        replacements: replacements.map((r) => ({ ...r, at: original(r.at) })),
      };
    },
  };
}

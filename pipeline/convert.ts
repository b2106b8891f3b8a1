import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { contentHash } from './content-hash';
import { localePath, otherLocale, type Locale } from '@/i18n/locales';
import { unconvertedAttributes } from '@/lib/body-components';
import { convertScript, glossaryOrder, openccSettings, shield, type GlossaryTerm } from '@/lib/script-convert';

export type { GlossaryTerm };

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

// A prop of an unconverted attribute in compiled code, and its string literal.
const unconvertedProps = new RegExp(`\\b(${unconvertedAttributes.join('|')}):("(?:[^"\\\\]|\\\\.)*")`, 'g');

export type Converter = {
  /** Converts text written in `from` into the other script: phrases, glossary terms and quotation marks. */
  convert(text: string, from: Locale): string;
  /**
   * Converts compiled MDX code, leaving code alone: only Chinese text in it changes. Body component
   * attributes that lib/body-components.ts marks unconverted (such as `<Term hant="…" hans="…" />`)
   * are kept exactly as the editor wrote them.
   */
  convertCode(code: string, from: Locale): string;
  /**
   * Names what this converter does: the same key, the same output for the same input. Made of the
   * glossary, OpenCC's version and this file, so that the index step can keep conversions from one
   * run to the next and redo them all when any of these changes.
   */
  key: string;
};

// What the key is made of besides the glossary, read once.
const converterSource = (() => {
  // The package's exports hide its package.json: it is found from the entry point.
  const entry = createRequire(import.meta.url).resolve('opencc-js');
  const packageDir = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  const opencc = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const shared = fileURLToPath(new URL('../lib/script-convert.ts', import.meta.url));
  return `${opencc}\n${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\n${readFileSync(shared, 'utf8')}`;
})();

/** Builds the converter once: OpenCC's dictionaries take a while to load. */
export function createConverter(glossary: GlossaryTerm[]): Converter {
  const toHans = OpenCC.Converter(openccSettings['zh-Hant']);
  const toHant = OpenCC.Converter(openccSettings['zh-Hans']);
  const terms = glossaryOrder(glossary);
  const phrases = { 'zh-Hant': (text: string) => quotesToHans(toHans(text)), 'zh-Hans': (text: string) => quotesToHant(toHant(text)) };
  const run = (text: string, from: Locale) => convertScript(text, from, phrases[from], terms);

  return {
    key: contentHash(`${converterSource}\n${JSON.stringify(terms)}`),
    convert: (text, from) => run(text, from),
    convertCode(code, from) {
      // esbuild writes JSX props as `hant:"…"`; each such string literal is kept whole.
      const attributeShield = shield('\uE002', '\uE003');
      const guarded = code.replace(unconvertedProps, (_, key: string, literal: string) => {
        return `${key}:${attributeShield.hide(literal)}`;
      });
      // Links to our own pages lead to the reader's script, like the rest of the page.
      return attributeShield.restore(run(guarded, from)).replaceAll(`"${localePath(from, '/')}`, `"${localePath(otherLocale(from), '/')}`);
    },
  };
}

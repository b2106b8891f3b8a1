import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { contentHash } from './content-hash';
import { localePath, otherLocale, scriptKey, type Locale } from '@/i18n/locales';
import { unconvertedAttributes } from '@/lib/body-components';

/** A term the converter must render in a fixed way in each script (a name, a house-style word). */
export type GlossaryTerm = { hant: string; hans: string };

const HAN = /\p{Script=Han}/u;

// Stand-ins for text that must come through conversion unchanged: private-use characters, which
// OpenCC leaves alone and no editor types. Each kind of protected text has its own pair.
function shield(open: string, close: string) {
  const kept: string[] = [];
  const pattern = new RegExp(`${open}(\\d+)${close}`, 'g');
  return {
    hide: (value: string) => `${open}${kept.push(value) - 1}${close}`,
    restore: (text: string) => text.replace(pattern, (_, i: string) => kept[Number(i)] ?? ''),
  };
}

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
  return `${opencc}\n${readFileSync(fileURLToPath(import.meta.url), 'utf8')}`;
})();

/** Builds the converter once: OpenCC's dictionaries take a while to load. */
export function createConverter(glossary: GlossaryTerm[]): Converter {
  const toHans = OpenCC.Converter({ from: 'twp', to: 'cn' });
  const toHant = OpenCC.Converter({ from: 'cn', to: 'twp' });
  // Longest first, so that a longer term wins over a shorter one inside it.
  const terms = [...glossary].sort((a, b) => b.hant.length - a.hant.length || b.hans.length - a.hans.length);

  function run(text: string, from: Locale): string {
    const glossaryShield = shield('\uE000', '\uE001');
    const source = scriptKey(from);
    const target = scriptKey(otherLocale(from));
    let guarded = text;
    for (const term of terms) {
      if (guarded.includes(term[source])) guarded = guarded.split(term[source]).join(glossaryShield.hide(term[target]));
    }
    const converted = from === 'zh-Hant' ? quotesToHans(toHans(guarded)) : quotesToHant(toHant(guarded));
    return glossaryShield.restore(converted);
  }

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

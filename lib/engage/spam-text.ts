import { Converter } from 'opencc-js/t2cn';
import unhomoglyph from 'unhomoglyph';

// How the comment rules read what a reader wrote: which characters show nothing (refused in names
// and bodies), and the form in which the editors' word list and a comment are compared, so that
// full-width letters, look-alikes, the other script and spaced letters all meet the listed word.

// Characters that show nothing or turn text around: format characters (zero-width, bidi controls,
// U+061C, soft hyphen, tags), controls, Hangul fillers, the Braille blank, variation selectors and
// the combining grapheme joiner. Each of these alone can make a name look empty or like another's.
const INVISIBLE_CLASS =
  '\\p{Cf}\\p{Cc}\\u115F\\u1160\\u3164\\uFFA0\\u2800\\u034F\\u17B4\\u17B5\\u2028\\u2029\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');
// What an emoji needs: a joiner between two pictographs (👨‍👩‍👧), a style selector after an emoji (❤️, 1️⃣).
const EMOJI_PARTS =
  /(?<=\p{Extended_Pictographic}[\uFE0E\uFE0F]?)\u200D(?=\p{Extended_Pictographic})|(?<=\p{Emoji})[\uFE0E\uFE0F]/gu;

/** True when `text` holds a character that shows nothing (line breaks and emoji sequences aside). */
export function hidesText(text: string): boolean {
  return INVISIBLE.test(text.replace(EMOJI_PARTS, '').replace(/\n/g, ''));
}

// The character converter (Taiwan's characters to Simplified), not the regional vocabulary:
// a listed 賭博 meets 赌博, and no word is swapped for another.
const toSimplified = Converter({ from: 'tw', to: 'cn' });

// A token is one character of a script written without spaces (Han, kana, Hangul), or a run of
// other letters and digits: a listed word then matches a run of whole tokens.
const UNSPACED = '\\p{sc=Han}\\p{sc=Hira}\\p{sc=Kana}\\p{sc=Hang}';
const TOKEN = new RegExp(`[${UNSPACED}]|(?:(?![${UNSPACED}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

/**
 * `text` as the word rules compare it, in tokens: NFKC (full-width to plain), lower case,
 * Simplified characters, Unicode's confusables mapped to their base letters (unhomoglyph: Greek υ
 * reads as u), and everything between letters (spaces, punctuation, invisible characters) dropped.
 */
function tokens(text: string): string[] {
  const plain = toSimplified(text.normalize('NFKC').toLowerCase()).replace(INVISIBLE_ALL, '');
  return unhomoglyph(plain).toLowerCase().match(TOKEN) ?? [];
}

/** True when some run of whole tokens of `text` spells `word` (so "b u y" holds buy, and class holds no ass). */
function spells(text: readonly string[], word: string): boolean {
  for (let start = 0; start < text.length; start++) {
    let joined = '';
    for (let end = start; end < text.length && joined.length < word.length; end++) {
      joined += text[end];
      if (joined === word) return true;
    }
  }
  return false;
}

/** The first of the editors' `words` that `text` holds, in any of the forms above. */
export function listedWordIn(text: string, words: readonly string[]): string | undefined {
  const read = tokens(text);
  return words.find((word) => {
    const spelt = tokens(word).join('');
    return spelt !== '' && spells(read, spelt);
  });
}

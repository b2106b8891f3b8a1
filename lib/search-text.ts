/** One run of a search excerpt: plain text, marked when it matched the query. */
export type ExcerptSegment = { text: string; match: boolean };

// How Chinese is searched. Pagefind cuts Chinese into words with one dictionary when it indexes
// (jieba) and with another in the browser (Intl.Segmenter); where they disagree a word is not found
// (行動支付 found nothing), and an unquoted query matched pages holding any one of its characters
// (電商 found 電池 and 出版商). So the index holds every Han character as a word of its own, and a
// query's Chinese words are searched as phrases of characters: a page is found exactly when it
// contains the word, whatever either dictionary thinks.

/** The text the search index holds: a space after every Han character not followed by one. */
export const spaceHan = (text: string) => text.replace(/(\p{Script=Han})(?!\s)/gu, '$1 ');

/**
 * Undoes spaceHan on the text pagefind gives back (which collapses runs of spaces): the space after a
 * Han character goes where another Han character or punctuation follows, and stays before a Latin
 * word or a number, where the house style puts one anyway (生成式 AI, 第 3 季).
 */
export const unspaceHan = (text: string) => text.replace(/(\p{Script=Han}) (?=[\p{Script=Han}\p{P}])/gu, '$1');

/** The longest query the search page takes: beyond it, a reader is pasting a paragraph. */
export const maxQueryLength = 100;

/** A query as typed, tidied: full-width letters and digits made half-width, spaces collapsed. */
export function normalizeQuery(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, maxQueryLength);
}

/**
 * The words of a query: each run of Han characters, and each run of other letters and digits
 * (lower-cased, as pagefind indexes them). Punctuation and quotation marks only separate words.
 */
export function queryTerms(query: string): string[] {
  const words = normalizeQuery(query).match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? [];
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/** Pagefind's query for words that must stand together in this order: an exact phrase. */
export const phraseQuery = (words: readonly string[]) => `"${spaceHan(words.join(' ')).replace(/\s+/g, ' ').trim()}"`;

/**
 * The article's own text in what pagefind holds of it: its body, without the headline and dek it
 * starts with and the byline it ends with, so that an excerpt is never made of those.
 */
export function bodyText(content: string, meta: { title?: string; summary?: string; authors?: string }): string {
  let text = unspaceHan(content).trim();
  const skip = (part: string | undefined) => {
    if (!part) return;
    const at = text.indexOf(part);
    // Pagefind ends a heading with ". "; anything before the part is that and nothing more.
    if (at >= 0 && at <= 3) text = text.slice(at + part.length).replace(/^[\s.。]+/, '');
  };
  skip(meta.title);
  skip(meta.summary);
  if (meta.authors && text.endsWith(meta.authors)) text = text.slice(0, -meta.authors.length).replace(/[\s.]+$/, '');
  return text;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An excerpt of about `length` characters of `text` around the first place one of `terms` appears,
 * each appearance marked whole (a Latin term only as a whole word); the start of the text when none
 * does (a page found by its headline).
 */
export function excerpt(text: string, terms: readonly string[], length = 90): ExcerptSegment[] {
  const sorted = [...terms].filter(Boolean).sort((a, b) => b.length - a.length);
  const pattern = sorted.length
    ? new RegExp(
        sorted
          .map((t) =>
            /\p{Script=Han}/u.test(t) ? escapeRegExp(t) : `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`,
          )
          .join('|'),
        'giu',
      )
    : undefined;
  const first = pattern ? text.search(pattern) : -1;
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 4));
  // Start at the beginning of a sentence when one begins shortly before.
  const sentence = text.slice(start, first < 0 ? start : first).search(/[。！？!?]\s*[^。！？!?]*$/);
  if (first >= 0 && sentence >= 0) start += sentence + 1;
  while (/\s/.test(text[start] ?? '')) start++;
  const end = Math.min(text.length, start + length);
  const window = text.slice(start, end);
  const segments: ExcerptSegment[] = [];
  if (start > 0) segments.push({ text: '…', match: false });
  let at = 0;
  for (const found of pattern ? window.matchAll(pattern) : []) {
    if (found.index > at) segments.push({ text: window.slice(at, found.index), match: false });
    segments.push({ text: found[0], match: true });
    at = found.index + found[0].length;
  }
  if (at < window.length) segments.push({ text: window.slice(at), match: false });
  if (end < text.length) segments.push({ text: '…', match: false });
  return segments.reduce<ExcerptSegment[]>((merged, s) => {
    const last = merged.at(-1);
    if (last && last.match === s.match) last.text += s.text;
    else merged.push({ ...s });
    return merged;
  }, []);
}

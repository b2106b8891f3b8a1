// The reading speeds live here, not in lib/site.ts: contentlayer keys its whole cache on the bundle
// of its config, which takes in this file, so importing the site's settings made every edit to them
// recompile every article.
/** Reading speed for Chinese text, in characters per minute. */
const HAN_CHARS_PER_MINUTE = 400;
/** Reading speed for runs of Latin text, in words per minute. */
const LATIN_WORDS_PER_MINUTE = 200;

const HAN_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;
const LATIN_WORD = /[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g;

/** Removes Markdown/MDX syntax that a reader never reads (URLs, tags, code fences, markers). */
export function readableText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^[#>*\-+\s]+/gm, '')
    .replace(/[*_~`]/g, '');
}

/** Reading time in whole minutes: Han characters per minute plus Latin words per minute, at least 1. */
export function readingMinutes(markdown: string): number {
  // Counted run by run: matching each character on its own built an array of thousands of strings
  // per article, and this runs for every article in the check and in the compile.
  let han = 0;
  const rest = readableText(markdown).replace(HAN_RUN, (run) => {
    han += run.length - (run.match(HIGH_SURROGATE)?.length ?? 0);
    return ' ';
  });
  const words = rest.match(LATIN_WORD)?.length ?? 0;
  const minutes = han / HAN_CHARS_PER_MINUTE + words / LATIN_WORDS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

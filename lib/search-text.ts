/** One run of a search excerpt: plain text, marked when it matched the query. */
export type ExcerptSegment = { text: string; match: boolean };

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Splits a pagefind excerpt ("text with <mark>matches</mark>") into runs of plain text, so that the
 * search page renders it as text and never as HTML.
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let match = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      match = part === '<mark>';
      continue;
    }
    const text = part.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => entities[e]!);
    if (text) segments.push({ text, match });
  }
  return segments;
}

/**
 * The exact form of a query. Chinese has no spaces, so pagefind splits a run of Han characters into
 * words and matches each as a prefix anywhere in the page: 換電 found every page with a word starting
 * with 換 and one starting with 電. Quoting each run asks for the characters side by side, which is
 * what a reader typing 換電 means; the search page lists those pages first. A query the reader quoted
 * is left as typed.
 */
export function searchQuery(input: string): string {
  const text = input.trim();
  if (text.includes('"')) return text;
  return text
    .replace(/\p{Script=Han}+/gu, (run) => ` "${run}" `)
    .replace(/\s+/g, ' ')
    .trim();
}

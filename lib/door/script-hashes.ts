// A page's Content-Security-Policy without 'unsafe-inline' for scripts (lib/door/pages.ts). A page
// from Next's cache was rendered for another request, or at build time: every inline script it
// carries (Next's flight data, the theme script) is allowed by its sha256 hash, computed from the
// HTML about to be sent. A page Next renders now is streamed instead: Next puts the request's nonce
// on its own scripts, and the few inline scripts of ours that never get one are allowed by hash.
import { createHash, randomBytes } from 'node:crypto';

// The HTML parser ends a script's text at the first `</script`, whatever follows.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script/gi;
const SRC = /(?:^|\s)src\s*=/i;
const TYPE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
// Types a browser runs; any other (application/ld+json, application/json) is data, which CSP leaves be.
const RUN =
  /^(?:|module|(?:text|application)\/(?:java|ecma)script|text\/(?:x-)?(?:java|ecma)script|text\/jscript|text\/livescript)$/i;

/** The `'sha256-…'` sources of the inline scripts a browser would run in this HTML, each once. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (SRC.test(attributes!)) continue;
    const type = TYPE.exec(attributes!);
    if (type && !RUN.test((type[1] ?? type[2] ?? type[3] ?? '').trim())) continue;
    // An empty script is never run, so never checked. The parser reads CR LF and CR as LF.
    if (!text) continue;
    const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    hashes.add(`'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy with 'unsafe-inline' in script-src replaced by these sources (hashes, a nonce). Any
 * nonce it named goes too: a page sent again never names the nonce of the request it was made for.
 */
export function withScriptHashes(policy: string, hashes: string[]): string {
  return policy
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src') return directive;
      const kept = sources.filter((source) => source !== "'unsafe-inline'" && !source.startsWith("'nonce-"));
      return ` ${[name, ...kept, ...hashes].join(' ')}`;
    })
    .join(';')
    .trim();
}

// Random bytes drawn 4 KiB at a time, each 16 used for one nonce only: one call to the system's
// generator per 256 requests instead of one per request.
const NONCE_BYTES = 16;
let pool = Buffer.alloc(0);
let drawn = 0;

/** A fresh nonce for one request: 128 random bits, as CSP asks, in base64 as Next reads it. */
export function newNonce(): string {
  if (drawn + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * 256);
    drawn = 0;
  }
  drawn += NONCE_BYTES;
  return pool.toString('base64', drawn - NONCE_BYTES, drawn);
}

// The inline scripts of ours that Next renders without its nonce, by hash: next-themes' script,
// which sets the reader's theme before the first paint (components/layout/theme-provider.tsx; a
// nonce would make it read the request, and so every page dynamic). e2e/streaming.spec.ts fails
// when it changes (a next-themes or Next upgrade), naming the new hash.
const UNNONCED_SCRIPTS = ["'sha256-n46vPwSWuMC0W703pBofImv82Z26xo4LXymv0E9caPk='"];

/** The policy for a page rendered for this request: its scripts carry this nonce, or are ours. */
export const withScriptNonce = (policy: string, nonce: string) =>
  withScriptHashes(policy, [`'nonce-${nonce}'`, ...UNNONCED_SCRIPTS]);

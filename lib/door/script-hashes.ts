// A page's Content-Security-Policy without 'unsafe-inline' for scripts: every inline script a
// prerendered page carries (Next's flight data, the theme script, JSON the page reads) is allowed by
// its sha256 hash, computed from the HTML the server is about to send (lib/door/pages.ts). Nonces
// would need every page rendered per request; Next's SRI option covers only scripts with a src.
import { createHash } from 'node:crypto';

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

/** The policy with 'unsafe-inline' in script-src replaced by these hashes. */
export function withScriptHashes(policy: string, hashes: string[]): string {
  return policy
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src') return directive;
      return ` ${[name, ...sources.filter((source) => source !== "'unsafe-inline'"), ...hashes].join(' ')}`;
    })
    .join(';')
    .trim();
}

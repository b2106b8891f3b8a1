// Types for lib/script-hashes.mjs (plain JavaScript, which the standalone server loads as it is).
export function inlineScriptHashes(html: string): string[];
export function withScriptHashes(policy: string, hashes: string[]): string;

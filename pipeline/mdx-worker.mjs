// One thread of the body compile's pool (pipeline/mdx-compile.ts): compiles one MDX body and writes
// the code into the cache under its key. Plain JavaScript, so that worker threads load it without
// the TypeScript loader, under tsx and vitest alike.
import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { compile } from '@mdx-js/mdx';

/**
 * @param {{ body: string; file: string; options: import('@mdx-js/mdx').CompileOptions }} task
 * @returns {Promise<{ threadId: number; error?: { reason: string; line?: number; column?: number } }>}
 */
export default async function compileBody({ body, file, options }) {
  try {
    const code = String(await compile(body, options));
    // Written whole or not at all: a run stopped halfway leaves no half file under a good name.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, file);
    return { threadId };
  } catch (error) {
    const { reason, message, line, column } = /** @type {Record<string, unknown>} */ (error);
    return {
      threadId,
      error: {
        reason: String(reason ?? message),
        line: typeof line === 'number' ? line : undefined,
        column: typeof column === 'number' ? column : undefined,
      },
    };
  }
}

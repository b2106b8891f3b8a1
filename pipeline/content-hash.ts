import { createHash } from 'node:crypto';

/**
 * A short name for a text made from its content: what the pipeline's caches and files are keyed by
 * (check results, shard summaries, body files, converted bodies, search parts).
 */
export const contentHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

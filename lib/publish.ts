import { spawn } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isPageTag } from './page-tags';

// The server's side of publishing (app/api/publish/route.ts). `npm run publish` (pipeline/publish.ts)
// does the work on the host and then tells every server which pages changed; a git host's webhook
// asks a server to run that same step. Both carry `Authorization: Bearer <PUBLISH_TOKEN>`.

const INTERNAL = Symbol.for('guanchao.internalPublishToken');

/**
 * A token that only this process knows, for its own scheduled publishing (lib/schedule.ts). Kept on
 * globalThis: the route and the scheduler are bundled apart but run in one process.
 */
export function internalPublishToken(): string {
  const store = globalThis as { [INTERNAL]?: string };
  return (store[INTERNAL] ??= randomBytes(32).toString('base64url'));
}

/** Whether the request carries the publish token (or this process's own). Compared as digests, in constant time. */
export function hasPublishToken(authorization: string | null): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const given = digest(authorization.slice('Bearer '.length));
  const token = process.env.PUBLISH_TOKEN;
  const matchesPublic = token ? timingSafeEqual(given, digest(token)) : false;
  return timingSafeEqual(given, digest(internalPublishToken())) || matchesPublic;
}

/** At most this many tags in one notice: a story's change names a few dozen. */
const MAX_TAGS = 20_000;

/** The tags of a publish notice (lib/page-tags.ts), or undefined when the notice is not one. */
export function noticeTags(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null || !('tags' in body)) return undefined;
  const { tags } = body as { tags: unknown };
  if (!Array.isArray(tags) || tags.length > MAX_TAGS) return undefined;
  return tags.every((t): t is string => typeof t === 'string' && isPageTag(t)) ? tags : undefined;
}

/** The outcome of the publish step run for a webhook. */
export type PublishRun = { ok: boolean; report: string };

let running: Promise<PublishRun> | undefined;

/**
 * Runs `npm run publish -- --pull` in the project (PUBLISH_PROJECT_DIR, or the server's folder), one
 * at a time: a call while one runs waits for it and then runs again, so no push is left unpublished.
 */
export function runPublishStep(): Promise<PublishRun> {
  const start = (): Promise<PublishRun> =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'publish', '--', '--pull'], {
        cwd: process.env.PUBLISH_PROJECT_DIR ?? process.cwd(),
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let report = '';
      child.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (report += chunk.toString()));
      child.on('error', (error) => resolve({ ok: false, report: `${report}${error.message}\n` }));
      child.on('exit', (code) => resolve({ ok: code === 0, report }));
    });
  const next = (running ?? Promise.resolve()).then(start, start);
  running = next;
  void next.finally(() => {
    if (running === next) running = undefined;
  });
  return next;
}

import { spawn } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { locales } from '@/i18n/locales';

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

/** At most this many paths in one notice: a new story in a listing of many pages stays well under it. */
const MAX_PATHS = 100_000;
const PAGE_PATH = new RegExp(`^/(?:${locales.join('|')})(?:/[A-Za-z0-9._~%-]+)*$`);
/** The sitemaps (lib/sitemap.ts), which sit outside the scripts' folders. */
const SITEMAP_PATH = /^\/(?:sitemap|news-sitemap)\.xml$|^\/sitemaps\/[1-9][0-9]{0,5}\.xml$/;

/** The page paths of a publish notice, or undefined when the notice is not one. */
export function noticePaths(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null || !('paths' in body)) return undefined;
  const { paths } = body as { paths: unknown };
  if (!Array.isArray(paths) || paths.length > MAX_PATHS) return undefined;
  return paths.every(
    (p): p is string => typeof p === 'string' && p.length <= 512 && (PAGE_PATH.test(p) || SITEMAP_PATH.test(p)),
  )
    ? paths
    : undefined;
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

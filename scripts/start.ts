// `npm start`: serves the production build with the self-contained server Next writes to
// .next/standalone, behind the front door (lib/door/front-door.ts), reading content from this project,
// so that `npm run publish` here updates what it serves. PORT (default 3000) and HOSTNAME
// (default 0.0.0.0) choose where it listens.
import { existsSync, lstatSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const standalone = path.join(root, '.next', 'standalone');
const server = path.join(standalone, 'server.js');
if (!existsSync(server)) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

// The standalone server serves public/ and .next/static from its own folder (next build copies
// public/ there): link them to the project's, so that a publish's new search index is served.
for (const [link, target] of <[string, string][]>[
  [path.join(standalone, 'public'), path.join(root, 'public')],
  [path.join(standalone, '.next', 'static'), path.join(root, '.next', 'static')],
]) {
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) rmSync(link, { recursive: true });
  if (!existsSync(link)) symlinkSync(target, link);
}

process.env.CONTENT_DATA_DIR ??= path.join(root, '.contentlayer', 'site');
process.env.PUBLISH_PROJECT_DIR ??= root;
// The comments, counts and subscribers (lib/engage/database.ts) live in the project, not in the
// build's folder, which the next build replaces. DATABASE_URL names PostgreSQL instead.
process.env.DATABASE_FILE = path.resolve(root, process.env.DATABASE_FILE ?? path.join('.data', 'site.db'));
// Without SMTP_URL, mail is written to this folder as .eml files (lib/engage/mail.ts).
process.env.OUTBOX_DIR = path.resolve(root, process.env.OUTBOX_DIR ?? path.join('.data', 'outbox'));
// Drawn social cards are named by what they show: kept in the project's .next/cache, they outlive a rebuild.
process.env.SOCIAL_CARD_CACHE_DIR ??= path.join(root, '.next', 'cache', 'social-cards');
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// The security headers depend on it, and are read when the front door loads.
(process.env as Record<string, string>).NODE_ENV = 'production';
const { frontDoor, guardServer } = await import('../lib/door/front-door');
// Every request passes the front door before Next's handler. Next's server takes no handler of
// ours, so the one server it creates gets the door around its own; instrumentation.ts stops the
// server if the door is not in place by the time Next starts.
const createServer = http.createServer;
http.createServer = ((...args: unknown[]) => {
  http.createServer = createServer;
  const handler = args.pop() as Parameters<typeof frontDoor>[0];
  return guardServer((createServer as (...a: unknown[]) => http.Server)(...args, frontDoor(handler, { root })));
}) as typeof http.createServer;
await import(pathToFileURL(server).href);

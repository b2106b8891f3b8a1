// `npm start`: serves the production build through Next's custom server API (`next()` and its
// request handler), every request passing the front door (lib/door/front-door.ts) first. It reads
// content from this project, so that `npm run publish` here updates what it serves. PORT (default
// 3000) and HOSTNAME (default 0.0.0.0) choose where it listens.
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const root = process.cwd();
if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

// The comments, counts and subscribers (lib/engage/database.ts) live in .data, which a rebuild
// leaves alone. DATABASE_URL names PostgreSQL instead.
process.env.DATABASE_FILE = path.resolve(root, process.env.DATABASE_FILE ?? path.join('.data', 'site.db'));
// Without SMTP_URL, mail is written to this folder as .eml files (lib/engage/mail.ts).
process.env.OUTBOX_DIR = path.resolve(root, process.env.OUTBOX_DIR ?? path.join('.data', 'outbox'));
// Drawn social cards are named by what they show: kept in .next/cache, they outlive a rebuild.
process.env.SOCIAL_CARD_CACHE_DIR ??= path.join(root, '.next', 'cache', 'social-cards');
process.env.PUBLISH_PROJECT_DIR ??= root;
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// Set before Next and the door load: both read it when their modules load (React, for one, picks
// its production build then), and an import at the top of this file would load them first.
(process.env as Record<string, string>).NODE_ENV = 'production';
// tsx, which runs this file, turns source maps on for the whole process: Next's server chunks would
// then have their 24 MB of maps read and kept as each loads. Off, as under `next start`.
process.setSourceMapsEnabled(false);
const { default: next } = await import('next');
const { frontDoor, guardServer } = await import('../lib/door/front-door');

const port = Number(process.env.PORT ?? 3000);
// How long the door answers a page again itself after it sent it from a cache (lib/door/recent-pages.ts).
const pageMemoryMs = Number(process.env.PAGE_MEMORY_MS ?? 1000);
if (!Number.isInteger(pageMemoryMs) || pageMemoryMs < 0) {
  console.error(
    `PAGE_MEMORY_MS must be a whole number of milliseconds, 0 or more (it is "${process.env.PAGE_MEMORY_MS}").`,
  );
  process.exit(1);
}
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
// The door exists before Next starts: instrumentation.ts stops a server that has none.
const door = frontDoor((req, res) => handle(req, res), { root, pageMemoryMs });
await app.prepare();
const server = guardServer(http.createServer(door));
server.listen(port, hostname, () => console.log(`Serving on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });

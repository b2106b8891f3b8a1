// `npm start`: serves the production build with the self-contained server Next writes to
// .next/standalone, reading content from this project, so that `npm run publish` here updates what
// it serves. PORT (default 3000) and HOSTNAME (default 0.0.0.0) choose where it listens.
import { existsSync, lstatSync, rmSync, symlinkSync } from 'node:fs';
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
for (const [link, target] of [
  [path.join(standalone, 'public'), path.join(root, 'public')],
  [path.join(standalone, '.next', 'static'), path.join(root, '.next', 'static')],
]) {
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) rmSync(link, { recursive: true });
  if (!existsSync(link)) symlinkSync(target, link);
}

process.env.CONTENT_DATA_DIR ??= path.join(root, '.contentlayer', 'site');
process.env.PUBLISH_PROJECT_DIR ??= root;
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
await import(pathToFileURL(server).href);

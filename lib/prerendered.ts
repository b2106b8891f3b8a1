import { readFileSync } from 'node:fs';
import path from 'node:path';

// What `next build` prerendered, read from its output. Null under `next dev`, where pages
// render on demand and there is no such list.

const nextDir = path.join(process.cwd(), '.next');
let paths: Set<string> | null | undefined;
const htmlCache = new Map<string, string>();

/** Every page path the production build prerendered, read once from Next's prerender manifest. */
export function prerenderedPaths(): Set<string> | null {
  if (paths !== undefined) return paths;
  if (process.env.NODE_ENV !== 'production') return (paths = null);
  const manifest = JSON.parse(readFileSync(path.join(nextDir, 'prerender-manifest.json'), 'utf8')) as {
    routes: Record<string, unknown>;
  };
  return (paths = new Set(Object.keys(manifest.routes)));
}

/** The prerendered HTML of one page path, cached after the first read. */
export function prerenderedHtml(pagePath: string): string {
  let html = htmlCache.get(pagePath);
  if (html === undefined) {
    html = readFileSync(path.join(nextDir, 'server', 'app', `${pagePath}.html`), 'utf8');
    htmlCache.set(pagePath, html);
  }
  return html;
}

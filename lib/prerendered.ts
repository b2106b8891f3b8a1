import { readFileSync } from 'node:fs';
import path from 'node:path';

// What `next build` prerendered, read from its output: the proxy answers unknown paths with its 404
// page; the benchmarks read the pages.

const staticExport = process.env.STATIC_EXPORT === '1';

/** Where `next build` writes its output, in the project at `root`: out/ for a static export (next.config.js). */
// turbopackIgnore: a path computed at run time would make the build trace the whole project.
export const nextBuildDir = (root = process.cwd()) =>
  path.join(/* turbopackIgnore: true */ root, staticExport ? 'out' : '.next');

/** The folder of prerendered pages (HTML and RSC payloads), as Next lays it out. */
export const prerenderedPagesDir = (root = process.cwd()) => path.join(nextBuildDir(root), 'server', 'app');

const htmlCache = new Map<string, string>();

/** Every page path a production build prerendered, from Next's prerender manifest. */
export function readPrerenderedRoutes(root = process.cwd()): string[] {
  const manifest = JSON.parse(readFileSync(path.join(nextBuildDir(root), 'prerender-manifest.json'), 'utf8')) as {
    routes: Record<string, unknown>;
  };
  return Object.keys(manifest.routes);
}

/** Where the build wrote the HTML of one prerendered page path (a static export: one folder per page). */
export function prerenderedHtmlFile(pagePath: string): string {
  return staticExport
    ? path.join(nextBuildDir(), pagePath, 'index.html')
    : path.join(prerenderedPagesDir(), `${pagePath}.html`);
}

/** The prerendered HTML of one page path, cached after the first read. */
export function prerenderedHtml(pagePath: string): string {
  let html = htmlCache.get(pagePath);
  if (html === undefined) {
    html = readFileSync(prerenderedHtmlFile(pagePath), 'utf8');
    htmlCache.set(pagePath, html);
  }
  return html;
}

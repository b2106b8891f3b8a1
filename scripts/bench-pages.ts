// Prints the gzip size of the JavaScript (<script src>) and CSS (<link rel="stylesheet">) each
// kind of page loads, read from the production build's prerendered HTML. Run after `npm run build`.
// Scripts marked noModule are left out: only browsers without ES modules load them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const nextDir = path.join(process.cwd(), '.next');
const index = JSON.parse(readFileSync(path.join(process.cwd(), '.contentlayer', 'site', 'index.json'), 'utf8')) as {
  articles: { path: string; tagSlugs: string[]; locale: string }[];
};
const article = index.articles.find((a) => a.locale === 'zh-Hant');
if (!article) throw new Error('No article in the content index: build the site first.');

const pages: Record<string, string> = {
  home: '/zh-Hant',
  article: article.path,
  tags: '/zh-Hant/tags',
  tag: `/zh-Hant/tags/${article.tagSlugs[0]}`,
};

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const assetFile = (url: string) => path.join(nextDir, url.replace(/^\/_next\//, ''));
const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);

console.log('page      html gz   js gz  js files   css gz');
for (const [name, pagePath] of Object.entries(pages)) {
  const htmlFile = path.join(nextDir, 'server', 'app', `${pagePath}.html`);
  const html = readFileSync(htmlFile, 'utf8');
  const scripts = [...new Set([...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
      .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
      .map((m) => m[2]!))];
  const styles = [...new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!))];
  const js = scripts.reduce((sum, url) => sum + gzipSize(assetFile(url)), 0);
  const css = styles.reduce((sum, url) => sum + gzipSize(assetFile(url)), 0);
  console.log(`${name.padEnd(8)}${kb(gzipSize(htmlFile))} KB${kb(js)} KB${String(scripts.length).padStart(9)}${kb(css)} KB`);
}

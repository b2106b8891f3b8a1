// The last step of `npm run build:static`, after the export and its search index: takes out the
// listing pages and the sitemap part that exist only because a static export refuses a route
// without static params, and writes the feeds, whose route handlers a static export leaves out
// (next.config.js).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locales } from '@/i18n/locales';
import { contentStore } from '@/lib/content-store';
import { listingsOf } from '@/lib/page-paths';
import { feedFormats, feedPath, renderFeed } from '@/lib/feeds';
import { EXPORT_PLACEHOLDER } from '@/lib/pagination';
import { nextBuildDir } from '@/lib/prerendered';

export function finishStaticExport(): void {
  const staticExportDir = nextBuildDir();
  if (!existsSync(path.join(staticExportDir, 'index.html')))
    throw new Error(`${staticExportDir} holds no export: run npm run build:static.`);
  for (const locale of locales) {
    const root = path.join(staticExportDir, locale);
    for (const placeholder of [
      path.join(root, 'page', '1'),
      ...['tags', 'sections', 'authors'].map((kind) => path.join(root, kind, EXPORT_PLACEHOLDER)),
    ]) {
      rmSync(placeholder, { recursive: true, force: true });
    }
    const store = contentStore();
    for (const { kind, key } of listingsOf(store, locale)) {
      for (const format of feedFormats) {
        const file = path.join(staticExportDir, feedPath(locale, kind, key, format));
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, renderFeed(store, locale, kind, key, format)!);
      }
    }
  }
  rmSync(path.join(staticExportDir, 'sitemaps', `${EXPORT_PLACEHOLDER}.xml`), { force: true });
  if (
    existsSync(path.join(staticExportDir, 'sitemaps')) &&
    readdirSync(path.join(staticExportDir, 'sitemaps')).length === 0
  )
    rmSync(path.join(staticExportDir, 'sitemaps'), { recursive: true });
  const files = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (n, e) => n + (e.isDirectory() ? files(path.join(dir, e.name)) : 1),
      0,
    );
  console.log(
    `Static export: ${files(staticExportDir)} files in ${path.relative(process.cwd(), staticExportDir)}/ for any static host.`,
  );
}

import { createRequire } from 'node:module';
import path from 'node:path';
import createNextIntlPlugin from 'next-intl/plugin';
import { deviceSizes, imageSizes, qualities } from './lib/image-sizes.mjs';
import { securityHeaders } from './lib/security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');
// `npm run build:static` (scripts/export-static.ts): plain files in out/ for any static host. Only
// .tsx files take part, which leaves out what needs a server: proxy.ts, instrumentation.ts and the
// route handlers named route.ts (those that belong in the export, the sitemaps, are route.tsx). The
// export lands in its distDir, out/ (lib/prerendered.ts knows), but Next builds it in .next too: it
// is built in a copy of the sources, .static-build/ (pipeline/static-build.ts), never in the project.
const staticExport = process.env.STATIC_EXPORT === '1';
// The app imports two files of the content folder (lib/content.ts, components/layout/preview-problems.tsx),
// so that `next dev` refreshes open pages when they change. When CONTENT_DATA_DIR names another
// folder (the live preview's own, pipeline/preview.ts), they come from there, as the rest of it does
// (lib/content-files.ts): the preview never writes what the production server reads.
const contentDataDir = process.env.CONTENT_DATA_DIR;
const contentDataAliases = contentDataDir
  ? Object.fromEntries(
      ['revision.json', 'preview-problems.json'].map((file) => [
        `@/.contentlayer/site/${file}`,
        `./${path.relative(import.meta.dirname, path.join(contentDataDir, file))}`,
      ]),
    )
  : undefined;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Production runs Next through scripts/start.ts (its documented custom server API, behind the front
  // door), from this project's .next: no self-contained copy (docs/deploy.md).
  // The export's copy of the sources is type-checked already: by `npm run typecheck` and the server
  // build, over the same files (and the copy lacks the content files their types come from).
  ...(staticExport && {
    output: 'export',
    distDir: 'out',
    pageExtensions: ['tsx'],
    trailingSlash: true,
    typescript: { ignoreBuildErrors: true },
  }),
  ...(contentDataAliases && { turbopack: { resolveAlias: contentDataAliases } }),
  poweredByHeader: false,
  // The live preview (npm run dev) at 127.0.0.1 as well as localhost: next dev serves its refresh
  // channel only to the origins it is told, and an editor may open either.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // The front door compresses (lib/door/front-door.ts): it hashes a page's inline scripts for the CSP
  // first, which it cannot do to bytes Next has already compressed.
  compress: false,
  reactStrictMode: true,
  images: {
    formats: ['image/webp'],
    // The sizes the front door lets through too (lib/image-sizes.mjs).
    deviceSizes,
    imageSizes,
    qualities,
    // A static host has no image optimizer: pictures are served as they are.
    unoptimized: staticExport,
    // Only the stories' pictures are resized, including those a publish adds after the server started
    // (app/images/[...file]/route.ts serves them).
    localPatterns: [{ pathname: '/images/**', search: '' }],
    // The optimizer's own policy for the pictures it sends (Next's default), and like every other
    // answer of the site, never framed.
    contentSecurityPolicy: "script-src 'none'; frame-src 'none'; sandbox; frame-ancestors 'none'",
  },
  // Several servers share one page cache in Redis when REDIS_URL is set at start (next.config.js is
  // read again when the server starts); else Next's own file cache. Neither has Next's memory cache
  // in front: with Redis, a copy in this process would not hear of another server's revalidation;
  // without, reading a page's files (from the system's file cache) cost less CPU per answer than
  // Next's memory cache did (docs/performance.md, "Looking for the difference").
  ...(!staticExport && { cacheMaxMemorySize: 0 }),
  ...(!staticExport &&
    process.env.REDIS_URL && { cacheHandler: createRequire(import.meta.url).resolve('./lib/cache-handler.mjs') }),
  experimental: { cpus: 2 },
  // Published source maps let `npm run bench:pages` tell the framework's bytes from ours.
  productionBrowserSourceMaps: true,
  // A static host sends its own headers (docs/deploy.md lists them).
  ...(!staticExport && {
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders }];
    },
  }),
};

export default withNextIntl(nextConfig);

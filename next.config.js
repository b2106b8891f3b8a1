import { createRequire } from 'node:module';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');
const production = process.env.NODE_ENV === 'production';
// `npm run build:static` (scripts/export-static.ts): plain files in out/ for any static host. Only
// .tsx files take part, which leaves out what needs a server: proxy.ts, instrumentation.ts and the
// route handlers (route.ts). The export lands in its distDir, out/ (lib/prerendered.ts knows), but
// Next still builds it in .next: a server build there is replaced, so build the server after.
const staticExport = process.env.STATIC_EXPORT === '1';

// Next's own pages need inline scripts and styles; nothing on the site loads from another origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  // wasm-unsafe-eval: the search page's index (pagefind) runs as WebAssembly.
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${production ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Video embeds, loaded only when a reader opens one.
  'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Production runs the self-contained server in .next/standalone (scripts/start.mjs, docs/deploy.md).
  output: staticExport ? 'export' : 'standalone',
  ...(staticExport && { distDir: 'out', pageExtensions: ['tsx'], trailingSlash: true }),
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    formats: ['image/webp'],
    // Widths offered in each srcset. No picture is shown wider than the 768-px article column, which
    // 1920 covers at 2x; Next's default 2048 and 3840 would add two URLs no screen picks to every
    // picture, in every page's HTML and RSC payload.
    deviceSizes: [640, 750, 828, 1080, 1200, 1920],
    // A static host has no image optimizer: pictures are served as they are.
    unoptimized: staticExport,
  },
  // Pages are cached in Redis when REDIS_URL is set, so several servers share one cache; else in files.
  ...(!staticExport && { cacheHandler: createRequire(import.meta.url).resolve('./lib/cache-handler.mjs'), cacheMaxMemorySize: 0 }),
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

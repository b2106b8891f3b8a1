// The headers every response of the site carries: set by next.config.js on what Next answers and
// by the production server's front door (lib/door/front-door.ts) on everything else (redirects, refused
// requests, static files). Plain JavaScript: both load it without a build step.

const production = process.env.NODE_ENV === 'production';

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

/** @type {{ key: string, value: string }[]} */
export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

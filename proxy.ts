import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { defaultLocale, localeOf, localePath, type Locale } from './i18n/locales';
import { routing } from './i18n/routing';
import { isPagePath } from './lib/page-paths';
import { prerenderedHtml } from './lib/prerendered';

const intl = createMiddleware(routing);

/** The localized 404 page, prerendered once per locale by app/[locale]/[...rest]. */
const notFoundPath = (locale: Locale) => localePath(locale, '/404');

/**
 * Every request for a page passes here, after the production server's front door
 * (lib/door/front-door.ts), which has already refused other methods and broken URLs with a 4xx.
 * - Only GET and HEAD are served (this says so under `next dev`, which has no front door).
 * - `/` and other paths without a locale go to the reader's script by Accept-Language (zh-TW,
 *   zh-HK, zh-MO -> zh-Hant; zh-CN, zh-SG -> zh-Hans; anything else -> zh-Hant).
 * - In production, a path that is not one of the site's pages now (lib/page-paths.ts, read off the
 *   live content index, so a story published a second ago is served and one withdrawn is gone)
 *   gets its locale's 404 page straight from the build output. Unknown paths never reach Next, so
 *   they are neither rendered nor cached, and Next's locale-less root 404 is never shown.
 */
export default function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new NextResponse(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const { pathname } = request.nextUrl;
  if (process.env.NODE_ENV === 'production') {
    const pathLocale = localeOf(pathname);
    const locale = pathLocale ?? defaultLocale;
    const path = pathname.replace(/(.)\/$/, '$1');
    const isPage = pathLocale !== undefined && path !== notFoundPath(locale) && isPagePath(path);
    if (pathLocale && !isPage) {
      // The front door sets how long a 404 may be kept (lib/door/front-door.ts).
      return new NextResponse(request.method === 'HEAD' ? null : prerenderedHtml(notFoundPath(locale)), {
        status: 404,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      });
    }
  }
  return intl(request);
}

export const config = {
  // Pages only: not Next's own assets, not route handlers (app/api), not the editors' area
  // (app/admin, in no script and behind its own sign-in), and not files with an
  // extension (images, robots.txt).
  matcher: ['/((?!_next|_vercel|api/|admin(?:/|$)|.*\\..*).*)'],
};

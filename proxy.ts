import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './i18n/routing';

const intl = createMiddleware(routing);

/**
 * Every request for a page passes here: only GET and HEAD are served, a path that is not valid
 * percent-encoding is a 404 in the locale it names, and `/` goes to the reader's script by
 * Accept-Language (zh-TW, zh-HK, zh-MO -> zh-Hant; zh-CN, zh-SG -> zh-Hans; else zh-Hant).
 */
export default function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new NextResponse(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    const locale = routing.locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`)) ?? routing.defaultLocale;
    return NextResponse.rewrite(new URL(`/${locale}/not-found`, request.url), { status: 404 });
  }
  return intl(request);
}

export const config = {
  // Pages only: not Next's own assets, and not files with an extension (images, robots.txt).
  matcher: ['/((?!_next|_vercel|.*\\..*).*)'],
};

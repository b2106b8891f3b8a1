import { isLocale, locales } from '@/i18n/locales';
import { listingKeys } from './content';
import { contentStore } from './content-store';
import { feedTag, NAMES_TAG, tagPage } from './page-tags';
import { prerenderedListing } from './page-paths';
import { feedContentType, renderFeed, type FeedFormat, type FeedKind } from './feeds';

type FeedParams = { locale: string } & Record<string, string | undefined>;

/**
 * The exports of one feed route: a route handler cached like a page, built for every listing and
 * revalidated by the publish step through its listing's tag (lib/page-tags.ts).
 */
export function feedRoute(kind: FeedKind, format: FeedFormat, keyParam?: 'slug' | 'id') {
  return {
    /**
     * The feeds built with the site, the locale included: a route handler has no layout to hand it
     * down. Those of the listings built ahead (prerenderedListing): a tag's or an author's feed
     * renders on its first request.
     */
    generateStaticParams() {
      if (!prerenderedListing(kind)) return [];
      return locales.flatMap((locale) =>
        keyParam
          ? listingKeys(kind as Exclude<FeedKind, 'home'>, locale).map((key) => ({ locale, [keyParam]: key }))
          : [{ locale }],
      );
    },
    async GET(_request: Request, { params }: { params: Promise<FeedParams> }) {
      const resolved = await params;
      const key = keyParam ? decodeURIComponent(resolved[keyParam] ?? '') : '';
      if (isLocale(resolved.locale)) await tagPage(NAMES_TAG, feedTag(resolved.locale, kind, key));
      const text = isLocale(resolved.locale)
        ? renderFeed(contentStore(), resolved.locale, kind, key, format)
        : undefined;
      if (text === undefined)
        return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      return new Response(text, { headers: { 'Content-Type': feedContentType[format] } });
    },
  };
}

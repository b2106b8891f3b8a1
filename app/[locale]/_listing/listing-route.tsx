import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/layout/json-ld';
import { ListingView } from '@/components/listing/listing-view';
import { isLocale, localePath } from '@/i18n/locales';
import { listingKeys, listingLaterPages, loadListing, type Listing, type ListingKind } from '@/lib/listings';
import { pageMetadata, pagedTitle } from '@/lib/metadata';
import { EXPORT_PLACEHOLDER, listingPath } from '@/lib/pagination';
import { site } from '@/lib/site';
import { breadcrumbJsonLd, profilePageJsonLd } from '@/lib/structured-data';
import { listingTag, tagPage } from '@/lib/page-tags';
import { prerenderedListing } from '@/lib/page-paths';

// What every listing route exports (home archive, tag, section, author, and each one's /page/N),
// made once per kind. A private folder: nothing here is a route of its own.

/** A listing route's params: the key is `slug` or `id` after its folder's name; `page` on /page/N. */
type ListingParams = { locale: string; page?: string } & Record<string, string | undefined>;
type ListingRouteProps = { params: Promise<ListingParams> };

/** The breadcrumb trail of a listing's page: the front page, the tag list for a tag, then this page. */
async function crumbsOf({ locale, kind, basePath, metadata, result }: Listing) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return [
    { name: t('home'), path: localePath(locale, '') },
    ...(kind === 'tag' ? [{ name: t('tags'), path: localePath(locale, '/tags') }] : []),
    { name: metadata.title, path: localePath(locale, listingPath(basePath, result.page)) },
  ];
}

/** The route exports of one kind of listing, whose key arrives in the param `keyParam`. */
export function listingRoute(kind: ListingKind, keyParam?: 'slug' | 'id') {
  const keyOf = (params: ListingParams) => (keyParam ? (params[keyParam] ?? '') : '');

  async function load(params: ListingRouteProps['params']) {
    const resolved = await params;
    return isLocale(resolved.locale) ? loadListing(kind, resolved.locale, keyOf(resolved), resolved.page) : undefined;
  }

  return {
    /**
     * Static params of the first pages (not for home, whose first page is the front page), of the
     * kinds built ahead (prerenderedListing).
     */
    firstPages({ params }: { params: { locale: string } }) {
      if (!isLocale(params.locale) || !keyParam || !prerenderedListing(kind)) return [];
      return listingKeys(kind, params.locale).map((key) => ({ [keyParam]: key }));
    },

    /**
     * Static params of /page/2 onwards: of every listing of the kind (the key's own segment has no
     * layout to hand it down), or of the one listing named; the first `site.prerenderLaterPages` of
     * each of the kinds built ahead, or all in a static export. A static export refuses an empty
     * list, so it gets one page that does not exist, which pipeline/static-export.ts deletes.
     */
    laterPages({ params }: { params: ListingParams }) {
      const { locale } = params;
      if (!isLocale(locale) || !prerenderedListing(kind)) return [];
      const limit = process.env.STATIC_EXPORT === '1' ? Infinity : site.prerenderLaterPages;
      const later = (key: string) => listingLaterPages(kind, locale, key).slice(0, limit);
      const pages: Record<string, string>[] =
        keyParam && params[keyParam] === undefined
          ? listingKeys(kind, locale).flatMap((key) => later(key).map((p) => ({ [keyParam]: key, ...p })))
          : later(keyOf(params));
      if (pages.length === 0 && process.env.STATIC_EXPORT === '1')
        return [{ ...(keyParam && { [keyParam]: EXPORT_PLACEHOLDER }), page: '1' }];
      return pages;
    },

    async generateMetadata({ params }: ListingRouteProps): Promise<Metadata> {
      const listing = await load(params);
      if (!listing) return {};
      const { locale, basePath, metadata, result } = listing;
      return pageMetadata({
        locale,
        path: basePath,
        page: result.page,
        title: await pagedTitle(locale, metadata.title, result.page),
        description: metadata.description,
        feed: { kind, key: keyOf(await params) },
      });
    },

    async Page({ params }: ListingRouteProps) {
      const listing = await load(params);
      if (!listing) notFound();
      setRequestLocale(listing.locale);
      await tagPage(listingTag(listing.locale, kind, keyOf(await params)));
      return (
        <>
          <JsonLd data={breadcrumbJsonLd(await crumbsOf(listing))} />
          {listing.author && <JsonLd data={profilePageJsonLd(listing.author, listing.locale)} />}
          <ListingView listing={listing} />
        </>
      );
    },
  };
}

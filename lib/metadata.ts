import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { defaultLocale, localePath, locales, openGraphLocale, otherLocale, type Locale } from '@/i18n/locales';
import { listingPath } from '@/lib/pagination';
import { feedAlternates, type FeedKind } from './feeds';
import { site } from './site';

type PageMetadataInput = {
  locale: Locale;
  /** Path after the locale prefix: '' for home, '/articles/x' for an article. */
  path: string;
  /** Page of a paginated listing; its path gets /page/N from page 2 on. */
  page?: number;
  title: string;
  description: string;
  /** The page's share image: a story's social card (lib/social-card.ts), or a picture. */
  image?: { src: string; alt: string; width: number; height: number; type?: string };
  article?: { publishedAt: string; updatedAt?: string; authors: string[]; tags: string[] };
  /** Canonical URL when the page republishes a piece from elsewhere. */
  canonical?: string;
  /** The script an automatically converted page was converted from. */
  derivedFrom?: Locale;
  /** The listing whose feeds the page advertises; every other page advertises the script's feed. */
  feed?: { kind: FeedKind; key: string };
};

/** Title, description, canonical URL, hreflang alternates and Open Graph data for one page. */
export function pageMetadata({
  locale,
  path: basePath,
  page = 1,
  title,
  description,
  image,
  article,
  canonical,
  derivedFrom,
  feed = { kind: 'home', key: '' },
}: PageMetadataInput): Metadata {
  const path = listingPath(basePath, page);
  const languages: Record<string, string> = {};
  for (const l of locales) languages[l] = localePath(l, path);
  languages['x-default'] = localePath(defaultLocale, path);
  return {
    metadataBase: new URL(site.url),
    title,
    description,
    alternates: {
      canonical: canonical ?? localePath(locale, path),
      languages,
      types: feedAlternates(locale, feed.kind, feed.key),
    },
    openGraph: {
      title,
      description,
      url: localePath(locale, path),
      siteName: site.name[locale],
      locale: openGraphLocale(locale),
      alternateLocale: openGraphLocale(otherLocale(locale)),
      images: image
        ? [
            {
              url: image.src,
              width: image.width,
              height: image.height,
              alt: image.alt,
              ...(image.type && { type: image.type }),
            },
          ]
        : undefined,
      ...(article
        ? {
            type: 'article',
            publishedTime: article.publishedAt,
            modifiedTime: article.updatedAt,
            authors: article.authors,
            tags: article.tags,
          }
        : { type: 'website' }),
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title,
      description,
      ...(image && { images: [{ url: image.src, alt: image.alt }] }),
    },
    // Lets editors (and crawlers of the site's own pages) find every converted page.
    ...(derivedFrom ? { other: { 'content-derived-from': derivedFrom } } : {}),
  };
}

/** A listing's title, with its page number from page 2 on, so no two pages share a title. */
export async function pagedTitle(locale: Locale, title: string, page: number): Promise<string> {
  if (page === 1) return title;
  const t = await getTranslations({ locale, namespace: 'Pagination' });
  return `${title}（${t('page', { page })}）`;
}

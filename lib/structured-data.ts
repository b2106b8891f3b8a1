import type {
  AdvertiserContentArticle,
  BreadcrumbList,
  NewsArticle,
  Organization,
  ProfilePage,
  WebSite,
  WithContext,
} from 'schema-dts';
import { localePath, type Locale } from '@/i18n/locales';
import type { ArticleDetail, AuthorProfile } from './content';
import { site } from './site';

// schema.org data for search engines, in the shapes Google documents for articles, breadcrumbs,
// the site and profile pages (e2e/discovery.spec.ts checks each page's against them, with the shapes
// written out in e2e/json-ld-shape.ts).
// Every URL is absolute and comes from SITE_URL alone.

const absolute = (path: string) => new URL(path, site.url).toString();

/** The site's logo for `publisher.logo`: a square PNG, as Google asks for (at least 112 px). */
const siteLogo = { src: '/images/logo.png', width: 512, height: 512 };

/** The publisher of every story: the site in this script, with its logo. */
function publisher(locale: Locale): Organization {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name[locale],
    url: absolute(localePath(locale, '')),
    logo: {
      '@type': 'ImageObject',
      url: absolute(siteLogo.src),
      width: `${siteLogo.width}`,
      height: `${siteLogo.height}`,
    },
  };
}

/**
 * A story: a NewsArticle, or an AdvertiserContentArticle when sponsored (so that it is not taken
 * for the newsroom's reporting); a syndicated piece says which original it is based on.
 */
export function articleJsonLd(
  article: ArticleDetail,
  locale: Locale,
): WithContext<NewsArticle | AdvertiserContentArticle> {
  const syndication = article.syndication;
  const common = {
    headline: article.title,
    description: article.summary,
    inLanguage: locale,
    url: absolute(article.path),
    mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(article.path) },
    image: [
      {
        '@type': 'ImageObject',
        url: absolute(article.hero.src),
        width: `${article.hero.width}`,
        height: `${article.hero.height}`,
        caption: article.hero.alt,
      },
    ],
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      url: absolute(localePath(locale, `/authors/${a.id}`)),
    })),
    publisher: publisher(locale),
    isAccessibleForFree: true,
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    ...(syndication
      ? {
          isBasedOn: syndication.originalUrl ?? syndication.partnerUrl,
          sourceOrganization: {
            '@type': 'Organization',
            name: syndication.partner,
            ...(syndication.partnerUrl ? { url: syndication.partnerUrl } : {}),
          },
        }
      : {}),
    ...(article.sponsor
      ? {
          sponsor: {
            '@type': 'Organization',
            name: article.sponsor.name,
            ...(article.sponsor.url ? { url: article.sponsor.url } : {}),
          },
        }
      : {}),
  } as const;
  return article.sponsor
    ? ({
        '@context': 'https://schema.org',
        '@type': 'AdvertiserContentArticle',
        ...common,
      } as WithContext<AdvertiserContentArticle>)
    : ({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...common } as WithContext<NewsArticle>);
}

/** One step of a breadcrumb trail: its name and its path (with the locale). */
export type Crumb = { name: string; path: string };

/** The trail from the front page to this page. */
export function breadcrumbJsonLd(crumbs: Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absolute(crumb.path),
    })),
  };
}

/** The site in one script, with how to search it. */
export function websiteJsonLd(locale: Locale, description: string): WithContext<WebSite> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name[locale],
    description,
    url: absolute(localePath(locale, '')),
    inLanguage: locale,
    publisher: publisher(locale),
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${absolute(localePath(locale, '/search'))}?q={search_term_string}`,
      },
      // schema-dts has no type for this Google-documented property of a SearchAction.
      ...({ 'query-input': 'required name=search_term_string' } as object),
    },
  };
}

/** An author's page: a ProfilePage about the person. */
export function profilePageJsonLd(author: AuthorProfile, locale: Locale): WithContext<ProfilePage> {
  const url = absolute(localePath(locale, `/authors/${author.id}`));
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    inLanguage: locale,
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      identifier: author.id,
      url,
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.photo ? { image: absolute(author.photo.src) } : {}),
      worksFor: { '@type': 'NewsMediaOrganization', name: site.name[locale], url: absolute(localePath(locale, '')) },
    },
  };
}

/** JSON for a <script type="application/ld+json">, safe to place inside HTML. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

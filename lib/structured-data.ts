import { localePath, type Locale } from '@/i18n/locales';
import type { ArticleDetail } from './content';
import { site } from './site';

const absolute = (path: string) => new URL(path, site.url).toString();

/**
 * schema.org data for an article page: a NewsArticle, or an AdvertiserContentArticle when
 * sponsored; a syndicated piece says which original it is based on.
 */
export function articleJsonLd(article: ArticleDetail, locale: Locale): Record<string, unknown> {
  const syndication = article.syndication;
  return {
    '@context': 'https://schema.org',
    '@type': article.sponsor ? 'AdvertiserContentArticle' : 'NewsArticle',
    headline: article.title,
    description: article.summary,
    inLanguage: locale,
    url: absolute(article.path),
    mainEntityOfPage: absolute(article.path),
    image: [absolute(article.hero.src)],
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absolute(localePath(locale, `/authors/${a.id}`)) })),
    publisher: { '@type': 'Organization', name: site.name[locale], url: absolute(localePath(locale, '')) },
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name).join(', '),
    ...(syndication
      ? {
          isBasedOn: syndication.originalUrl ?? syndication.partnerUrl,
          sourceOrganization: { '@type': 'Organization', name: syndication.partner, url: syndication.partnerUrl },
        }
      : {}),
    ...(article.sponsor ? { sponsor: { '@type': 'Organization', name: article.sponsor.name, url: article.sponsor.url } } : {}),
  };
}

/** JSON for a <script type="application/ld+json">, safe to place inside HTML. */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

import type { MetadataRoute } from 'next';
import { defaultLocale, localePath, locales } from '@/i18n/locales';
import { articleSlugs, listArticles, listTags, termSlugs } from '@/lib/content';
import { site } from '@/lib/site';

// Written at build, and again when a publish revalidates it; a static export needs it said.
export const dynamic = 'force-static';

/** Every page in both scripts, each listing its counterpart as an alternate. */
export default function sitemap(): MetadataRoute.Sitemap {
  const { sections, authors } = termSlugs();
  const lastModified = new Map(
    listArticles({ locale: defaultLocale }).map((a) => [`/articles/${a.slug}`, a.updatedAt ?? a.publishedAt]),
  );
  const paths = [
    '',
    '/tags',
    ...articleSlugs(defaultLocale).map((slug) => `/articles/${slug}`),
    ...listTags(defaultLocale)
      .filter((t) => t.count > 0)
      .map((t) => `/tags/${t.slug}`),
    ...sections.map((slug) => `/sections/${slug}`),
    ...authors.map((id) => `/authors/${id}`),
  ];
  return paths.flatMap((path) =>
    locales.map((locale) => ({
      url: new URL(localePath(locale, path), site.url).toString(),
      lastModified: lastModified.get(path),
      alternates: {
        languages: Object.fromEntries(locales.map((l) => [l, new URL(localePath(l, path), site.url).toString()])),
      },
    })),
  );
}

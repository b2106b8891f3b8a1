import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleFooter } from '@/components/article/article-footer';
import { ArticleHeader } from '@/components/article/article-header';
import { ArticleHero } from '@/components/article/article-hero';
import { ArticleRail } from '@/components/article/article-rail';
import { CommentsSection } from '@/components/comments/comments-section';
import { ViewBeacon } from '@/components/engage/view-beacon';
import { SponsorDisclosure } from '@/components/article/sponsor-disclosure';
import { isLocale, localePath } from '@/i18n/locales';
import { getArticle, listArticles, prerenderedArticleSlugs } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { socialCardImage } from '@/lib/social-card';
import { JsonLd } from '@/components/layout/json-ld';
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/structured-data';
import { storyTag, tagPage } from '@/lib/page-tags';

type ArticlePageProps = { params: Promise<{ locale: string; slug: string }> };

// The side rail lists the newest stories: it is refreshed by time, not by the publish, which would
// otherwise revalidate every story page at every new story. A CDN keeps a page a minute on top.
export const revalidate = 300;

// The newest stories are rendered at build; the rest on their first request, then cached.
export function generateStaticParams({ params }: { params: { locale: string } }) {
  return (isLocale(params.locale) ? prerenderedArticleSlugs(params.locale) : []).map((slug) => ({ slug }));
}

async function load(params: ArticlePageProps['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return undefined;
  const article = getArticle(locale, decodeURIComponent(slug));
  return article && { locale, article };
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { locale, article } = found;
  return pageMetadata({
    locale,
    path: `/articles/${article.slug}`,
    title: article.title,
    description: article.summary,
    image: await socialCardImage(article, locale),
    article: {
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      authors: article.authors.map((a) => a.name),
      tags: article.tags.map((t) => t.name),
    },
    canonical: article.syndication?.originalUrl,
    derivedFrom: article.derivedFrom,
  });
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, article } = found;
  setRequestLocale(locale);
  await tagPage(storyTag(locale, article.slug));
  const t = await getTranslations({ locale, namespace: 'Article' });
  const tLayout = await getTranslations({ locale, namespace: 'Layout' });
  const crumbs = [
    { name: tLayout('home'), path: localePath(locale, '') },
    { name: article.section.name, path: localePath(locale, `/sections/${article.section.slug}`) },
    { name: article.title, path: article.path },
  ];

  const latest = listArticles({ locale, limit: 6 })
    .filter((a) => a.slug !== article.slug)
    .slice(0, 5);

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,48rem)_17rem] lg:items-start lg:justify-between lg:gap-10">
      <article className="mx-auto max-w-3xl lg:mx-0">
        <JsonLd data={articleJsonLd(article, locale)} />
        <JsonLd data={breadcrumbJsonLd(crumbs)} />
        {article.draft && (
          <p
            role="status"
            className="mb-6 rounded-lg bg-red-100 p-3 text-sm font-bold text-red-900 dark:bg-red-950 dark:text-red-100"
            data-testid="draft-banner"
          >
            {t('draftBanner')}
          </p>
        )}
        <ArticleHeader article={article} locale={locale} t={t} />

        <ArticleHero hero={article.hero} />

        <ArticleBody article={article} locale={locale} t={t} />
        {article.sponsor && <SponsorDisclosure sponsor={article.sponsor} locale={locale} t={t} />}

        <ArticleFooter article={article} locale={locale} t={t} />
        {process.env.STATIC_EXPORT !== '1' && !article.draft && <ViewBeacon story={article.slug} locale={locale} />}
        <div className="mt-12">
          <CommentsSection story={article.slug} locale={locale} open={!article.commentsClosed} />
        </div>
      </article>
      <ArticleRail latest={latest} locale={locale} />
    </div>
  );
}

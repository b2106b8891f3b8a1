import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { pageParam } from '@/lib/pagination';
import { getTag, listArticlesPage, listTags } from '@/lib/content';
import { pageMetadata, pagedTitle } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageHeading } from '@/components/layout/page-heading';

// Also serves /tags/[slug]/page/[page] (re-exported there).
type TagPageProps = { params: Promise<{ locale: string; slug: string; page?: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return listTags(params.locale)
    .filter((tag) => tag.count > 0)
    .map((tag) => ({ slug: tag.slug }));
}

async function load(params: TagPageProps['params']) {
  const { locale, slug, page } = await params;
  if (!isLocale(locale)) return undefined;
  const tag = getTag(locale, slug);
  const result = tag && listArticlesPage({ locale, tag: tag.slug }, pageParam(page));
  return tag && result && { locale, tag, result };
}

export async function generateMetadata({ params }: TagPageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { locale, tag, result } = found;
  const t = await getTranslations({ locale, namespace: 'Tag' });
  return pageMetadata({
    locale,
    path: `/tags/${tag.slug}`,
    page: result.page,
    title: await pagedTitle(locale, t('title', { name: tag.name }), result.page),
    description: tag.description ?? t('description', { name: tag.name }),
  });
}

export default async function TagPage({ params }: TagPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, tag, result } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Tag' });
  const tTags = await getTranslations({ locale, namespace: 'Tags' });
  return (
    <>
      <PageHeading title={t('title', { name: tag.name })} kicker={tTags('count', { count: tag.count })}>
        {tag.description}
      </PageHeading>
      <ArticleList articles={result.articles} locale={locale} headingLevel={2} />
      <Pagination locale={locale} basePath={`/tags/${tag.slug}`} page={result.page} totalPages={result.totalPages} />
    </>
  );
}

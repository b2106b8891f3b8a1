import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/routing';
import { getTag, listArticles, listTags } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { PageHeading } from '@/components/layout/page-heading';

type TagPageProps = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return listTags(params.locale)
    .filter((tag) => tag.count > 0)
    .map((tag) => ({ slug: tag.slug }));
}

async function load(params: TagPageProps['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return undefined;
  const tag = getTag(locale, slug);
  return tag && { locale, tag };
}

export async function generateMetadata({ params }: TagPageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'Tag' });
  return pageMetadata({
    locale: found.locale,
    path: `/tags/${found.tag.slug}`,
    title: t('title', { name: found.tag.name }),
    description: found.tag.description ?? t('description', { name: found.tag.name }),
  });
}

export default async function TagPage({ params }: TagPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, tag } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Tag' });
  const tTags = await getTranslations({ locale, namespace: 'Tags' });
  return (
    <>
      <PageHeading title={t('title', { name: tag.name })} kicker={tTags('count', { count: tag.count })}>
        {tag.description}
      </PageHeading>
      <ArticleList articles={listArticles({ locale, tag: tag.slug })} locale={locale} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { pageParam } from '@/lib/pagination';
import { getSection, listArticlesPage, listSections } from '@/lib/content';
import { pageMetadata, pagedTitle } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageHeading } from '@/components/layout/page-heading';

// Also serves /sections/[slug]/page/[page] (re-exported there).
type SectionPageProps = { params: Promise<{ locale: string; slug: string; page?: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return listSections(params.locale).map((section) => ({ slug: section.slug }));
}

async function load(params: SectionPageProps['params']) {
  const { locale, slug, page } = await params;
  if (!isLocale(locale)) return undefined;
  const section = getSection(locale, slug);
  const result = section && listArticlesPage({ locale, section: section.slug }, pageParam(page));
  return section && result && { locale, section, result };
}

export async function generateMetadata({ params }: SectionPageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { locale, section, result } = found;
  const t = await getTranslations({ locale, namespace: 'Section' });
  return pageMetadata({
    locale,
    path: `/sections/${section.slug}`,
    page: result.page,
    title: await pagedTitle(locale, t('title', { name: section.name }), result.page),
    description: section.description ?? t('description', { name: section.name }),
  });
}

export default async function SectionPage({ params }: SectionPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, section, result } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Section' });
  return (
    <>
      <PageHeading title={t('title', { name: section.name })}>{section.description}</PageHeading>
      <ArticleList articles={result.articles} locale={locale} headingLevel={2} />
      <Pagination locale={locale} basePath={`/sections/${section.slug}`} page={result.page} totalPages={result.totalPages} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/routing';
import { getSection, listArticles, listSections } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { PageHeading } from '@/components/layout/page-heading';

type SectionPageProps = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return listSections(params.locale).map((section) => ({ slug: section.slug }));
}

async function load(params: SectionPageProps['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return undefined;
  const section = getSection(locale, slug);
  return section && { locale, section };
}

export async function generateMetadata({ params }: SectionPageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'Section' });
  return pageMetadata({
    locale: found.locale,
    path: `/sections/${found.section.slug}`,
    title: t('title', { name: found.section.name }),
    description: found.section.description ?? t('description', { name: found.section.name }),
  });
}

export default async function SectionPage({ params }: SectionPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, section } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Section' });
  return (
    <>
      <PageHeading title={t('title', { name: section.name })}>{section.description}</PageHeading>
      <ArticleList articles={listArticles({ locale, section: section.slug })} locale={locale} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { laterPageParams, pageParam } from '@/lib/pagination';
import { listArticlesPage, pageCount } from '@/lib/content';
import { pageMetadata, pagedTitle } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageHeading } from '@/components/layout/page-heading';

// Pages 2, 3… of the home listing; page 1 is the front page itself.
type HomeArchivePageProps = { params: Promise<{ locale: string; page: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return laterPageParams(pageCount({ locale: params.locale }));
}

async function load(params: HomeArchivePageProps['params']) {
  const { locale, page } = await params;
  if (!isLocale(locale)) return undefined;
  const result = listArticlesPage({ locale }, pageParam(page));
  return result && result.page > 1 ? { locale, result } : undefined;
}

export async function generateMetadata({ params }: HomeArchivePageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'Home' });
  return pageMetadata({
    locale: found.locale,
    path: '',
    page: found.result.page,
    title: await pagedTitle(found.locale, t('archiveTitle'), found.result.page),
    description: t('description'),
  });
}

export default async function HomeArchivePage({ params }: HomeArchivePageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, result } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const tPage = await getTranslations({ locale, namespace: 'Pagination' });
  return (
    <>
      <PageHeading title={t('archiveTitle')} kicker={tPage('pageOf', { page: result.page, total: result.totalPages })} />
      <ArticleList articles={result.articles} locale={locale} headingLevel={2} />
      <Pagination locale={locale} basePath="" page={result.page} totalPages={result.totalPages} />
    </>
  );
}

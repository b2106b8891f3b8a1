import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { pageParam } from '@/lib/pagination';
import { getAuthor, listArticlesPage, termSlugs } from '@/lib/content';
import { pageMetadata, pagedTitle } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageHeading } from '@/components/layout/page-heading';

// Also serves /authors/[id]/page/[page] (re-exported there).
type AuthorPageProps = { params: Promise<{ locale: string; id: string; page?: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termSlugs().authors.map((id) => ({ id }));
}

async function load(params: AuthorPageProps['params']) {
  const { locale, id, page } = await params;
  if (!isLocale(locale)) return undefined;
  const author = getAuthor(locale, id);
  const result = author && listArticlesPage({ locale, author: author.id }, pageParam(page));
  return author && result && { locale, author, result };
}

export async function generateMetadata({ params }: AuthorPageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { locale, author, result } = found;
  const t = await getTranslations({ locale, namespace: 'Author' });
  return pageMetadata({
    locale,
    path: `/authors/${author.id}`,
    page: result.page,
    title: await pagedTitle(locale, t('title', { name: author.name }), result.page),
    description: author.bio ?? t('description', { name: author.name }),
  });
}

export default async function AuthorPage({ params }: AuthorPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, author, result } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Author' });
  return (
    <>
      <PageHeading title={author.name} kicker={author.role}>
        {author.bio}
      </PageHeading>
      <h2 className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">{t('articles', { name: author.name })}</h2>
      <ArticleList articles={result.articles} locale={locale} />
      <Pagination locale={locale} basePath={`/authors/${author.id}`} page={result.page} totalPages={result.totalPages} />
    </>
  );
}

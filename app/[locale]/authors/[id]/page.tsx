import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/routing';
import { getAuthor, listArticles, termSlugs } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { ArticleList } from '@/components/article/article-list';
import { PageHeading } from '@/components/layout/page-heading';

type AuthorPageProps = { params: Promise<{ locale: string; id: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return termSlugs().authors.map((id) => ({ id }));
}

async function load(params: AuthorPageProps['params']) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return undefined;
  const author = getAuthor(locale, id);
  return author && { locale, author };
}

export async function generateMetadata({ params }: AuthorPageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'Author' });
  return pageMetadata({
    locale: found.locale,
    path: `/authors/${found.author.id}`,
    title: t('title', { name: found.author.name }),
    description: found.author.bio ?? t('description', { name: found.author.name }),
  });
}

export default async function AuthorPage({ params }: AuthorPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, author } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Author' });
  return (
    <>
      <PageHeading title={author.name} kicker={author.role}>
        {author.bio}
      </PageHeading>
      <h2 className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">{t('articles', { name: author.name })}</h2>
      <ArticleList articles={listArticles({ locale, author: author.id })} locale={locale} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/routing';
import { listArticles } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { ArticleCard } from '@/components/article/article-card';
import { ArticleList } from '@/components/article/article-list';

type HomePageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: HomePageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Home' });
  return { ...pageMetadata({ locale, path: '', title: t('title'), description: t('description') }), title: { absolute: t('title') } };
}

export default async function HomePage({ params }: HomePageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const articles = listArticles({ locale });
  const lead = articles.find((a) => a.featured) ?? articles[0];
  const rest = articles.filter((a) => a !== lead);

  return (
    <>
      <h1 className="sr-only">{t('title')}</h1>
      {lead && (
        <section aria-labelledby="lead-heading" className="mb-12 border-b border-neutral-200 pb-10 dark:border-neutral-800">
          <h2 id="lead-heading" className="sr-only">
            {t('lead')}
          </h2>
          <ArticleCard article={lead} locale={locale} lead priority />
        </section>
      )}
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">
          {t('latest')}
        </h2>
        <ArticleList articles={rest} locale={locale} />
      </section>
    </>
  );
}

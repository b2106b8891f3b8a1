import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { listSections, listTags } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { searchManifestUrl } from '@/lib/search';
import { PageHeading } from '@/components/layout/page-heading';
import { SearchBox } from '@/components/search/search-box';

type SearchPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: SearchPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Search' });
  return pageMetadata({ locale, path: '/search', title: t('title'), description: t('description') });
}

export default async function SearchPage({ params }: SearchPageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Search' });

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeading title={t('title')}>{t('description')}</PageHeading>
      <SearchBox
        locale={locale}
        manifestUrl={searchManifestUrl}
        labels={{
          label: t('label'),
          placeholder: t('placeholder'),
          submit: t('submit'),
          searching: t('searching'),
          // Filled in by the box, which counts the results in the browser.
          results: t.raw('results') as string,
          noResults: t('noResults'),
          more: t('more'),
          failed: t('failed'),
          section: t('section'),
          tag: t('tag'),
          any: t('any'),
          converted: t.raw('converted') as string,
          sponsored: t('sponsored'),
        }}
        sections={listSections(locale).map((s) => ({ slug: s.slug, name: s.name }))}
        tags={listTags(locale).map((tag) => ({ slug: tag.slug, name: tag.name }))}
      />
      <noscript>
        <p className="mt-6 text-neutral-600 dark:text-neutral-400">{t('noscript')}</p>
      </noscript>
    </div>
  );
}

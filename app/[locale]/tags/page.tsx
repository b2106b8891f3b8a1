import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SiteLink } from '@/components/layout/site-link';
import { isLocale, localePath } from '@/i18n/locales';
import { listTags } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { JsonLd } from '@/components/layout/json-ld';
import { PageHeading } from '@/components/layout/page-heading';
import { breadcrumbJsonLd } from '@/lib/structured-data';
import { tagListTag, tagPage } from '@/lib/page-tags';

type TagsPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: TagsPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Tags' });
  return pageMetadata({ locale, path: '/tags', title: t('title'), description: t('description') });
}

export default async function TagsPage({ params }: TagsPageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await tagPage(tagListTag(locale));
  const t = await getTranslations({ locale, namespace: 'Tags' });
  const tLayout = await getTranslations({ locale, namespace: 'Layout' });
  const tags = listTags(locale).filter((tag) => tag.count > 0);
  const crumbs = [
    { name: tLayout('home'), path: localePath(locale, '') },
    { name: tLayout('tags'), path: localePath(locale, '/tags') },
  ];

  return (
    <>
      <JsonLd data={breadcrumbJsonLd(crumbs)} />
      <PageHeading title={t('title')}>{t('description')}</PageHeading>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="tag-index">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <SiteLink
              href={localePath(locale, `/tags/${tag.slug}`)}
              className="flex h-full flex-col rounded-lg border border-neutral-200 p-4 hover:border-accent-600 dark:border-neutral-800 dark:hover:border-accent-300"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="text-lg font-bold">#{tag.name}</span>
                <span className="shrink-0 text-sm text-neutral-500 dark:text-neutral-400" data-testid="tag-count">
                  {t('count', { count: tag.count })}
                </span>
              </span>
              {tag.description && (
                <span className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{tag.description}</span>
              )}
            </SiteLink>
          </li>
        ))}
      </ul>
    </>
  );
}

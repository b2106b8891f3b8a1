import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { DateText } from '@/components/article/date-text';
import { MdxContent } from '@/components/mdx/mdx-content';
import { isLocale, scriptKey, type Locale } from '@/i18n/locales';
import { getSitePage, listSitePages } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { sitePageTag, tagPage } from '@/lib/page-tags';

// The site's own pages (about us, contact, privacy, advertising): MDX in content/pages/, written by
// editors like stories, derived into the other script like stories, and few enough to build them all.

type SitePageProps = { params: Promise<{ locale: string; slug: string }> };

export function generateStaticParams({ params }: { params: { locale: string } }) {
  return (isLocale(params.locale) ? listSitePages(params.locale) : []).map(({ slug }) => ({ slug }));
}

async function load(params: SitePageProps['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return undefined;
  const page = getSitePage(locale, decodeURIComponent(slug));
  return page && { locale: locale as Locale, page };
}

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { locale, page } = found;
  return pageMetadata({
    locale,
    path: `/info/${page.slug}`,
    title: page.title,
    description: page.summary,
    derivedFrom: page.derivedFrom,
  });
}

export default async function SitePage({ params }: SitePageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, page } = found;
  setRequestLocale(locale);
  await tagPage(sitePageTag(locale, page.slug));
  const t = await getTranslations({ locale, namespace: 'Article' });
  return (
    <article className="mx-auto max-w-3xl" data-testid="site-page">
      <header className="border-b border-neutral-200 pb-6 dark:border-neutral-800">
        <h1 className="text-3xl leading-tight font-black sm:text-4xl">{page.title}</h1>
        <p className="mt-3 text-lg text-neutral-700 dark:text-neutral-300">{page.summary}</p>
        <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
          {page.updatedAt && (
            <p>
              {t('updated')} <DateText iso={page.updatedAt} locale={locale} />
            </p>
          )}
          {page.derivedFrom && (
            <p data-testid="derived-notice" className="rounded bg-neutral-100 px-2 py-0.5 text-xs dark:bg-neutral-800">
              {t('derived', { source: scriptKey(page.derivedFrom) })}
            </p>
          )}
        </div>
      </header>
      <div className="prose-cjk prose mt-8 max-w-none text-[17px] prose-neutral sm:text-lg dark:prose-invert prose-headings:font-bold prose-a:text-accent-700 dark:prose-a:text-accent-300">
        <MdxContent
          code={page.code}
          locale={locale}
          images={page.images}
          sponsored={false}
          labels={{ playVideo: t('playVideo') }}
        />
      </div>
    </article>
  );
}

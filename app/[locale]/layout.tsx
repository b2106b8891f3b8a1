import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/locales';
import { listSections, listSitePages } from '@/lib/content';
import { NAMES_TAG, tagPage } from '@/lib/page-tags';
import { site } from '@/lib/site';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { PreviewProblems } from '@/components/layout/preview-problems';
import { ThemeProvider } from '@/components/layout/theme-provider';
import { CommentCounts } from '@/components/engage/comment-counts';
import '../globals.css';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

type LocaleLayoutProps = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<LocaleLayoutProps, 'children'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return {
    metadataBase: new URL(site.url),
    title: { default: site.name[locale], template: `%s|${site.name[locale]}` },
    applicationName: site.name[locale],
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

export default async function LocaleLayout({ children, params }: LocaleLayoutProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await tagPage(NAMES_TAG);
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const tComments = await getTranslations({ locale, namespace: 'Comments' });
  const sections = listSections(locale).map(({ slug, name }) => ({ slug, name }));

  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-white text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-neutral-900"
        >
          {t('skipToContent')}
        </a>
        <ThemeProvider>
          <PreviewProblems locale={locale} />
          <SiteHeader locale={locale} sections={sections} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
            {children}
          </main>
          <SiteFooter locale={locale} pages={listSitePages(locale)} />
          {process.env.STATIC_EXPORT !== '1' && <CommentCounts label={tComments.raw('countSome') as string} />}
        </ThemeProvider>
      </body>
    </html>
  );
}

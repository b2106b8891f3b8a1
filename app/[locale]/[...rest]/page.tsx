import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale } from '@/i18n/locales';
import { NotFoundMessage } from '@/components/layout/not-found-message';

// The localized 404 page, built once per locale at /{locale}/404. Next answers unknown route
// params with its locale-less root 404, so the proxy rewrites every path the build did not
// prerender to this page, with status 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return [{ rest: ['404'] }];
}

type UnknownPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: UnknownPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  // A description like every other page (Lighthouse's SEO audit asks for one even on a 404).
  return { title: t('title'), description: t('description'), robots: { index: false } };
}

export default async function UnknownPage({ params }: UnknownPageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <NotFoundMessage locale={locale} />;
}

import { isLocale } from '@/i18n/routing';
import { pageCount } from '@/lib/content';

export { default, generateMetadata } from '../../page';

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string; slug: string } }) {
  if (!isLocale(params.locale)) return [];
  const pages = pageCount({ locale: params.locale, section: params.slug });
  return Array.from({ length: pages - 1 }, (_, i) => ({ page: String(i + 2) }));
}

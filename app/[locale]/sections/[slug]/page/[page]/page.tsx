import { isLocale } from '@/i18n/locales';
import { laterPageParams } from '@/lib/pagination';
import { pageCount } from '@/lib/content';

export { default, generateMetadata } from '../../page';

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string; slug: string } }) {
  if (!isLocale(params.locale)) return [];
  return laterPageParams(pageCount({ locale: params.locale, section: params.slug }));
}

import { isLocale, laterPageParams } from '@/i18n/routing';
import { pageCount } from '@/lib/content';

export { default, generateMetadata } from '../../page';

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string; slug: string } }) {
  if (!isLocale(params.locale)) return [];
  return laterPageParams(pageCount({ locale: params.locale, section: params.slug }));
}

import { getRequestConfig } from 'next-intl/server';
import { isLocale, routing } from './routing';
import { site } from '@/lib/site';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: site.timeZone,
  };
});

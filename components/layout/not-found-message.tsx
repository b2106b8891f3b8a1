import { getTranslations } from 'next-intl/server';
import { SiteLink } from '@/components/layout/site-link';
import { localePath, type Locale } from '@/i18n/locales';

type NotFoundMessageProps = { locale: Locale };

/** What a reader sees on a 404, in their script, with a way back home. */
export async function NotFoundMessage({ locale }: NotFoundMessageProps) {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
      <p className="text-6xl font-black text-accent-600">404</p>
      <h1 className="mt-4 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-neutral-600 dark:text-neutral-400">{t('description')}</p>
      <SiteLink
        href={localePath(locale, '')}
        className="mt-8 inline-block rounded-full bg-accent-700 px-6 py-3 font-bold text-white hover:bg-accent-600"
      >
        {t('backHome')}
      </SiteLink>
    </div>
  );
}

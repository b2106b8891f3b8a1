import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { site } from '@/lib/site';

type SiteFooterProps = { locale: Locale };

export async function SiteFooter({ locale }: SiteFooterProps) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return (
    <footer className="print:hidden mt-12 border-t border-neutral-200 bg-neutral-50 dark:border-neutral-800 dark:bg-neutral-900">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-neutral-600 sm:px-6 dark:text-neutral-400">
        <p className="font-bold text-neutral-800 dark:text-neutral-200">{site.name[locale]}</p>
        <p className="mt-2 max-w-2xl">{t('footerAbout')}</p>
        <p className="mt-4">{t('copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}

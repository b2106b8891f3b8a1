import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { MostRead } from './most-read';

/** 熱門文章 in the reader's script; a static copy of the site counts no views and shows none. */
export async function MostReadSection({ locale, wide = false }: { locale: Locale; wide?: boolean }) {
  if (process.env.STATIC_EXPORT === '1') return null;
  const t = await getTranslations({ locale, namespace: 'MostRead' });
  const tCard = await getTranslations({ locale, namespace: 'ArticleCard' });
  return (
    <MostRead
      locale={locale}
      wide={wide}
      labels={{ title: t('title'), day: t('day'), week: t('week'), sponsored: tCard('sponsored') }}
    />
  );
}

import { getFormatter } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';

type DateTextProps = {
  iso: string;
  locale: Locale;
  withTime?: boolean;
};

/** A date in the reader's conventions (2018年11月12日), in Taipei time, machine-readable too. */
export async function DateText({ iso, locale, withTime = false }: DateTextProps) {
  const format = await getFormatter({ locale });
  const date = new Date(iso);
  return (
    <time dateTime={iso}>
      {format.dateTime(date, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
      })}
    </time>
  );
}

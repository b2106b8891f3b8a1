'use client';

import { SiteLink } from '@/components/layout/site-link';
import { usePathname } from 'next/navigation';
import { localePath, withoutLocale, type Locale } from '@/i18n/locales';

type LocaleSwitcherProps = {
  target: Locale;
  /** The other script's name, written in that script. */
  text: string;
  label: string;
};

/**
 * Leads to the same page in the other script. Every page exists in both scripts under the same
 * path, so the counterpart is the current path with the other locale prefix.
 */
export function LocaleSwitcher({ target, text, label }: LocaleSwitcherProps) {
  const pathname = usePathname();
  return (
    <SiteLink
      href={localePath(target, withoutLocale(pathname))}
      hrefLang={target}
      title={label}
      data-testid="locale-switcher"
      className="inline-flex h-10 min-w-10 items-center justify-center rounded-full border border-neutral-300 px-3 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
    >
      <span className="sr-only">{label}</span>
      <span aria-hidden="true" lang={target}>
        {text}
      </span>
    </SiteLink>
  );
}

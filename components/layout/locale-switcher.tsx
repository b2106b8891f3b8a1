'use client';

import { SiteLink } from '@/components/layout/site-link';
import { usePathname, useRouter } from 'next/navigation';
import type { MouseEvent, SyntheticEvent } from 'react';
import { localePath, withoutLocale, type Locale } from '@/i18n/locales';

type LocaleSwitcherProps = {
  target: Locale;
  /** The other script's name, written in that script. */
  text: string;
  label: string;
};

/**
 * Leads to the same page in the other script. Every page exists in both scripts under the same
 * path, so the counterpart is the current path with the other locale prefix. The address's query
 * comes along (a search's ?q=, which the search page changes as the reader types): read when the link
 * is used, since the page is prerendered without it.
 */
export function LocaleSwitcher({ target, text, label }: LocaleSwitcherProps) {
  const pathname = usePathname();
  const router = useRouter();
  const href = localePath(target, withoutLocale(pathname));
  // For a new tab or a copied link, the address the browser reads from the element.
  const withQuery = (event: SyntheticEvent<HTMLAnchorElement>) => {
    event.currentTarget.href = href + window.location.search;
  };
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      !window.location.search ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      event.button !== 0
    )
      return;
    event.preventDefault();
    router.push(href + window.location.search);
  };
  return (
    <SiteLink
      href={href}
      onPointerDown={withQuery}
      onFocus={withQuery}
      onContextMenu={withQuery}
      onClick={onClick}
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

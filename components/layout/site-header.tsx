import { getTranslations } from 'next-intl/server';
import { SiteLink } from '@/components/layout/site-link';
import { localePath, otherLocale, type Locale } from '@/i18n/locales';
import type { TermLink } from '@/lib/content';
import { site } from '@/lib/site';
import { LocaleSwitcher } from './locale-switcher';
import { ThemeToggle } from './theme-toggle';

type SiteHeaderProps = {
  locale: Locale;
  /** The sections in the main navigation, in the reader's script. */
  sections: TermLink[];
};

export async function SiteHeader({ locale, sections }: SiteHeaderProps) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const tSwitch = await getTranslations({ locale, namespace: 'LocaleSwitcher' });
  const tTheme = await getTranslations({ locale, namespace: 'ThemeToggle' });
  const navLink =
    'inline-flex min-h-10 items-center whitespace-nowrap rounded px-2 text-[15px] font-medium text-neutral-700 hover:text-accent-700 dark:text-neutral-300 dark:hover:text-accent-300';

  return (
    // On a phone the row with the site's name, search, script and theme stays at the top while the
    // page scrolls, and the section menu scrolls away with the page: the header box is `contents`,
    // so that row sticks for the whole page rather than for the header's own height.
    <header className="contents print:hidden">
      <div
        data-testid="site-bar"
        className="sticky top-0 z-40 border-b border-neutral-200 bg-white/95 backdrop-blur sm:static sm:border-0 sm:bg-white dark:border-neutral-800 dark:bg-neutral-950/95 sm:dark:bg-neutral-950"
      >
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-1.5 sm:px-6 sm:pt-3 sm:pb-0">
          <SiteLink href={localePath(locale, '')} className="flex items-baseline gap-3">
            <span className="text-xl font-black tracking-wider text-accent-700 sm:text-2xl dark:text-accent-300">
              {site.name[locale]}
            </span>
            <span className="hidden text-sm text-neutral-500 sm:inline dark:text-neutral-400">
              {site.tagline[locale]}
            </span>
          </SiteLink>
          <div className="flex items-center gap-1">
            <SiteLink
              href={localePath(locale, '/search')}
              data-testid="search-link"
              className="inline-flex h-10 min-w-10 items-center justify-center gap-1 rounded-full px-2 text-sm font-medium hover:bg-neutral-100 dark:hover:bg-neutral-800"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-5 w-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              >
                <circle cx="11" cy="11" r="7" />
                <path d="m20 20-3.5-3.5" />
              </svg>
              <span className="sr-only sm:not-sr-only">{t('search')}</span>
            </SiteLink>
            <LocaleSwitcher target={otherLocale(locale)} text={tSwitch('target')} label={tSwitch('label')} />
            <ThemeToggle label={tTheme('label')} />
          </div>
        </div>
      </div>
      <nav aria-label={t('mainNav')} className="border-b border-neutral-200 dark:border-neutral-800">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 py-1 sm:px-4">
          <li>
            <SiteLink href={localePath(locale, '')} className={navLink}>
              {t('home')}
            </SiteLink>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <SiteLink href={localePath(locale, `/sections/${section.slug}`)} className={navLink}>
                {section.name}
              </SiteLink>
            </li>
          ))}
          <li>
            <SiteLink href={localePath(locale, '/tags')} className={navLink}>
              {t('tags')}
            </SiteLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}

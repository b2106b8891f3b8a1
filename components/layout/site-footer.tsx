import { Rss } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { siFacebook, siLine, siX } from 'simple-icons';
import type { Locale } from '@/i18n/locales';
import { feedPath } from '@/lib/feeds';
import { site } from '@/lib/site';
import { BrandIcon } from './brand-icon';
import { SiteLink } from './site-link';

type SiteFooterProps = { locale: Locale; pages: { slug: string; path: string; title: string }[] };

/** Every page's footer: what the site is, its own pages (content/pages/), where to follow it. */
export async function SiteFooter({ locale, pages }: SiteFooterProps) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const social = [
    { name: 'LINE', icon: siLine, href: site.follow.line.url },
    { name: 'Facebook', icon: siFacebook, href: site.social.facebook },
    { name: 'X', icon: siX, href: site.social.x },
  ];
  // On a phone the marks alone, in one row; their names from sm on.
  const chip =
    'inline-flex h-10 min-w-10 items-center justify-center gap-2 rounded-full border border-neutral-300 sm:px-3 text-neutral-800 hover:bg-neutral-100 dark:border-neutral-700 dark:text-neutral-200 dark:hover:bg-neutral-800';
  return (
    <footer
      className="mt-8 border-t border-neutral-200 bg-neutral-50 sm:mt-12 dark:border-neutral-800 dark:bg-neutral-900 print:hidden"
      data-testid="site-footer"
    >
      <div className="mx-auto grid max-w-6xl gap-4 px-4 py-6 text-sm text-neutral-600 sm:grid-cols-[3fr_2fr] sm:gap-6 sm:px-6 sm:py-8 dark:text-neutral-400">
        <div>
          <p className="font-bold text-neutral-800 dark:text-neutral-200">{site.name[locale]}</p>
          {/* Said on 關於我們 too: on a phone, where every line lengthens every page, the footer leaves it there. */}
          <p className="mt-2 hidden max-w-2xl sm:block">{t('footerAbout')}</p>
          {pages.length > 0 && (
            <nav aria-label={t('footerPages')} className="mt-4">
              <ul className="flex flex-wrap gap-x-5 gap-y-1">
                {pages.map((page) => (
                  <li key={page.slug}>
                    <SiteLink
                      href={page.path}
                      className="inline-block py-2 font-medium text-neutral-800 underline-offset-4 hover:underline dark:text-neutral-200"
                    >
                      {page.title}
                    </SiteLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
        <div>
          <p className="sr-only font-bold text-neutral-800 sm:not-sr-only dark:text-neutral-200">{t('footerFollow')}</p>
          <ul className="flex flex-wrap gap-2 sm:mt-3" data-testid="social-links">
            {social.map((s) => (
              <li key={s.name}>
                <a
                  href={s.href}
                  rel="noopener noreferrer me"
                  className={chip}
                  aria-label={t('followOn', { network: s.name })}
                >
                  <BrandIcon icon={s.icon} />
                  <span className="sr-only sm:not-sr-only">{s.name}</span>
                </a>
              </li>
            ))}
            <li>
              <a href={feedPath(locale, 'home', '', 'rss')} className={chip} type="application/rss+xml">
                <Rss aria-hidden="true" className="size-5 text-orange-600" />
                <span className="sr-only sm:not-sr-only">RSS</span>
              </a>
            </li>
          </ul>
        </div>
        <p className="sm:col-span-2">{t('copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}

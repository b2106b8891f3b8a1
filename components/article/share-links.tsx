import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { siFacebook, siLine, siX } from 'simple-icons';
import { BrandIcon } from '@/components/layout/brand-icon';
import { CopyLinkButton } from './copy-link-button';

type ShareLinksProps = { locale: Locale; url: string; title: string };

/** Plain links to each network's share page: no third-party script loads on our page. */
export async function ShareLinks({ locale, url, title }: ShareLinksProps) {
  const t = await getTranslations({ locale, namespace: 'Share' });
  const u = encodeURIComponent(url);
  const targets = [
    { name: 'LINE', icon: siLine, href: `https://social-plugins.line.me/lineit/share?url=${u}` },
    { name: 'Facebook', icon: siFacebook, href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', icon: siX, href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
  ];
  const link =
    'inline-flex h-10 items-center gap-2 rounded-full border border-neutral-300 px-4 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800';
  return (
    <section aria-labelledby="share-heading" data-testid="share">
      <h2 id="share-heading" className="mb-3 text-sm font-bold text-neutral-500 dark:text-neutral-400">
        {t('title')}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {targets.map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              target="_blank"
              rel="noopener noreferrer"
              className={link}
              aria-label={t('on', { network: target.name })}
            >
              <BrandIcon icon={target.icon} />
              {target.name}
            </a>
          </li>
        ))}
        <li>
          <CopyLinkButton url={url} label={t('copy')} copied={t('copied')} />
        </li>
      </ul>
    </section>
  );
}

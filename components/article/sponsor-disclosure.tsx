import type { Locale } from '@/i18n/locales';
import type { ArticleDetail } from '@/lib/content';
import { site } from '@/lib/site';
import type { ArticleTranslator } from './article-translator';

type SponsorDisclosureProps = { sponsor: NonNullable<ArticleDetail['sponsor']>; locale: Locale; t: ArticleTranslator };

/** After a sponsored piece's body: who paid for it, and that the site edited it. */
export function SponsorDisclosure({ sponsor, locale, t }: SponsorDisclosureProps) {
  return (
    <p
      className="mt-8 rounded-lg bg-amber-50 p-4 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
      data-testid="sponsor-disclosure"
    >
      {t('sponsorDisclosure', { sponsor: sponsor.name, site: site.name[locale] })}
    </p>
  );
}

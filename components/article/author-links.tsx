import { SiteLink } from '@/components/layout/site-link';
import { localePath, type Locale } from '@/i18n/locales';
import type { AuthorLink } from '@/lib/content';

/** A story's authors, each linked to their page, joined as Chinese lists are (、). */
export function AuthorLinks({
  authors,
  locale,
  className,
}: {
  authors: AuthorLink[];
  locale: Locale;
  className: string;
}) {
  return authors.map((author, i) => (
    <span key={author.id}>
      {i > 0 && '、'}
      <SiteLink href={localePath(locale, `/authors/${author.id}`)} className={className}>
        {author.name}
      </SiteLink>
    </span>
  ));
}

import { SiteLink } from '@/components/layout/site-link';
import { localePath, type Locale } from '@/i18n/locales';
import type { TermLink } from '@/lib/content';

type TagListProps = { tags: TermLink[]; locale: Locale; label?: string };

export function TagList({ tags, locale, label }: TagListProps) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <SiteLink
            href={localePath(locale, `/tags/${tag.slug}`)}
            className="inline-flex min-h-8 items-center rounded-full bg-neutral-100 px-3 text-sm text-neutral-700 hover:bg-accent-50 hover:text-accent-700 dark:bg-neutral-800 dark:text-neutral-300 dark:hover:bg-neutral-700"
          >
            #{tag.name}
          </SiteLink>
        </li>
      ))}
    </ul>
  );
}

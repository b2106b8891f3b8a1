import { SiteLink } from '@/components/layout/site-link';
import { localePath, type Locale } from '@/i18n/locales';
import type { AuthorProfile } from '@/lib/content';
import type { ArticleTranslator } from './article-translator';
import { AuthorPhoto } from './author-photo';

type AuthorBoxProps = { authors: AuthorProfile[]; locale: Locale; t: ArticleTranslator };

/** About the authors: name (to their page), role and a short biography. */
export function AuthorBox({ authors, locale, t }: AuthorBoxProps) {
  return (
    <section
      aria-labelledby="author-heading"
      className="rounded-lg border border-neutral-200 p-5 dark:border-neutral-800"
    >
      <h2 id="author-heading" className="text-sm font-bold text-neutral-500 dark:text-neutral-400">
        {t('aboutAuthor')}
      </h2>
      {authors.map((author) => (
        <div key={author.id} className="mt-3 flex items-start gap-4">
          <AuthorPhoto author={author} size={48} />
          <div className="min-w-0">
            <p>
              <SiteLink href={localePath(locale, `/authors/${author.id}`)} className="font-bold hover:underline">
                {author.name}
              </SiteLink>
              {author.role && (
                <span className="ml-2 text-sm text-neutral-500 dark:text-neutral-400">{author.role}</span>
              )}
            </p>
            {author.bio && <p className="mt-1 text-[15px] text-neutral-600 dark:text-neutral-400">{author.bio}</p>}
          </div>
        </div>
      ))}
    </section>
  );
}

import { CommentCountSlot } from '@/components/engage/comment-count-slot';
import { OptimizedImage } from '@/components/media/optimized-image';
import { SiteLink } from '@/components/layout/site-link';
import { localePath, type Locale } from '@/i18n/locales';
import type { ArticleCard as ArticleCardData } from '@/lib/content';
import { ArticleLabels } from './article-labels';
import { AuthorLinks } from './author-links';
import { DateText } from './date-text';
import { TagList } from './tag-list';

type ArticleCardProps = {
  article: ArticleCardData;
  locale: Locale;
  /** The lead story is drawn larger, image beside the text on wide screens. */
  lead?: boolean;
  /** Load the image eagerly: only for the first card a reader sees. */
  priority?: boolean;
  /** 2 when the card sits right under the page's h1 (a listing), 3 under a section's h2. */
  headingLevel?: 2 | 3;
};

export async function ArticleCard({
  article,
  locale,
  lead = false,
  priority = false,
  headingLevel = 3,
}: ArticleCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = `/articles/${article.slug}`;
  return (
    // On a phone a secondary story is a compact row, a small picture beside its headline (a page of
    // full-width pictures was 4,500 px long); from sm on, a picture above the text.
    <article
      className={
        lead
          ? 'grid gap-4 md:grid-cols-5 md:gap-8'
          : 'grid grid-cols-[7.5rem_1fr] items-start gap-3 sm:flex sm:flex-col'
      }
      data-testid="article-card"
    >
      <SiteLink
        href={localePath(locale, href)}
        className={lead ? 'md:col-span-3' : 'sm:order-none'}
        tabIndex={-1}
        aria-hidden="true"
      >
        <OptimizedImage
          src={article.hero.src}
          alt=""
          width={article.hero.width}
          height={article.hero.height}
          sizes={lead ? '(min-width: 768px) 60vw, 100vw' : '(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 120px'}
          priority={priority}
          className="aspect-video w-full rounded-lg bg-neutral-200 object-cover dark:bg-neutral-800"
        />
      </SiteLink>
      <div className={lead ? 'flex flex-col gap-3 md:col-span-2 md:justify-center' : 'flex flex-col gap-1 sm:gap-2'}>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <SiteLink
            href={localePath(locale, `/sections/${article.section.slug}`)}
            className="font-bold text-accent-700 hover:underline dark:text-accent-300"
          >
            {article.section.name}
          </SiteLink>
          <ArticleLabels article={article} locale={locale} />
        </p>
        <Heading
          className={
            lead ? 'text-2xl leading-snug font-bold sm:text-3xl' : 'text-base leading-snug font-bold sm:text-lg'
          }
        >
          <SiteLink href={localePath(locale, href)} className="hover:text-accent-700 dark:hover:text-accent-300">
            {article.title}
          </SiteLink>
        </Heading>
        <p
          className={
            lead
              ? 'text-base text-neutral-700 dark:text-neutral-300'
              : 'hidden text-[15px] text-neutral-600 sm:line-clamp-3 dark:text-neutral-400'
          }
        >
          {article.summary}
        </p>
        <p className="flex flex-wrap gap-x-3 text-sm text-neutral-500 dark:text-neutral-400">
          <span data-testid="card-byline">
            <AuthorLinks authors={article.authors} locale={locale} className="hover:underline" />
          </span>
          <DateText iso={article.publishedAt} locale={locale} />
          <CommentCountSlot slug={article.slug} testId="card-comment-count" />
        </p>
        {/* Tags from sm on: on a phone the story's page has them, and the front page stays short. */}
        <div className="hidden sm:block">
          <TagList tags={article.tags} locale={locale} />
        </div>
      </div>
    </article>
  );
}

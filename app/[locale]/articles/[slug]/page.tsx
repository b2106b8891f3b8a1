import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SiteLink } from '@/components/layout/site-link';
import { isLocale, localePath } from '@/i18n/locales';
import { articleSlugs, getArticle } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';
import { DateText } from '@/components/article/date-text';
import { TagList } from '@/components/article/tag-list';
import { ArticleList } from '@/components/article/article-list';
import { MdxContent } from '@/components/mdx/mdx-content';
import { ShareLinks } from '@/components/article/share-links';
import { FollowBox } from '@/components/article/follow-box';
import { OptimizedImage } from '@/components/media/optimized-image';
import { articleJsonLd, jsonLdText } from '@/lib/structured-data';

type ArticlePageProps = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  return (isLocale(params.locale) ? articleSlugs(params.locale) : []).map((slug) => ({ slug }));
}

async function load(params: ArticlePageProps['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return undefined;
  const article = getArticle(locale, decodeURIComponent(slug));
  return article && { locale, article };
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { locale, article } = found;
  return pageMetadata({
    locale,
    path: `/articles/${article.slug}`,
    title: article.title,
    description: article.summary,
    image: article.hero,
    article: {
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      authors: article.authors.map((a) => a.name),
      tags: article.tags.map((t) => t.name),
    },
    canonical: article.syndication?.originalUrl,
    derivedFrom: article.derivedFrom,
  });
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, article } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Article' });

  return (
    <article className="mx-auto max-w-3xl" data-pagefind-body>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(articleJsonLd(article, locale)) }} />
      {article.draft && (
        <p role="status" data-pagefind-ignore className="mb-6 rounded-lg bg-red-100 p-3 text-sm font-bold text-red-900 dark:bg-red-950 dark:text-red-100" data-testid="draft-banner">
          {t('draftBanner')}
        </p>
      )}
      <header>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <SiteLink
            href={localePath(locale, `/sections/${article.section.slug}`)}
            data-pagefind-meta="section"
            data-pagefind-filter="section"
            className="font-bold text-accent-700 hover:underline dark:text-accent-300">
            {article.section.name}
          </SiteLink>
          {article.sponsor && (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              {t('sponsoredLabel')}
            </span>
          )}
        </p>
        <h1 data-pagefind-meta="title" className="mt-2 text-3xl font-black leading-snug sm:text-4xl sm:leading-tight">{article.title}</h1>
        <p className="mt-4 text-lg text-neutral-700 dark:text-neutral-300" data-testid="dek">
          {article.summary}
        </p>
        <div className="mt-5 flex flex-wrap items-center gap-x-4 gap-y-1 border-y border-neutral-200 py-3 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          <p data-testid="byline">
            {t('bylinePrefix')}
            {article.authors.map((author, i) => (
              <span key={author.id}>
                {i > 0 && '、'}
                <SiteLink href={localePath(locale, `/authors/${author.id}`)} className="font-medium text-neutral-900 hover:underline dark:text-neutral-100">
                  {author.name}
                </SiteLink>
              </span>
            ))}
          </p>
          <p>
            {t('published')} <DateText iso={article.publishedAt} locale={locale} withTime searchDate />
          </p>
          {article.updatedAt && (
            <p>
              {t('updated')} <DateText iso={article.updatedAt} locale={locale} withTime />
            </p>
          )}
          <p>{t('readingTime', { minutes: article.readingMinutes })}</p>
          {article.derivedFrom && (
            <p data-testid="derived-notice" data-pagefind-ignore className="rounded bg-neutral-100 px-2 py-0.5 text-xs dark:bg-neutral-800">
              {t('derived', { source: article.derivedFrom === 'zh-Hant' ? 'hant' : 'hans' })}
            </p>
          )}
        </div>
        {article.syndication && (
          <p className="mt-3 text-sm text-neutral-600 dark:text-neutral-400" data-testid="syndication">
            {t('syndication', { partner: article.syndication.partner })}
            {article.syndication.originalUrl && (
              <>
                {'  '}
                <a href={article.syndication.originalUrl} rel="noopener" className="underline">
                  {t('originalLink')}
                </a>
              </>
            )}
          </p>
        )}
      </header>

      <figure className="mt-6">
        <OptimizedImage
          src={article.hero.src}
          alt={article.hero.alt}
          width={article.hero.width}
          height={article.hero.height}
          sizes="(min-width: 768px) 768px, 100vw"
          priority
          className="aspect-video w-full rounded-lg bg-neutral-200 object-cover dark:bg-neutral-800"
        />
        <figcaption data-testid="hero-credit" className="mt-2 text-sm text-neutral-500 dark:text-neutral-400">{article.hero.credit}</figcaption>
      </figure>

      <div data-testid="article-body" className="prose prose-neutral prose-cjk mt-8 max-w-none text-[17px] sm:text-lg dark:prose-invert prose-headings:font-bold prose-a:text-accent-700 dark:prose-a:text-accent-300">
        <MdxContent
          code={article.code}
          locale={locale}
          images={article.images}
          sponsored={article.sponsored}
          labels={{ playVideo: t('playVideo') }}
        />
      </div>

      {article.sponsor && (
        <p className="mt-8 rounded-lg bg-amber-50 p-4 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100" data-testid="sponsor-disclosure">
          {t('sponsorDisclosure', { sponsor: article.sponsor.name, site: site.name[locale] })}
        </p>
      )}

      <footer className="mt-10 space-y-10 [contain-intrinsic-size:auto_1600px] [content-visibility:auto]" data-pagefind-ignore="all">
        <ShareLinks locale={locale} url={new URL(article.path, site.url).toString()} title={article.title} />
        <section aria-labelledby="tags-heading">
          <h2 id="tags-heading" className="mb-3 text-sm font-bold text-neutral-500 dark:text-neutral-400">
            {t('tags')}
          </h2>
          <TagList tags={article.tags} locale={locale} />
        </section>

        <section aria-labelledby="author-heading" className="rounded-lg border border-neutral-200 p-5 dark:border-neutral-800">
          <h2 id="author-heading" className="text-sm font-bold text-neutral-500 dark:text-neutral-400">
            {t('aboutAuthor')}
          </h2>
          {article.authors.map((author) => (
            <div key={author.id} className="mt-3">
              <p>
                <SiteLink href={localePath(locale, `/authors/${author.id}`)} className="font-bold hover:underline">
                  {author.name}
                </SiteLink>
                {author.role && <span className="ml-2 text-sm text-neutral-500 dark:text-neutral-400">{author.role}</span>}
              </p>
              {author.bio && <p className="mt-1 text-[15px] text-neutral-600 dark:text-neutral-400">{author.bio}</p>}
            </div>
          ))}
        </section>

        {article.furtherReading.length > 0 && (
          <section aria-labelledby="further-heading">
            <h2 id="further-heading" className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">
              {t('furtherReading')}
            </h2>
            <ArticleList articles={article.furtherReading} locale={locale} eager={false} />
          </section>
        )}

        <FollowBox locale={locale} />

        {article.related.length > 0 && (
          <section aria-labelledby="related-heading" data-testid="related">
            <h2 id="related-heading" className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">
              {t('related')}
            </h2>
            <ArticleList articles={article.related} locale={locale} eager={false} />
          </section>
        )}
      </footer>
    </article>
  );
}

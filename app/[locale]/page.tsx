import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/site-link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale, localePath, type Locale } from '@/i18n/locales';
import {
  leadArticle,
  listArticles,
  listArticlesPage,
  listSections,
  type ArticleCard as ArticleCardData,
  type ArticlePage,
  type TermWithCount,
} from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { websiteJsonLd } from '@/lib/structured-data';
import { MostReadSection } from '@/components/engage/most-read-section';
import { NewsletterForm } from '@/components/engage/newsletter-form';
import { JsonLd } from '@/components/layout/json-ld';
import { ArticleCard } from '@/components/article/article-card';
import { ArticleLabels } from '@/components/article/article-labels';
import { ArticleList } from '@/components/article/article-list';
import { site } from '@/lib/site';
import { Pagination } from '@/components/listing/pagination';
import { listingTag, tagPage } from '@/lib/page-tags';

type HomePageProps = { params: Promise<{ locale: string }> };

/** Articles shown in each section's block on the front page. */
const SECTION_BLOCK_SIZE = 3;

export async function generateMetadata({ params }: HomePageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Home' });
  return {
    ...pageMetadata({ locale, path: '', title: t('title'), description: t('description') }),
    title: { absolute: t('title') },
  };
}

type LeadStoryProps = { lead: ArticleCardData; locale: Locale; heading: string };

/** The lead story, across the top of the page. */
function LeadStory({ lead, locale, heading }: LeadStoryProps) {
  return (
    <section
      aria-labelledby="lead-heading"
      className="mb-6 border-b border-neutral-200 pb-6 sm:mb-12 sm:pb-10 dark:border-neutral-800"
      data-testid="lead-story"
    >
      <h2 id="lead-heading" className="sr-only">
        {heading}
      </h2>
      <ArticleCard article={lead} locale={locale} lead priority />
    </section>
  );
}

type LatestStoriesProps = {
  latest: ArticleCardData[];
  first: ArticlePage | undefined;
  locale: Locale;
  heading: string;
};

/** The newest stories besides the lead, and the way to the older ones. */
function LatestStories({ latest, first, locale, heading }: LatestStoriesProps) {
  return (
    <section aria-labelledby="latest-heading" data-testid="latest">
      <h2 id="latest-heading" className="mb-6 border-l-4 border-accent-600 pl-3 text-xl font-bold">
        {heading}
      </h2>
      <ArticleList articles={latest} locale={locale} eager={false} />
      {first && <Pagination locale={locale} basePath="" page={1} totalPages={first.totalPages} />}
    </section>
  );
}

type SectionBlockProps = { section: TermWithCount & { articles: ArticleCardData[] }; locale: Locale; more: string };

/** One section's block: its newest stories not shown above, and the way to the section. */
function SectionBlock({ section, locale, more }: SectionBlockProps) {
  return (
    <section aria-labelledby={`section-${section.slug}`} data-testid="section-block">
      <h3
        id={`section-${section.slug}`}
        className="mb-2 border-b-2 border-neutral-900 pb-2 text-lg font-black dark:border-neutral-100"
      >
        <SiteLink
          href={localePath(locale, `/sections/${section.slug}`)}
          className="hover:text-accent-700 dark:hover:text-accent-300"
        >
          {section.name}
        </SiteLink>
      </h3>
      <ul className="space-y-3 sm:space-y-4">
        {section.articles.map((article) => (
          <li
            key={article.slug}
            className="border-b border-neutral-200 pb-3 last:border-0 sm:pb-4 dark:border-neutral-800"
          >
            {(article.sponsored || article.syndicated) && (
              <p className="mb-1 flex gap-2 text-sm">
                <ArticleLabels article={article} locale={locale} />
              </p>
            )}
            <SiteLink
              href={article.path}
              className="leading-snug font-bold hover:text-accent-700 dark:hover:text-accent-300"
            >
              {article.title}
            </SiteLink>
            {/* Headlines alone on a phone: a second list of summaries doubled the page's length there. */}
            <p className="mt-1 hidden text-sm text-neutral-600 sm:line-clamp-2 dark:text-neutral-400">
              {article.summary}
            </p>
          </li>
        ))}
      </ul>
      <SiteLink
        href={localePath(locale, `/sections/${section.slug}`)}
        className="mt-3 inline-block text-sm font-bold text-accent-700 hover:underline dark:text-accent-300"
      >
        {more} →
      </SiteLink>
    </section>
  );
}

type NewsletterBlockProps = { locale: Locale; title: string; pitch: string };

/** The newsletter's sign-up at the foot of the page; one row on a phone: the heading beside the form. */
function NewsletterBlock({ locale, title, pitch }: NewsletterBlockProps) {
  return (
    <section
      aria-labelledby="newsletter-heading"
      className="mt-6 flex items-center gap-3 rounded-lg bg-neutral-100 p-4 sm:mt-14 sm:gap-8 sm:p-8 dark:bg-neutral-900"
      data-testid="home-newsletter"
    >
      <div className="shrink-0 sm:flex-1">
        <h2 id="newsletter-heading" className="font-black sm:text-lg">
          {title}
        </h2>
        <p className="mt-1 hidden text-sm text-neutral-700 sm:block dark:text-neutral-300">{pitch}</p>
      </div>
      <div className="min-w-0 flex-1 sm:w-96 sm:flex-none">
        <NewsletterForm locale={locale} id="home-newsletter" />
      </div>
    </section>
  );
}

export default async function HomePage({ params }: HomePageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // The front page shows the newest stories and each section's.
  await tagPage(
    listingTag(locale, 'home', ''),
    ...listSections(locale).map((s) => listingTag(locale, 'section', s.slug)),
  );
  const t = await getTranslations({ locale, namespace: 'Home' });
  const tNewsletter = await getTranslations({ locale, namespace: 'Newsletter' });
  const lead = leadArticle(locale);
  const first = listArticlesPage({ locale }, 1);
  // A full grid (a multiple of 2 and 3 columns) of the newest stories besides the lead.
  const latest = listArticles({ locale, limit: site.pageSize + 1 })
    .filter((a) => a.slug !== lead?.slug)
    .slice(0, site.pageSize);
  // Section blocks show what the reader has not just seen above them.
  const shown = new Set([lead?.slug, ...latest.map((a) => a.slug)]);
  const sectionBlock = (section: string) =>
    listArticles({ locale, section, limit: SECTION_BLOCK_SIZE + shown.size })
      .filter((a) => !shown.has(a.slug))
      .slice(0, SECTION_BLOCK_SIZE);
  const sections = listSections(locale)
    .map((s) => ({ ...s, articles: sectionBlock(s.slug) }))
    .filter((s) => s.articles.length > 0);

  return (
    <>
      <JsonLd data={websiteJsonLd(locale, t('description'))} />
      <h1 className="sr-only">{t('title')}</h1>
      {lead && <LeadStory lead={lead} locale={locale} heading={t('lead')} />}
      <LatestStories latest={latest} first={first} locale={locale} heading={t('latest')} />
      {/* Empty, and so hidden, until there are views to rank. */}
      <div className="mt-4 empty:hidden sm:mt-14">
        <MostReadSection locale={locale} wide />
      </div>
      <div className="mt-6 grid gap-6 sm:mt-14 sm:gap-12 lg:grid-cols-3 lg:gap-8">
        <h2 className="sr-only">{t('sections')}</h2>
        {sections.map((section) => (
          <SectionBlock
            key={section.slug}
            section={section}
            locale={locale}
            more={t('more', { section: section.name })}
          />
        ))}
      </div>
      <NewsletterBlock locale={locale} title={tNewsletter('title')} pitch={tNewsletter('pitch')} />
    </>
  );
}

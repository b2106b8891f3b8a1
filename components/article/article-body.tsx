import { getTranslations } from 'next-intl/server';
import { MdxContent } from '@/components/mdx/mdx-content';
import type { Locale } from '@/i18n/locales';
import type { ArticleDetail } from '@/lib/content';
import { site } from '@/lib/site';

type ArticleBodyProps = { article: ArticleDetail; locale: Locale };

/** The compiled body, rendered on the server, and a sponsored piece's disclosure after it. */
export async function ArticleBody({ article, locale }: ArticleBodyProps) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  return (
    <>
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
    </>
  );
}

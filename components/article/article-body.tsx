import { MdxContent } from '@/components/mdx/mdx-content';
import type { Locale } from '@/i18n/locales';
import type { ArticleDetail } from '@/lib/content';
import type { ArticleTranslator } from './article-translator';

type ArticleBodyProps = { article: ArticleDetail; locale: Locale; t: ArticleTranslator };

/** The compiled body, rendered on the server: it ships no client JavaScript. */
export function ArticleBody({ article, locale, t }: ArticleBodyProps) {
  return (
    <div
      data-testid="article-body"
      className="prose-cjk prose mt-8 max-w-none text-[17px] prose-neutral sm:text-lg dark:prose-invert prose-headings:font-bold prose-a:text-accent-700 dark:prose-a:text-accent-300"
    >
      <MdxContent
        code={article.code}
        locale={locale}
        images={article.images}
        sponsored={article.sponsored}
        labels={{ playVideo: t('playVideo') }}
      />
    </div>
  );
}

import { MdxContent } from '@/components/mdx/mdx-content';
import type { Locale } from '@/i18n/locales';
import type { ArticleBody } from '@/lib/content-model';

/**
 * An article's body as a feed carries it, drawn by the page's own renderer so a feed reader sees
 * what the page shows; pipeline/feed-html.tsx renders and sanitises it when the body is written.
 */
export function FeedBody({
  body,
  locale,
  sponsored,
  playVideo,
}: {
  body: Omit<ArticleBody, 'html'>;
  locale: Locale;
  sponsored: boolean;
  playVideo: string;
}) {
  return (
    <MdxContent code={body.code} locale={locale} images={body.images} sponsored={sponsored} labels={{ playVideo }} />
  );
}

import { renderToStaticMarkup } from 'react-dom/server';
import sanitizeHtml from 'sanitize-html';
import { FeedBody } from '@/components/feed/feed-body';
import type { Locale } from '@/i18n/locales';
import type { ArticleBody } from '@/lib/content-model';
import hans from '@/messages/zh-Hans.json';
import hant from '@/messages/zh-Hant.json';

const labels = { 'zh-Hant': hant, 'zh-Hans': hans } as const;

/**
 * One body as the HTML a feed carries, drawn by the page's own renderer once, when the body file is
 * written, so feed route handlers need no React. Sanitised here: no script, iframe, on* attribute
 * or javascript: URL can reach a feed. Links stay relative: the feed makes them absolute against
 * site.url when it is served, so a change of SITE_URL needs no new content step.
 */
export function feedBodyHtml(body: Omit<ArticleBody, 'html'>, locale: Locale, sponsored: boolean): string {
  const markup = renderToStaticMarkup(
    <FeedBody body={body} locale={locale} sponsored={sponsored} playVideo={labels[locale].Article.playVideo} />,
  );
  return sanitizeHtml(markup, {
    allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'figure', 'figcaption', 'picture']),
    allowedAttributes: { a: ['href', 'rel', 'title'], img: ['src', 'alt', 'width', 'height'], '*': ['lang'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });
}

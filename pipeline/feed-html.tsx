import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import sanitizeHtml from 'sanitize-html';
import { FeedBody } from '@/components/feed/feed-body';
import type { Locale } from '@/i18n/locales';
import type { ArticleBody } from '@/lib/content-model';
import hans from '@/messages/zh-Hans.json';
import hant from '@/messages/zh-Hant.json';
import { contentHash } from './content-hash';

const labels = { 'zh-Hant': hant, 'zh-Hans': hans } as const;

/**
 * What a body's feed HTML is drawn with: this file, the body's renderer, the labels and the
 * sanitiser's version. Part of a body file's name, so that a change to any of them writes every
 * body's feed HTML anew.
 */
export const feedHtmlKey = (() => {
  const root = process.cwd();
  const files = [
    fileURLToPath(import.meta.url),
    ...['components/feed', 'components/mdx', 'messages'].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .sort()
        .map((name) => path.join(root, dir, name)),
    ),
    path.join(root, 'node_modules', 'sanitize-html', 'package.json'),
  ];
  return contentHash(files.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\0'));
})();

/** The page of a video whose player the body embeds (components/mdx/article-components.tsx). */
function videoPage(embed: string): string {
  const youtube = /^https:\/\/www\.youtube-nocookie\.com\/embed\/([^?/#]+)/.exec(embed);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https:\/\/player\.vimeo\.com\/video\/([^?/#]+)/.exec(embed);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return embed;
}

/**
 * One body as the HTML a feed carries, drawn by the page's own renderer once, when the body file is
 * written, so feed route handlers need no React. Sanitised here: no script, iframe, on* attribute
 * or javascript: URL can reach a feed; a video's player becomes a link to the video's own page, which
 * every feed reader can open. Links stay relative: the feed makes them absolute against
 * site.url when it is served, so a change of SITE_URL needs no new content step.
 */
export function feedBodyHtml(body: Omit<ArticleBody, 'html'>, locale: Locale, sponsored: boolean): string {
  const markup = renderToStaticMarkup(
    <FeedBody body={body} locale={locale} sponsored={sponsored} playVideo={labels[locale].Article.playVideo} />,
  );
  return sanitizeHtml(markup, {
    transformTags: {
      iframe: (_, attribs) => ({
        tagName: 'a',
        attribs: { href: videoPage(attribs.src ?? '') },
        text: attribs.title ?? attribs.src ?? '',
      }),
    },
    // The player's caption is the link's text; the rest of the <details> box goes with it.
    exclusiveFilter: (frame) => frame.tag === 'summary',
    allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'figure', 'figcaption', 'picture', 'summary']),
    allowedAttributes: { a: ['href', 'rel', 'title'], img: ['src', 'alt', 'width', 'height'], '*': ['lang'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });
}

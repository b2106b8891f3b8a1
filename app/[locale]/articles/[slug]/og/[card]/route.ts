import { drawSocialCard } from '@/components/social/social-card';
import { isLocale } from '@/i18n/locales';
import { getArticleCard } from '@/lib/content';
import { NAMES_TAG, storyTag, tagPage } from '@/lib/page-tags';
import {
  cachedSocialCard,
  SOCIAL_CARD_FILE,
  socialCardContent,
  socialCardKey,
  socialCardPath,
} from '@/lib/social-card';

// A story's social card, /zh-Hant/articles/<slug>/og/<key>.png (lib/social-card.ts): drawn on its
// first request, never at build (no static params), then kept by key. The key names what the card
// shows, so the front door lets it be kept a year (lib/door/front-door.ts); a stale key is sent to the
// current one, anything else is 404. A route.ts: the static export leaves it out and its pages
// show the hero instead (lib/metadata.ts).
export const dynamic = 'force-dynamic';

type CardRouteProps = { params: Promise<{ locale: string; slug: string; card: string }> };

const notFound = () =>
  new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: CardRouteProps) {
  const { locale, slug, card } = await params;
  const key = SOCIAL_CARD_FILE.exec(card)?.[1];
  if (!isLocale(locale) || !key) return notFound();
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return notFound();
  }
  const article = getArticleCard(locale, decoded);
  if (!article) return notFound();
  await tagPage(NAMES_TAG, storyTag(locale, article.slug));
  const content = await socialCardContent(article, locale);
  const current = socialCardKey(content);
  // A card that changed since the link was shared: the current one (the front door keeps this an hour).
  if (key !== current)
    return new Response(null, { status: 308, headers: { Location: socialCardPath(locale, article.slug, current) } });
  const png = await cachedSocialCard(current, () => drawSocialCard(content));
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}

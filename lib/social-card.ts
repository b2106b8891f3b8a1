import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTranslations } from 'next-intl/server';
import { LRUCache } from 'lru-cache';
import type { Locale } from '@/i18n/locales';
import { localePath } from '@/i18n/locales';
import type { ArticleCard } from './content-store';
import { cardFontVersion } from './card-fonts';
import { site } from './site';

// A story's social card (Open Graph image): drawn by components/social/social-card.tsx on its first
// request to app/[locale]/articles/[slug]/og/[card]/route.ts, never at build, and named by a key of
// everything it shows, so that its URL changes when the card does and each URL may be kept a year.

export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

/** Bump when the card's drawing changes: every key, so every URL, changes with it. */
const CARD_LAYOUT_VERSION = 1;

/** Everything a card shows, as plain data: what the key is made of and what the drawing takes. */
export type SocialCardContent = {
  locale: Locale;
  title: string;
  section: string;
  /** 廣編企劃 / 广编企划 on a sponsored story: the site's own label text (messages/). */
  label?: string;
  siteName: string;
  /** The hero under public/, and a hash of the file's bytes (an editor may replace a picture in place). */
  hero: { src: string; hash: string };
};

const heroHashes = new Map<string, { stamp: string; hash: string }>();

/** The public/ file a site path names (the server runs in the project). */
export const publicFile = (src: string) => path.join(process.cwd(), 'public', ...src.split('/').filter(Boolean));

/** A hash of a public/ file's bytes, worked out again only when its size or time changes. */
export function fileHash(file: string): string {
  let stamp = 'missing';
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return stamp;
  }
  const known = heroHashes.get(file);
  if (known?.stamp === stamp) return known.hash;
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  heroHashes.set(file, { stamp, hash });
  return hash;
}

/** What a story's card shows in one script. */
export async function socialCardContent(
  article: Pick<ArticleCard, 'title' | 'section' | 'sponsored' | 'hero'>,
  locale: Locale,
): Promise<SocialCardContent> {
  const t = await getTranslations({ locale, namespace: 'ArticleCard' });
  return {
    locale,
    title: article.title,
    section: article.section.name,
    ...(article.sponsored && { label: t('sponsored') }),
    siteName: site.name[locale],
    // The index step's hash when it wrote one (an index from before reads the file).
    hero: { src: article.hero.src, hash: article.hero.hash ?? fileHash(publicFile(article.hero.src)) },
  };
}

/** The card's name: 16 hex digits of a hash of what it shows, the fonts and the drawing's version. */
export function socialCardKey(content: SocialCardContent, fontVersion: string = cardFontVersion()): string {
  const shown = [
    CARD_LAYOUT_VERSION,
    fontVersion,
    content.locale,
    content.title,
    content.section,
    content.label ?? '',
    content.siteName,
    content.hero.src,
    content.hero.hash,
  ];
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 16);
}

/** The card's file name in its URL, `<key>.png`: the dot keeps it out of the proxy (proxy.ts). */
export const SOCIAL_CARD_FILE = /^([0-9a-f]{16})\.png$/;

/** The card's path on the site: /zh-Hant/articles/<slug>/og/<key>.png. */
export function socialCardPath(locale: Locale, slug: string, key: string): string {
  return localePath(locale, `/articles/${encodeURIComponent(slug)}/og/${key}.png`);
}

export type ShareImage = { src: string; alt: string; width: number; height: number; type?: string };

/**
 * A story page's share image (lib/metadata.ts): its card, with the headline (and the sponsored
 * label) as alt text. A static export has no server to draw cards on request: there, the hero.
 */
export async function socialCardImage(
  article: Pick<ArticleCard, 'slug' | 'title' | 'section' | 'sponsored' | 'hero'>,
  locale: Locale,
): Promise<ShareImage> {
  const content = await socialCardContent(article, locale);
  const alt = content.label ? `${content.label}｜${content.title}` : content.title;
  if (process.env.STATIC_EXPORT === '1')
    return { src: article.hero.src, alt, width: article.hero.width, height: article.hero.height };
  return {
    src: socialCardPath(locale, article.slug, socialCardKey(content)),
    alt,
    ...SOCIAL_CARD_SIZE,
    type: 'image/png',
  };
}

// Drawn cards, by key: in memory (bounded by bytes) and in files, so a restart draws none again.
// A key names what the card shows, so nothing here is ever stale; a CDN keeps each for a year.
const memory = new LRUCache<string, Buffer>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (png) => png.length });
const drawing = new Map<string, Promise<Buffer>>();

/** Where drawn cards are kept on disk: SOCIAL_CARD_CACHE_DIR (npm start: the project's .next/cache), or .next/cache here. */
const cacheDir = () => process.env.SOCIAL_CARD_CACHE_DIR ?? path.join(process.cwd(), '.next', 'cache', 'social-cards');

/** The card of this key: from memory, from disk, or drawn once (concurrent requests share one drawing). */
export async function cachedSocialCard(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  const kept = memory.get(key);
  if (kept) return kept;
  const file = path.join(cacheDir(), `${key}.png`);
  try {
    const png = readFileSync(file);
    memory.set(key, png);
    return png;
  } catch {
    // Not drawn yet on this machine.
  }
  let pending = drawing.get(key);
  if (!pending) {
    pending = draw().then((png) => {
      memory.set(key, png);
      try {
        mkdirSync(cacheDir(), { recursive: true });
        // Written beside, then renamed: a reader never meets half a file.
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, png);
        renameSync(temp, file);
      } catch (error) {
        console.warn(`[social-card] could not keep ${key}: ${(error as Error).message}`);
      }
      return png;
    });
    drawing.set(key, pending);
    void pending.finally(() => drawing.delete(key)).catch(() => {});
  }
  return pending;
}

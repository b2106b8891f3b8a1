import { readFileSync, statSync } from 'node:fs';
import type { Locale } from '@/i18n/locales';
import { searchManifestFile, type SearchManifest } from '@/lib/search';
import { loadQueryConverter } from '@/lib/search-convert';
import type { PublicComment } from './comments';

// Comments shown in the reader's script: one written in the other script is converted with the
// converter that turns stories into that script (OpenCC, the regional vocabulary, the glossary),
// as the search manifest carries it for the search page (lib/search-convert.ts). Loaded on the
// first such comment; loaded again when a publish writes a new manifest.

let loaded: { stamp: number; converters: Map<Locale, Promise<(text: string) => string>> } | undefined;

function converterInto(locale: Locale): Promise<(text: string) => string> | undefined {
  let stamp: number;
  try {
    stamp = statSync(searchManifestFile).mtimeMs;
  } catch {
    // No search index built yet: comments are shown as written.
    return undefined;
  }
  if (loaded?.stamp !== stamp) loaded = { stamp, converters: new Map() };
  let converter = loaded.converters.get(locale);
  if (!converter) {
    const manifest = JSON.parse(readFileSync(searchManifestFile, 'utf8')) as SearchManifest;
    converter = loadQueryConverter(locale, manifest[locale].conversion);
    loaded.converters.set(locale, converter);
  }
  return converter;
}

/** `comments` with the text of those written in the other script converted into `locale`, marked `converted`. */
export async function inReaderScript(
  comments: PublicComment[],
  locale: Locale,
): Promise<(PublicComment & { converted?: true })[]> {
  const others = (list: PublicComment[]): boolean => list.some((c) => c.locale !== locale || others(c.replies));
  if (!others(comments)) return comments;
  const pending = converterInto(locale);
  if (!pending) return comments;
  let convert: (text: string) => string;
  try {
    convert = await pending;
  } catch (error) {
    console.error('Comments are shown as written: the converter could not be loaded:', error);
    return comments;
  }
  const each = (c: PublicComment): PublicComment & { converted?: true } => ({
    ...c,
    ...(c.locale !== locale && { body: convert(c.body), name: convert(c.name), converted: true as const }),
    replies: c.replies.map(each),
  });
  return comments.map(each);
}

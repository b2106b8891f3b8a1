import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '@/i18n/locales';

// The fonts of the social cards (lib/social-card.ts): Noto Sans TC or SC from the npm registry
// (@fontsource), read from disk. next/og takes woff, not woff2, and a whole CJK font is tens of MB,
// so a card loads only the numbered unicode-range subsets that hold the characters it shows.

/** The family per script: a Traditional font lacks Simplified glyphs, and the other way round. */
const cardFontPackages: Record<Locale, { pkg: string; family: string }> = {
  'zh-Hant': { pkg: '@fontsource/noto-sans-tc', family: 'Noto Sans TC' },
  'zh-Hans': { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
};

/** The one weight the card is set in (the headline's), so each subset is one file. */
const CARD_FONT_WEIGHT = 700;

export type FontSubset = { file: string; ranges: Array<[number, number]> };

/** `U+4e00-9fff`, `U+20024`, `U+4??`: inclusive code point ranges. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'f'), 16)];
      const [from = '', to] = part.split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    })
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
}

/** The woff subsets a fontsource CSS file declares (its woff2 twins are left out), with their ranges. */
function parseFontsourceCss(css: string): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file && range) subsets.push({ file, ranges: parseUnicodeRange(range) });
  }
  return subsets;
}

const covers = (subset: FontSubset, code: number) => subset.ranges.some(([a, b]) => code >= a && code <= b);

/**
 * The fewest subsets, in the CSS's order, that cover every character of `text`, and the characters
 * no subset covers (the card leaves those out rather than let next/og fetch a font from the web).
 */
export function pickSubsets(subsets: FontSubset[], text: string): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing = new Set<string>();
  for (const char of new Set(Array.from(text))) {
    const code = char.codePointAt(0) ?? 0;
    if (/\s/.test(char)) continue;
    const subset = subsets.find((s) => covers(s, code));
    if (subset) files.add(subset.file);
    else missing.add(char);
  }
  return { files: subsets.map((s) => s.file).filter((f) => files.has(f)), missing: [...missing] };
}

/** Where a fontsource package lies: in the project's node_modules, where the server runs. */
const packageDir = (pkg: string) => path.join(process.cwd(), 'node_modules', pkg);

const subsetsByLocale = new Map<Locale, FontSubset[]>();
/** The subsets of one script's font at the card's weight, parsed from the package's CSS once. */
export function cardFontSubsets(locale: Locale): FontSubset[] {
  let subsets = subsetsByLocale.get(locale);
  if (!subsets) {
    subsets = parseFontsourceCss(
      readFileSync(path.join(packageDir(cardFontPackages[locale].pkg), `${CARD_FONT_WEIGHT}.css`), 'utf8'),
    );
    subsetsByLocale.set(locale, subsets);
  }
  return subsets;
}

let fontVersion: string | undefined;
/**
 * The fonts' version, part of each card's key: a hash of both scripts' CSS, which names every
 * subset file and its ranges (the CSS, not the package's version: a subset may change alone).
 */
export function cardFontVersion(): string {
  fontVersion ??= createHash('sha256')
    .update(
      Object.values(cardFontPackages)
        .map(({ pkg }) => readFileSync(path.join(packageDir(pkg), `${CARD_FONT_WEIGHT}.css`), 'utf8'))
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  return fontVersion;
}

export type CardFont = { name: string; data: Buffer; weight: 700; style: 'normal' };

// At most the ~105 subsets of each script (4.3 MB per script at this weight), read once each.
const fileData = new Map<string, Buffer>();

/**
 * The fonts next/og needs to set `text` in a script's card: one per subset, each named apart
 * (`Noto Sans TC 3`), since satori keeps one font per name and falls back across names.
 */
export function cardFonts(locale: Locale, text: string): { fonts: CardFont[]; missing: string[] } {
  const { pkg, family } = cardFontPackages[locale];
  const { files, missing } = pickSubsets(cardFontSubsets(locale), text);
  const fonts = files.map((file, i): CardFont => {
    const full = path.join(packageDir(pkg), 'files', file);
    let data = fileData.get(full);
    if (!data) {
      data = readFileSync(full);
      fileData.set(full, data);
    }
    return { name: `${family} ${i}`, data, weight: CARD_FONT_WEIGHT, style: 'normal' };
  });
  return { fonts, missing };
}

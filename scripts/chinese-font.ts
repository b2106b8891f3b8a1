import { execFileSync } from 'node:child_process';

/**
 * A warning when the machine has no font with Han glyphs: Chromium then draws every Chinese
 * character as an empty box, so screenshots cannot be read and layout timings are not a phone's
 * (every phone has a CJK system font). Undefined when a font is there, or when fontconfig is absent.
 */
export function missingChineseFontWarning(): string | undefined {
  let families: string;
  try {
    families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
  return families.trim()
    ? undefined
    : 'Warning: no Chinese font is installed, so Chromium draws Chinese as empty boxes. Install one first: apt-get install -y fonts-noto-cjk';
}

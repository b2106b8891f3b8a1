import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The browser every tool that drives one uses (Playwright's tests, screenshots, Lighthouse):
// Debian's Chromium, since no browser can be downloaded here. CHROMIUM_PATH points elsewhere.

/** The Chromium executable: CHROMIUM_PATH, else Debian's /usr/bin/chromium when installed. */
export const chromiumPath: string | undefined =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Flags for a headless Chromium on a machine with no network but the package registries: without
 * the background-networking ones it tries, and fails, to reach Google's hosts at every start.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

// What the content check learned from each file on its own, kept between runs (the publish step,
// the live preview and `npm run check:content` use it): at 10,000 stories, parsing every file's YAML
// again took most of a check that a one-line fix should not wait for.
//
// A file's result stands while its text is the same (a file whose size, time and inode are the same is
// not read again), with whether its body passed (parsed again only when what it links to changed:
// at 50,000 stories the bodies are most of a check), and the whole cache while the check itself is:
// its code, the schema, the YAML library (package-lock.json) and the pictures under public/ (an
// article's hero image is measured) all go into one key, and any change to them starts afresh.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson, writeAtomically } from '../files';
import type { Schemas } from '../schema';
import { contentHash } from '../content-hash';
import type { FileResult } from './check-content';

/** Where the project's check keeps its cache. */
export const checkCacheFile = path.join('.contentlayer', 'check-cache.json');

type Entry = FileResult & { stamp: string };
type CacheFile = { key: string; files: Record<string, Entry> };

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every file under a folder, with its size: a stamp of the pictures under public/. Not their times:
 * a fresh clone gives every picture a new one, and would drop the whole cache.
 */
function folderStamp(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      const s = statSync(full);
      return `${path.relative(dir, full)}:${s.size}`;
    })
    .sort()
    .join('\n');
}

/** The sources the check's per-file rules are made of. */
function checkSources(): string {
  const files = [
    ...readdirSync(here)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => path.join(here, f)),
    ...['schema.ts', 'conventions.ts', 'image-size.ts'].map((f) => path.join(here, '..', f)),
    path.join(here, '..', '..', 'package-lock.json'),
  ];
  return files.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\n');
}

export type CheckCache = {
  /**
   * The kept result for a file whose text is the same: known from its stat (size, time, inode) without
   * reading it when those are the same too, else from the hash of its text, read by `text()`.
   */
  get(file: string, stamp: string, text: () => string): FileResult | undefined;
  set(file: string, stamp: string, result: FileResult): void;
  /** Records that a file's body passed as it is now, with the site's pages of this key. */
  passBody(file: string, pagesKey: string): void;
  /** Writes the cache, keeping only the files that exist now, if anything changed. */
  save(files: string[]): void;
};

export function openCheckCache(
  cacheFile: string,
  { contentDir, publicDir, schemas }: { contentDir: string; publicDir: string; schemas: Schemas },
): CheckCache {
  const key = createHash('sha256')
    .update([contentDir, checkSources(), JSON.stringify(schemas), folderStamp(publicDir)].join('\0'))
    .digest('base64url');
  const kept = readJson<CacheFile>(cacheFile);
  const files = kept?.key === key ? kept.files : {};
  let changed = kept?.key !== key;
  return {
    get(file, stamp, text) {
      const entry = files[file];
      if (!entry) return undefined;
      if (entry.stamp === stamp) return entry;
      if (entry.hash !== contentHash(text())) return undefined;
      // The same text with a new time (a fresh clone, a checkout): kept, under its new stamp.
      files[file] = { ...entry, stamp };
      changed = true;
      return entry;
    },
    set(file, stamp, result) {
      files[file] = { ...result, stamp };
      changed = true;
    },
    passBody(file, pagesKey) {
      const entry = files[file];
      if (!entry || entry.bodyPassed === pagesKey) return;
      files[file] = { ...entry, bodyPassed: pagesKey };
      changed = true;
    },
    save(present) {
      const now = new Set(present);
      for (const file of Object.keys(files)) {
        if (!now.has(file)) {
          delete files[file];
          changed = true;
        }
      }
      if (!changed) return;
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      writeAtomically(cacheFile, JSON.stringify({ key, files } satisfies CacheFile));
    },
  };
}

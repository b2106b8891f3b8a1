import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { ImageSize } from '@/lib/content-model';

/**
 * Measures images under a public folder by their site path (`/images/…`), each once. Undefined
 * for a file that is missing, unreadable or outside the folder, through `..` or through a link to
 * a file elsewhere (the server would not serve it, and a build must not copy it out).
 */
export type ImageMeasurer = ((src: string) => ImageSize | undefined) & {
  /** A hash of the same file's bytes (read once with its size): a picture replaced in place changes it. */
  hash: (src: string) => string | undefined;
};

export function imageMeasurer(publicDir: string): ImageMeasurer {
  const cache = new Map<string, ImageSize | undefined>();
  const hashes = new Map<string, string>();
  let root: string | undefined;
  const measure = (src: string) => {
    if (!cache.has(src)) {
      const file = path.join(publicDir, src);
      let size: ImageSize | undefined;
      if (file.startsWith(publicDir + path.sep)) {
        try {
          root ??= realpathSync(publicDir);
          if (!realpathSync(file).startsWith(root + path.sep)) throw new Error(`${src} leads outside ${publicDir}`);
          const bytes = readFileSync(file);
          const { width, height } = imageSize(bytes);
          size = width && height ? { width, height } : undefined;
          if (size) hashes.set(src, createHash('sha256').update(bytes).digest('hex').slice(0, 16));
        } catch {
          size = undefined;
        }
      }
      cache.set(src, size);
    }
    return cache.get(src);
  };
  return Object.assign(measure, { hash: (src: string) => (measure(src) ? hashes.get(src) : undefined) });
}

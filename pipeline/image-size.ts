import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { ImageSize } from '@/lib/content-model';

/**
 * Measures images under a public folder by their site path (`/images/…`), each once. Undefined
 * for a file that is missing, unreadable or outside the folder, through `..` or through a link to
 * a file elsewhere (the server would not serve it, and a build must not copy it out).
 */
export type ImageMeasurer = (src: string) => ImageSize | undefined;

export function imageMeasurer(publicDir: string): ImageMeasurer {
  const cache = new Map<string, ImageSize | undefined>();
  let root: string | undefined;
  return (src) => {
    if (!cache.has(src)) {
      const file = path.join(publicDir, src);
      let size: ImageSize | undefined;
      if (file.startsWith(publicDir + path.sep)) {
        try {
          root ??= realpathSync(publicDir);
          if (!realpathSync(file).startsWith(root + path.sep)) throw new Error(`${src} leads outside ${publicDir}`);
          const { width, height } = imageSize(readFileSync(file));
          size = width && height ? { width, height } : undefined;
        } catch {
          size = undefined;
        }
      }
      cache.set(src, size);
    }
    return cache.get(src);
  };
}

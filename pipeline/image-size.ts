import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { ImageSize } from '@/lib/content-model';

/**
 * Measures images under a public folder by their site path (`/images/…`), each once. Undefined
 * for a file that is missing, unreadable or outside the folder.
 */
export type ImageMeasurer = (src: string) => ImageSize | undefined;

export function imageMeasurer(publicDir: string): ImageMeasurer {
  const cache = new Map<string, ImageSize | undefined>();
  return (src) => {
    if (!cache.has(src)) {
      const file = path.join(publicDir, src);
      let size: ImageSize | undefined;
      if (file.startsWith(publicDir + path.sep)) {
        try {
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

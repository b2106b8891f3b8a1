import { getImageProps, type ImageProps } from 'next/image';
import { preload } from 'react-dom';

// Only what a plain <img> rendered on the server can honour: next/image's client-side props
// (onLoad, placeholder="blur" and the like) would need the client component this replaces.
type OptimizedImageProps = Pick<ImageProps, 'src' | 'alt' | 'width' | 'height' | 'sizes' | 'className'> & {
  /** The page's largest image above the fold: fetched first, at high priority, and never lazily. */
  priority?: boolean;
};

/**
 * An image through Next's optimiser (resized, WebP), rendered on the server as a plain <img>.
 * next/image's <Image> is a client component: every instance is hydrated and its code ships to
 * every page. These images need none of its client behaviour (no blur placeholder, no onLoad).
 */
export function OptimizedImage({ priority = false, ...props }: OptimizedImageProps) {
  const { props: img } = getImageProps({ ...props, ...(priority ? { loading: 'eager', fetchPriority: 'high' } : {}) });
  if (priority)
    preload(img.src, { as: 'image', imageSrcSet: img.srcSet, imageSizes: img.sizes, fetchPriority: 'high' });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- the props come from getImageProps, alt included
  return <img {...img} />;
}

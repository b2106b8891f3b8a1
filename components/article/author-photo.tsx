import { OptimizedImage } from '@/components/media/optimized-image';
import type { AuthorProfile } from '@/lib/content';

type AuthorPhotoProps = { author: Pick<AuthorProfile, 'name' | 'photo'>; size: 48 | 96 };

/**
 * An author's portrait in a circle, or, for an author without one, the first character of their
 * name: the same place on the page either way. The name is always written beside it, so the picture
 * is decoration to a screen reader.
 */
export function AuthorPhoto({ author, size }: AuthorPhotoProps) {
  const box = size === 96 ? 'size-24 text-4xl' : 'size-12 text-xl';
  if (author.photo) {
    return (
      <OptimizedImage
        src={author.photo.src}
        alt=""
        width={size}
        height={size}
        sizes={`${size}px`}
        className={`${box} shrink-0 rounded-full bg-neutral-200 object-cover dark:bg-neutral-800`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      data-testid="author-initial"
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-accent-50 font-bold text-accent-700 dark:bg-neutral-800 dark:text-accent-300`}
    >
      {[...author.name][0]}
    </span>
  );
}

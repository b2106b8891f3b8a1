import { OptimizedImage } from '@/components/media/optimized-image';
import type { ArticleDetail } from '@/lib/content';

type ArticleHeroProps = { hero: ArticleDetail['hero'] };

/** The article's lead image with its credit: the first thing fetched on the page. */
export function ArticleHero({ hero }: ArticleHeroProps) {
  return (
    <figure className="mt-6">
      <OptimizedImage
        src={hero.src}
        alt={hero.alt}
        width={hero.width}
        height={hero.height}
        sizes="(min-width: 768px) 768px, 100vw"
        priority
        className="aspect-video w-full rounded-lg bg-neutral-200 object-cover dark:bg-neutral-800"
      />
      <figcaption data-testid="hero-credit" className="mt-2 text-sm text-neutral-500 dark:text-neutral-400">
        {hero.credit}
      </figcaption>
    </figure>
  );
}

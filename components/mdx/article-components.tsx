import { OptimizedImage } from '@/components/media/optimized-image';
import type { ComponentProps, ReactNode } from 'react';
import { scriptKey, type Locale } from '@/i18n/locales';
import type { BodyComponentName, BodyComponentProps } from '@/lib/body-components';
import type { ImageSize } from '@/lib/content-model';

/** What the components of one article body need to know, resolved by the page. */
export type BodyContext = {
  locale: Locale;
  /** Pixel sizes of the in-body images, measured at build. */
  images: Record<string, ImageSize>;
  /** A sponsored piece marks its outbound links rel="sponsored". */
  sponsored: boolean;
  labels: { playVideo: string };
};

// Props as lib/body-components.ts declares them, so the renderer cannot drift from the check.
type FigureProps = BodyComponentProps<'Figure'>;
type PullQuoteProps = BodyComponentProps<'PullQuote'>;
type CalloutProps = BodyComponentProps<'Callout'>;
type VideoProps = BodyComponentProps<'Video'>;
type TermProps = BodyComponentProps<'Term'>;

/** One renderer for every component the spec declares: a component added there must be drawn here. */
type BodyRenderers = { [N in BodyComponentName]: (props: BodyComponentProps<N>) => ReactNode };

const videoUrl = ({ provider, id }: VideoProps) =>
  provider === 'vimeo'
    ? `https://player.vimeo.com/video/${encodeURIComponent(id)}?dnt=1`
    : `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`;

/** Links: one to another site is marked noopener noreferrer, and sponsored too in a sponsored piece. */
function linkComponents({ sponsored }: BodyContext) {
  function a({ href = '', ...props }: ComponentProps<'a'>) {
    const external = /^https?:\/\//.test(href);
    const rel = external ? `${sponsored ? 'sponsored ' : ''}noopener noreferrer` : undefined;
    return <a href={href} rel={rel} {...props} />;
  }

  return { a };
}

/** What the body shows: its images at their measured sizes, and videos that load only when opened. */
function mediaComponents({ images, labels }: BodyContext) {
  function Figure({ src, alt, caption, credit }: FigureProps) {
    const size = images[src];
    return (
      <figure className="not-prose my-8">
        {size && (
          <OptimizedImage
            src={src}
            alt={alt}
            width={size.width}
            height={size.height}
            sizes="(min-width: 768px) 768px, 100vw"
            className="w-full rounded-lg bg-neutral-200 dark:bg-neutral-800"
          />
        )}
        {(caption || credit) && (
          <figcaption className="mt-2 text-sm leading-relaxed text-neutral-600 dark:text-neutral-300">
            {caption}
            {caption && credit && ' '}
            {/* A credit is not what the story says: search leaves it out of its index and excerpts. */}
            {credit && (
              <span className="text-neutral-500 dark:text-neutral-400" data-pagefind-ignore>
                {credit}
              </span>
            )}
          </figcaption>
        )}
      </figure>
    );
  }

  // The player is a <details> element: its iframe is not rendered, so not loaded, until the
  // reader opens it. Nothing comes from another site before then, and no script is needed.
  function Video(props: VideoProps) {
    return (
      <details
        className="not-prose group my-8 overflow-hidden rounded-lg border border-neutral-200 dark:border-neutral-800"
        data-testid="video"
      >
        <summary className="flex cursor-pointer list-none items-center gap-3 bg-neutral-900 px-5 py-8 text-white [&::-webkit-details-marker]:hidden">
          <span
            aria-hidden="true"
            className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-white/90 text-neutral-900"
          >
            ▶
          </span>
          <span>
            <span className="block text-sm text-neutral-300">{labels.playVideo}</span>
            <span className="block font-bold">{props.title}</span>
          </span>
        </summary>
        <div className="aspect-video">
          <iframe
            src={videoUrl(props)}
            title={props.title}
            loading="lazy"
            allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
            referrerPolicy="strict-origin-when-cross-origin"
            className="h-full w-full"
          />
        </div>
      </details>
    );
  }

  return { Figure, Video };
}

/** What sets text apart: a quote pulled out, an aside, a term written each script's own way. */
function textComponents({ locale }: BodyContext) {
  function PullQuote({ cite, children }: PullQuoteProps) {
    return (
      <figure className="not-prose my-10 border-y-2 border-accent-600 py-6 text-center">
        <blockquote className="text-xl leading-relaxed font-bold text-neutral-900 sm:text-2xl dark:text-neutral-100">
          {children}
        </blockquote>
        {cite && <figcaption className="mt-3 text-sm text-neutral-500 dark:text-neutral-400">—— {cite}</figcaption>}
      </figure>
    );
  }

  function Callout({ title, children }: CalloutProps) {
    return (
      <aside className="my-8 rounded-lg border-l-4 border-accent-600 bg-accent-50 px-5 py-1 dark:bg-neutral-900">
        {title && <p className="font-bold">{title}</p>}
        {children}
      </aside>
    );
  }

  // Marked so that checks of script purity can tell an editor's deliberate choice from a leftover.
  function Term({ hant, hans }: TermProps) {
    return <span data-term="">{{ hant, hans }[scriptKey(locale)]}</span>;
  }

  return { PullQuote, Callout, Term };
}

/** The components editors may use in an article body, bound to one article. */
export function articleComponents(context: BodyContext) {
  const { a } = linkComponents(context);
  const { Figure, Video } = mediaComponents(context);
  const { PullQuote, Callout, Term } = textComponents(context);
  const renderers: BodyRenderers = { Figure, PullQuote, Callout, Video, Term };
  return { a, ...renderers };
}

/**
 * Where a story's comment count shows, on its cards and at its top: hidden until
 * components/engage/comment-counts.tsx fills it in after the page. A speech bubble and the number,
 * with the words for screen readers: short enough to fit the line it joins, so the page does not
 * move when the count arrives.
 */
export function CommentCountSlot({
  slug,
  href,
  testId,
  className = '',
}: {
  slug: string;
  href?: string;
  testId: string;
  className?: string;
}) {
  const content = (
    <>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="h-3.5 w-3.5 fill-none stroke-current"
        strokeWidth={1.5}
        strokeLinejoin="round"
      >
        <path d="M2 3h12v8H8l-3.5 2.5V11H2z" />
      </svg>
      <span aria-hidden="true" data-count-number />
      <span className="sr-only" data-count-text />
    </>
  );
  const classes = `inline-flex items-center gap-1 ${className}`;
  return href ? (
    <a href={href} data-comment-count={slug} hidden className={classes} data-testid={testId}>
      {content}
    </a>
  ) : (
    <span data-comment-count={slug} hidden className={classes} data-testid={testId}>
      {content}
    </span>
  );
}

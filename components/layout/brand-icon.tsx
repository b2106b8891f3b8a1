import type { SimpleIcon } from 'simple-icons';

/** A network's mark, drawn inline from simple-icons' path: no request, no script. */
export function BrandIcon({ icon }: { icon: SimpleIcon }) {
  return (
    // A black mark (X) takes the text colour, so it shows in the dark theme too.
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5 shrink-0"
      fill={icon.hex === '000000' ? 'currentColor' : `#${icon.hex}`}
    >
      <path d={icon.path} />
    </svg>
  );
}

import Link from 'next/link';
import type { ComponentProps } from 'react';

type SiteLinkProps = ComponentProps<typeof Link>;

/**
 * A link to another page of the site. It navigates in the app like next/link but does not prefetch:
 * an article page shows dozens of links, and prefetching each one's page data as it scrolls into view
 * spends a phone reader's data and main thread on pages they will mostly not open.
 */
export function SiteLink(props: SiteLinkProps) {
  return <Link prefetch={false} {...props} />;
}

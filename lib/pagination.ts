// Listings (home, tags, sections, authors) are split into pages of site.pageSize articles:
// page 1 at the listing's own address, then /page/2, /page/3…

/** Path of page `page` of a listing at `base`: page 1 is the listing itself, then /page/2, /page/3… */
export function listingPath(base: string, page: number): string {
  return page === 1 ? base : `${base}/page/${page}`;
}

/** Static params of a listing's /page/N routes: pages 2 to `pages` (page 1 is the listing itself). */
export function laterPageParams(pages: number): { page: string }[] {
  return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({ page: String(i + 2) }));
}

/** The page number in a listing route's params: 1 when absent, NaN when not a plain number ≥ 2. */
export function pageParam(page: string | undefined): number {
  if (page === undefined) return 1;
  return /^[1-9][0-9]*$/.test(page) && page !== '1' ? Number(page) : Number.NaN;
}

/**
 * The page numbers a listing's pagination shows around `page`: the first and last pages, two on each
 * side of the current one, and `'gap'` where numbers are left out. A listing of a thousand pages
 * shows about nine links, not a thousand.
 */
export function paginationItems(page: number, totalPages: number): (number | 'gap')[] {
  const shown = new Set([1, totalPages, ...[-2, -1, 0, 1, 2].map((d) => page + d)]);
  const numbers = [...shown].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
  return numbers.flatMap((n, i) => {
    const previous = numbers[i - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A gap of one page is shown as that page: a "…" would take as much room.
    return n === previous + 2 ? [previous + 1, n] : ['gap' as const, n];
  });
}

/**
 * The key of a listing page that does not exist: a static export refuses a route with no static
 * params, so a listing kind without any later page gets this one (app/[locale]/_listing), and
 * pipeline/static-export.ts deletes it from the export.
 */
export const EXPORT_PLACEHOLDER = '_';

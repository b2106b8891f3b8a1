// The widths and qualities the site asks Next's image optimizer for: next.config.js configures the
// optimizer with them, and the front door (lib/door/front-door.ts) refuses any other, which would make the
// optimizer render and keep a new size for a client. Plain JavaScript: both load it without a build.

/** Widths offered in each srcset. No picture is shown wider than the 768-px article column, which
 * 1920 covers at 2x; Next's default 2048 and 3840 would add two URLs no screen picks to every
 * picture, in every page's HTML and RSC payload. */
export const deviceSizes = [640, 750, 828, 1080, 1200, 1920];
/** Widths for pictures given a `sizes` smaller than the screen (Next 16's default, stated here). */
export const imageSizes = [32, 48, 64, 96, 128, 256, 384];
/** The one quality the site uses (Next 16's default, stated here). */
export const qualities = [75];

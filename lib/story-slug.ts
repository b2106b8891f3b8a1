// A story's slug as a route receives it (percent-encoded, as Next hands params over): decoded once,
// and only a slug the site could have. Anything else (broken encoding, `%25zz`, spaces) is no story.

/** A story's slug: lower-case letters and digits in words joined by hyphens. */
export const STORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug named by a route param, or undefined when it does not decode or is not a slug. */
export function storySlugOf(param: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    return undefined;
  }
  return STORY_SLUG.test(decoded) ? decoded : undefined;
}

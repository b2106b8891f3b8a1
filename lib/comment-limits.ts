// The limits on a reader's comment: the rules apply them (lib/engage/comments.ts) and the form shows
// them (components/comments/), which may not reach the database layer; so they live here.

export const COMMENT_LIMITS = {
  name: 40,
  email: 254,
  body: 2000,
  /** Shortest comment: two characters (「讚！」 is a comment; 「.」 is not). */
  bodyMin: 2,
  /** Comments one client may post in a minute, and in a day. */
  perMinute: 3,
  perDay: 20,
  /** More links than this and a comment waits for an editor, whatever the setting. */
  links: 2,
} as const;

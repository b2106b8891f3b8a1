import type { Generated } from 'kysely';

// The tables of the site's own data (comments, views, subscribers, editors), the same in SQLite and
// PostgreSQL. Times are ISO-8601 strings in UTC: they sort as text in both databases alike.

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

type CommentsTable = {
  id: Generated<number>;
  /** The story's slug: a comment belongs to the story in both scripts. */
  story: string;
  /** The script the reader wrote in; shown to readers of both. */
  locale: string;
  parent_id: number | null;
  name: string;
  /** Never shown; for the editors to reply. */
  email: string | null;
  body: string;
  status: CommentStatus;
  /** What held or refused it (a spam rule, an editor), for the editors' area. */
  reason: string | null;
  /** A keyed hash of the client's address: what a ban and the rate limits follow, never the address. */
  client: string;
  /** Hash of the normalised body, to find the same comment posted again. */
  body_hash: string;
  created_at: string;
  moderated_at: string | null;
};

/** The installation's own values: the key that makes client hashes, made on first use. */
type SettingsTable = { key: string; value: string };

type BansTable = { client: string; reason: string | null; created_at: string };

type EditorsTable = { id: Generated<number>; name: string; password_hash: string; created_at: string };

type SessionsTable = {
  /** Hash of the session token: a stolen database holds no usable session. */
  id: string;
  editor_id: number;
  csrf: string;
  expires_at: string;
};

/** Views per story, script and hour (YYYY-MM-DDTHH): the most-read lists sum the last 24 or 168. */
type ViewsTable = { story: string; locale: string; hour: string; count: number };

/** Readers already counted today for a story: a hash with the day's salt, forgotten with it. */
type SeenTable = { hash: string; day: string };

/** One random salt per day; yesterday's is deleted, and with it any way back to a reader. */
type SaltsTable = { day: string; salt: string };

type SubscribersTable = {
  id: Generated<number>;
  email: string;
  locale: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  /** Hash of the confirmation or unsubscribe token. */
  token_hash: string;
  token_expires_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  /** When the last confirmation message went out. */
  mailed_at: string | null;
  /** The last digest this subscriber was sent (digests.id). */
  last_digest_id: number | null;
};

/** Attempts a limit counts (lib/engage/rate-limit.ts), under a key naming the limit and what it is counted per. */
type AttemptsTable = { id: Generated<number>; key: string; at: string };

/** A weekly digest in one script, sent by an editor; at most one a week per script. */
type DigestsTable = {
  id: Generated<number>;
  locale: string;
  week: string;
  subject: string;
  /** The stories as first sent (JSON): a digest resumed later is the same digest. */
  stories: string;
  editor: string;
  created_at: string;
  /** Confirmed subscribers of the script when it was started. */
  total: number;
};

export type Database = {
  comments: CommentsTable;
  settings: SettingsTable;
  bans: BansTable;
  editors: EditorsTable;
  sessions: SessionsTable;
  views: ViewsTable;
  seen: SeenTable;
  salts: SaltsTable;
  subscribers: SubscribersTable;
  attempts: AttemptsTable;
  digests: DigestsTable;
};

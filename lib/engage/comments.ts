import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { COMMENT_LIMITS } from '@/lib/comment-limits';
import { takeAttempt, withdrawAttempt } from './rate-limit';
import type { CommentStatus, Database } from './schema';
import { hidesText, listedWordIn } from './spam-text';

// Comments under a story: what a reader may post, what the rules hold for the editors or refuse,
// and what readers see. The route (app/api/comments) turns each outcome into a message in the
// reader's script; nothing here knows about requests.

/** The limits on one client's comments, for the rate limiter. */
const COMMENT_RATE = [
  { max: COMMENT_LIMITS.perMinute, seconds: 60 },
  { max: COMMENT_LIMITS.perDay, seconds: 24 * 3600 },
];

/** Why a comment was refused: each has a message in the reader's script (messages/*.json, Comments). */
type Refusal =
  | 'malformed'
  | 'name-missing'
  | 'name-too-long'
  | 'email-invalid'
  | 'body-too-short'
  | 'body-too-long'
  | 'hidden-characters'
  | 'parent'
  | 'closed'
  | 'banned'
  | 'too-fast'
  | 'duplicate';

export type PostOutcome =
  | { ok: true; id: number; status: Extract<CommentStatus, 'approved' | 'pending' | 'spam'> }
  | { ok: false; refusal: Refusal; field?: 'name' | 'email' | 'body' | 'parent' };

export type CommentSettings = {
  /** Publish at once the comments of a client an editor has approved before (else every comment waits). */
  trustApproved: boolean;
  /** Words that send a comment to the editors as spam, whatever the setting (lower case). */
  words: readonly string[];
};

/** What a reader sends: everything unknown until checked. */
export type CommentForm = { name?: unknown; email?: unknown; body?: unknown; parent?: unknown; website?: unknown };

const LINK = /(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

const length = (text: string) => [...text].length;
const normalise = (text: string) => text.replace(/\r\n?/g, '\n').normalize('NFC');
/** The same comment posted again matches whatever its spacing and case. */
const bodyHash = (body: string) =>
  createHash('sha256').update(body.toLowerCase().replace(/\s+/gu, '')).digest('base64url').slice(0, 22);

type Checked = { name: string; email: string | null; body: string; parent: number | null; honeypot: boolean };

/** The form's own rules, before anything is looked up. */
function checkForm(form: CommentForm): Checked | Extract<PostOutcome, { ok: false }> {
  const text = (value: unknown) =>
    value === undefined || value === null ? '' : typeof value === 'string' ? value : undefined;
  const [name, email, body, website] = [text(form.name), text(form.email), text(form.body), text(form.website)];
  if (name === undefined || email === undefined || body === undefined || website === undefined)
    return { ok: false, refusal: 'malformed' };
  const parentText = typeof form.parent === 'number' ? String(form.parent) : text(form.parent);
  if (parentText === undefined || (parentText !== '' && !/^[1-9]\d{0,9}$/.test(parentText)))
    return { ok: false, refusal: 'parent', field: 'parent' };

  const cleanName = normalise(name).trim().replace(/\s+/gu, ' ');
  const cleanEmail = email.trim();
  const cleanBody = normalise(body)
    .trim()
    .replace(/\n{3,}/g, '\n\n');
  if (!cleanName) return { ok: false, refusal: 'name-missing', field: 'name' };
  if (length(cleanName) > COMMENT_LIMITS.name) return { ok: false, refusal: 'name-too-long', field: 'name' };
  if (hidesText(cleanName)) return { ok: false, refusal: 'hidden-characters', field: 'name' };
  if (cleanEmail && (cleanEmail.length > COMMENT_LIMITS.email || !EMAIL.test(cleanEmail)))
    return { ok: false, refusal: 'email-invalid', field: 'email' };
  if (length(cleanBody) < COMMENT_LIMITS.bodyMin) return { ok: false, refusal: 'body-too-short', field: 'body' };
  if (length(cleanBody) > COMMENT_LIMITS.body) return { ok: false, refusal: 'body-too-long', field: 'body' };
  if (hidesText(cleanBody)) return { ok: false, refusal: 'hidden-characters', field: 'body' };
  return {
    name: cleanName,
    email: cleanEmail || null,
    body: cleanBody,
    parent: parentText ? Number(parentText) : null,
    honeypot: website !== '',
  };
}

/** Why the rules send a comment to the editors as spam, if they do. */
function spamReason(checked: Checked, words: readonly string[]): string | undefined {
  if (checked.honeypot) return 'honeypot';
  if ((checked.body.match(LINK)?.length ?? 0) > COMMENT_LIMITS.links) return 'links';
  const word = listedWordIn(`${checked.name}\n${checked.body}`, words);
  return word ? `word:${word}` : undefined;
}

const isoAgo = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/**
 * Posts a comment on `story` from `client` (lib/engage/clients.ts): refused with a reason, or stored
 * as approved, pending (waiting for an editor) or spam (caught by a rule, shown to the editors).
 * The checks and the write are one transaction: a comment acknowledged is a comment stored.
 */
export async function postComment(
  db: Kysely<Database>,
  {
    story,
    locale,
    client,
    form,
    open,
    settings,
    now = new Date(),
  }: {
    story: string;
    locale: string;
    client: string;
    form: CommentForm;
    open: boolean;
    settings: CommentSettings;
    now?: Date;
  },
): Promise<PostOutcome> {
  const checked = checkForm(form);
  if ('ok' in checked) return checked;
  if (!open) return { ok: false, refusal: 'closed' };
  if (await db.selectFrom('bans').select('client').where('client', '=', client).executeTakeFirst())
    return { ok: false, refusal: 'banned' };
  // Counted before it is judged (lib/engage/rate-limit.ts); withdrawn if it is not stored after all.
  const attempt = await takeAttempt(db, `comment:${client}`, COMMENT_RATE, now);
  if (!attempt.ok) return { ok: false, refusal: 'too-fast' };
  const outcome = await db.transaction().execute(async (tx) => {
    const hash = bodyHash(checked.body);
    const refused =
      (await duplicateRefusal(tx, client, hash, now)) ??
      (checked.parent === null ? undefined : await parentRefusal(tx, story, checked.parent));
    if (refused) return refused;
    const spam = spamReason(checked, settings.words);
    const status = spam ? 'spam' : await unspammedStatus(tx, client, settings);
    const row = await tx
      .insertInto('comments')
      .values({
        story,
        locale,
        parent_id: checked.parent,
        name: checked.name,
        email: checked.email,
        body: checked.body,
        status,
        reason: spam ?? null,
        client,
        body_hash: hash,
        created_at: now.toISOString(),
        moderated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, id: row.id, status } as const;
  });
  if (!outcome.ok) await withdrawAttempt(db, attempt);
  return outcome;
}

type Refused = Extract<PostOutcome, { ok: false }>;

/** The same comment posted again by the client within a day. */
async function duplicateRefusal(
  tx: Transaction<Database>,
  client: string,
  hash: string,
  now: Date,
): Promise<Refused | undefined> {
  const again = await tx
    .selectFrom('comments')
    .select('id')
    .where('client', '=', client)
    .where('body_hash', '=', hash)
    .where('created_at', '>', isoAgo(now, 24 * 3600_000))
    .executeTakeFirst();
  return again ? { ok: false, refusal: 'duplicate', field: 'body' } : undefined;
}

/** Replies go one level deep, to a comment readers can see on the same story. */
async function parentRefusal(tx: Transaction<Database>, story: string, id: number): Promise<Refused | undefined> {
  const parent = await tx
    .selectFrom('comments')
    .select(['story', 'status', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!parent || parent.story !== story || parent.status !== 'approved' || parent.parent_id !== null)
    return { ok: false, refusal: 'parent', field: 'parent' };
  return undefined;
}

/** A comment no rule caught waits for an editor, unless the site trusts a client an editor approved before. */
async function unspammedStatus(
  tx: Transaction<Database>,
  client: string,
  settings: CommentSettings,
): Promise<'approved' | 'pending'> {
  if (!settings.trustApproved) return 'pending';
  const known = await tx
    .selectFrom('comments')
    .select('id')
    .where('client', '=', client)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return known ? 'approved' : 'pending';
}

/** A comment as readers see it: no address, no email, no client. */
export type PublicComment = {
  id: number;
  name: string;
  body: string;
  locale: string;
  createdAt: string;
  replies: PublicComment[];
};

/** A story's approved comments, oldest or newest first, each with its replies (always oldest first). */
export async function listComments(
  db: Kysely<Database>,
  story: string,
  order: 'newest' | 'oldest' = 'oldest',
): Promise<{ count: number; comments: PublicComment[] }> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'name', 'body', 'locale', 'created_at'])
    .where('story', '=', story)
    .where('status', '=', 'approved')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const top: PublicComment[] = [];
  const byId = new Map<number, PublicComment>();
  for (const row of rows) {
    const comment: PublicComment = {
      id: row.id,
      name: row.name,
      body: row.body,
      locale: row.locale,
      createdAt: row.created_at,
      replies: [],
    };
    if (row.parent_id === null) {
      top.push(comment);
      byId.set(row.id, comment);
    } else {
      byId.get(row.parent_id)?.replies.push(comment);
    }
  }
  const shown = top.reduce((n, c) => n + 1 + c.replies.length, 0);
  return { count: shown, comments: order === 'newest' ? top.reverse() : top };
}

/** Approved comments per story, for the counts on cards. */
export async function commentCounts(db: Kysely<Database>, stories: readonly string[]): Promise<Record<string, number>> {
  if (stories.length === 0) return {};
  const rows = await db
    .selectFrom('comments')
    .select(['story', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('story', 'in', [...stories])
    .where('status', '=', 'approved')
    .groupBy('story')
    .execute();
  // PostgreSQL counts in bigint, which its driver hands over as a string.
  return Object.fromEntries(rows.map((r) => [r.story, Number(r.n)]));
}

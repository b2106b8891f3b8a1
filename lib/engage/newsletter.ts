import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { installationSecret } from './clients';
import { takeAttempt } from './rate-limit';
import type { Database } from './schema';

// Newsletter subscribers: double opt-in (a sign-up is pending until the link mailed to the address
// is followed, within two days), one-click unsubscribe by a signed link in every message, and the
// weekly digest sent to each confirmed subscriber of a script once, resumable if interrupted.
// Only a hash of a confirmation token is stored; unsubscribe links are signed, not stored.

export const NEWSLETTER_LIMITS = {
  email: 254,
  /** How long a confirmation link works. */
  confirmHours: 48,
  /** No second confirmation to the same address within this: a form cannot be used to flood a mailbox. */
  remailMinutes: 10,
  /** Sign-ups per client and hour. */
  perClientHour: 5,
  /** An address never confirmed is forgotten this many days after its link expired. */
  forgetUnconfirmedDays: 30,
};

const EMAIL = /^[^\s@"<>()[\],;:\\]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/u;
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export type SignUpForm = { email?: unknown; website?: unknown };
type SignUpRefusal = 'invalid-email' | 'too-fast';
/** `confirm` is the token to mail, when a confirmation is due; none when the address is already confirmed or was just mailed. */
export type SignUpOutcome =
  { ok: true; confirm?: { email: string; token: string } } | { ok: false; refusal: SignUpRefusal };

/** The address as stored, or undefined when it is not one a message can be sent to. */
export function normaliseEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  if (email.length > NEWSLETTER_LIMITS.email || HIDDEN.test(email) || !EMAIL.test(email)) return undefined;
  return email;
}

const isoAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/** A reader asks for the newsletter in `locale`. Nothing is stored when the form is refused. */
export async function signUp(
  db: Kysely<Database>,
  { form, locale, client, now = new Date() }: { form: SignUpForm; locale: string; client: string; now?: Date },
): Promise<SignUpOutcome> {
  const email = normaliseEmail(form.email);
  if (!email) return { ok: false, refusal: 'invalid-email' };
  // The hidden field only a robot fills: told it worked, given nothing.
  if (typeof form.website === 'string' && form.website.trim() !== '') return { ok: true };
  const limit = { max: NEWSLETTER_LIMITS.perClientHour, seconds: 3600 };
  if (!(await takeAttempt(db, `signup-client:${client}`, [limit], now)).ok) return { ok: false, refusal: 'too-fast' };
  return db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('subscribers')
      .where('status', '=', 'pending')
      .where('token_expires_at', '<', isoAgo(now, NEWSLETTER_LIMITS.forgetUnconfirmedDays * 24 * 60))
      .execute();

    const token = randomBytes(32).toString('base64url');
    const fresh = {
      locale,
      status: 'pending' as const,
      token_hash: sha256(token),
      token_expires_at: new Date(now.getTime() + NEWSLETTER_LIMITS.confirmHours * 3600_000).toISOString(),
      mailed_at: now.toISOString(),
    };
    const found = await tx
      .selectFrom('subscribers')
      .select(['id', 'status', 'mailed_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    // Whether an address is subscribed is not told to whoever types it in: the answer is the same.
    if (found?.status === 'confirmed') return { ok: true } as const;
    if (found?.mailed_at && found.mailed_at > isoAgo(now, NEWSLETTER_LIMITS.remailMinutes))
      return { ok: true } as const;
    if (found) await tx.updateTable('subscribers').set(fresh).where('id', '=', found.id).execute();
    else
      await tx
        .insertInto('subscribers')
        .values({ ...fresh, email, created_at: now.toISOString(), confirmed_at: null, last_digest_id: null })
        .execute();
    return { ok: true, confirm: { email, token } } as const;
  });
}

/** A confirmation could not be mailed: the next sign-up may mail again at once. */
export async function mailFailed(db: Kysely<Database>, email: string): Promise<void> {
  await db.updateTable('subscribers').set({ mailed_at: null }).where('email', '=', email).execute();
}

export type TokenState = { state: 'valid'; email: string; locale: string } | { state: 'expired' | 'unknown' };

/** What a confirmation link leads to, without using it. */
export async function confirmationOf(db: Kysely<Database>, token: unknown, now = new Date()): Promise<TokenState> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' };
  const row = await db
    .selectFrom('subscribers')
    .select(['email', 'locale', 'token_expires_at'])
    .where('token_hash', '=', sha256(token))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!row) return { state: 'unknown' };
  if (!row.token_expires_at || row.token_expires_at < now.toISOString()) return { state: 'expired' };
  return { state: 'valid', email: row.email, locale: row.locale };
}

/** Follows a confirmation link: the address is subscribed, and the link used up. */
export async function confirm(db: Kysely<Database>, token: unknown, now = new Date()): Promise<TokenState['state']> {
  const found = await confirmationOf(db, token, now);
  if (found.state !== 'valid') return found.state;
  const done = await db
    .updateTable('subscribers')
    .set({
      status: 'confirmed',
      confirmed_at: now.toISOString(),
      token_hash: sha256(randomBytes(32).toString('base64url')),
      token_expires_at: null,
    })
    .where('token_hash', '=', sha256(token as string))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1 ? 'valid' : 'unknown';
}

async function signature(db: Kysely<Database>, id: number, email: string): Promise<string> {
  return createHmac('sha256', await installationSecret(db, 'newsletter-key'))
    .update(`unsubscribe\n${id}\n${email}`)
    .digest('base64url')
    .slice(0, 32);
}

/** The token of a subscriber's unsubscribe link: their number and a signature only this site can make. */
export async function unsubscribeToken(
  db: Kysely<Database>,
  subscriber: { id: number; email: string },
): Promise<string> {
  return `${subscriber.id}.${await signature(db, subscriber.id, subscriber.email)}`;
}

/** Whose unsubscribe link `token` is; undefined when it is not one this site made. */
export async function subscriberOfToken(
  db: Kysely<Database>,
  token: unknown,
): Promise<{ id: number; email: string; status: string; locale: string } | undefined> {
  const match = typeof token === 'string' ? /^(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token) : null;
  if (!match) return undefined;
  const row = await db
    .selectFrom('subscribers')
    .select(['id', 'email', 'status', 'locale'])
    .where('id', '=', Number(match[1]))
    .executeTakeFirst();
  if (!row) return undefined;
  const expected = Buffer.from(await signature(db, row.id, row.email));
  return timingSafeEqual(expected, Buffer.from(match[2]!)) ? row : undefined;
}

/** Follows an unsubscribe link (or a mail program's one-click request): no message is sent to the address again. */
export async function unsubscribe(db: Kysely<Database>, token: unknown): Promise<boolean> {
  const subscriber = await subscriberOfToken(db, token);
  if (!subscriber) return false;
  await db
    .updateTable('subscribers')
    .set({ status: 'unsubscribed', token_expires_at: null })
    .where('id', '=', subscriber.id)
    .execute();
  return true;
}

export type SubscriberCounts = Record<'pending' | 'confirmed' | 'unsubscribed', number>;

/** Subscribers of each script by state, for the editors' area. */
export async function subscriberCounts(db: Kysely<Database>): Promise<Record<string, SubscriberCounts>> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['locale', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['locale', 'status'])
    .execute();
  const counts: Record<string, SubscriberCounts> = {};
  for (const { locale, status, n } of rows)
    (counts[locale] ??= { pending: 0, confirmed: 0, unsubscribed: 0 })[status] = Number(n);
  return counts;
}

/** Confirmed subscribers as CSV (RFC 4180), for an editor to take elsewhere. */
export async function confirmedCsv(db: Kysely<Database>): Promise<string> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['email', 'locale', 'confirmed_at'])
    .where('status', '=', 'confirmed')
    .orderBy('id')
    .execute();
  // A cell a spreadsheet would run as a formula is written as text.
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return (
    [
      'email,locale,confirmed_at',
      ...rows.map((r) => [r.email, r.locale, r.confirmed_at ?? ''].map(cell).join(',')),
    ].join('\r\n') + '\r\n'
  );
}

/** The digest's week, in Taipei, as ISO year and week: 2026-W49. */
export function weekOf(now: Date): string {
  const taipei = new Date(now.getTime() + 8 * 3600_000);
  const day = new Date(Date.UTC(taipei.getUTCFullYear(), taipei.getUTCMonth(), taipei.getUTCDate()));
  // The ISO week is the one holding that week's Thursday.
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      (day.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - (3 - ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    );
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** A subscriber who has not had digest `id` (nor any later one) yet. */
const awaiting = (id: number) => (eb: ExpressionBuilder<Database, 'subscribers'>) =>
  eb.or([eb('last_digest_id', 'is', null), eb('last_digest_id', '<', id)]);

/** A week's digest of one script: `sent` subscribers have had it, `remaining` confirmed ones not yet. */
export type Digest = {
  id: number;
  locale: string;
  week: string;
  subject: string;
  stories: unknown;
  editor: string;
  createdAt: string;
  total: number;
  sent: number;
  remaining: number;
};

/** This week's digest of a script, if one was started, with how many subscribers it has reached. */
export async function digestOfWeek(db: Kysely<Database>, locale: string, week: string): Promise<Digest | undefined> {
  const row = await db
    .selectFrom('digests')
    .selectAll()
    .where('locale', '=', locale)
    .where('week', '=', week)
    .executeTakeFirst();
  if (!row) return undefined;
  const sent = await db
    .selectFrom('subscribers')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('last_digest_id', '>=', row.id)
    .where('locale', '=', locale)
    .executeTakeFirstOrThrow();
  const remaining = await db
    .selectFrom('subscribers')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('locale', '=', locale)
    .where('status', '=', 'confirmed')
    .where(awaiting(row.id))
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    locale: row.locale,
    week: row.week,
    subject: row.subject,
    stories: JSON.parse(row.stories),
    editor: row.editor,
    createdAt: row.created_at,
    total: row.total,
    sent: Number(sent.n),
    remaining: Number(remaining.n),
  };
}

/** Starts this week's digest of a script with its subject and stories, or returns the one already started (to resume it, as it was). */
export async function startDigest(
  db: Kysely<Database>,
  {
    locale,
    subject,
    stories,
    editor,
    now = new Date(),
  }: { locale: string; subject: string; stories: unknown; editor: string; now?: Date },
): Promise<Digest> {
  const week = weekOf(now);
  const total = await db
    .selectFrom('subscribers')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('locale', '=', locale)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('digests')
    .values({
      locale,
      week,
      subject,
      stories: JSON.stringify(stories),
      editor,
      created_at: now.toISOString(),
      total: Number(total.n),
    })
    .onConflict((c) => c.columns(['locale', 'week']).doNothing())
    .execute();
  return (await digestOfWeek(db, locale, week))!;
}

export type Recipient = { id: number; email: string; unsubscribe: string };

/**
 * Sends `digest` to every confirmed subscriber of its script who has not had it, one at a time:
 * each is claimed first, so two servers (or two clicks) never send one twice. A failed send is
 * given back and stops the run, to resume later. Returns how many were sent in this run.
 */
export async function sendDigest(
  db: Kysely<Database>,
  digest: Pick<Digest, 'id' | 'locale'>,
  send: (to: Recipient) => Promise<void>,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await db
      .selectFrom('subscribers')
      .select(['id', 'email', 'last_digest_id'])
      .where('locale', '=', digest.locale)
      .where('status', '=', 'confirmed')
      .where(awaiting(digest.id))
      .orderBy('id')
      .limit(50)
      .execute();
    if (batch.length === 0) return sent;
    for (const subscriber of batch) {
      const claimed = await db
        .updateTable('subscribers')
        .set({ last_digest_id: digest.id })
        .where('id', '=', subscriber.id)
        .where('status', '=', 'confirmed')
        .where(awaiting(digest.id))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      try {
        await send({ id: subscriber.id, email: subscriber.email, unsubscribe: await unsubscribeToken(db, subscriber) });
        sent++;
      } catch (error) {
        await db
          .updateTable('subscribers')
          .set({ last_digest_id: subscriber.last_digest_id })
          .where('id', '=', subscriber.id)
          .execute();
        throw error;
      }
    }
  }
}

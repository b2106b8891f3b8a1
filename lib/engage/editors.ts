import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

// The editors who moderate: added and removed from the command line (npm run editors), signed in
// with a password hashed by Argon2id, kept signed in by a session whose token only the browser
// holds (the database keeps its hash), each session with its own token against cross-site forms.

const EDITOR_NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const PASSWORD_MIN = 12;
/** How long a sign-in lasts. */
export const SESSION_HOURS = 12;
/** Failed sign-ins allowed per editor name and per client in the window, before a wait. */
export const LOGIN_LIMIT = { failures: 5, minutes: 15 };

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const token = () => randomBytes(32).toString('base64url');

export class EditorError extends Error {}

export async function addEditor(db: Kysely<Database>, name: string, password: string, now = new Date()): Promise<void> {
  if (!EDITOR_NAME.test(name))
    throw new EditorError(
      `帳號「${name}」不合規則：用 2 到 32 個小寫英文字母、數字、點、底線或連字號，開頭是字母或數字`,
    );
  if ([...password].length < PASSWORD_MIN) throw new EditorError(`密碼至少要 ${PASSWORD_MIN} 個字元`);
  if (await db.selectFrom('editors').select('id').where('name', '=', name).executeTakeFirst())
    throw new EditorError(`已經有名為「${name}」的編輯`);
  await db
    .insertInto('editors')
    .values({ name, password_hash: await hash(password), created_at: now.toISOString() })
    .execute();
}

export async function setPassword(db: Kysely<Database>, name: string, password: string): Promise<void> {
  if ([...password].length < PASSWORD_MIN) throw new EditorError(`密碼至少要 ${PASSWORD_MIN} 個字元`);
  const editor = await db.selectFrom('editors').select('id').where('name', '=', name).executeTakeFirst();
  if (!editor) throw new EditorError(`沒有名為「${name}」的編輯`);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('editors')
      .set({ password_hash: await hash(password) })
      .where('id', '=', editor.id)
      .execute();
    // A new password signs every browser out.
    await tx.deleteFrom('sessions').where('editor_id', '=', editor.id).execute();
  });
}

export async function removeEditor(db: Kysely<Database>, name: string): Promise<void> {
  const editor = await db.selectFrom('editors').select('id').where('name', '=', name).executeTakeFirst();
  if (!editor) throw new EditorError(`沒有名為「${name}」的編輯`);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('editor_id', '=', editor.id).execute();
    await tx.deleteFrom('editors').where('id', '=', editor.id).execute();
  });
}

export async function listEditors(db: Kysely<Database>): Promise<{ name: string; createdAt: string }[]> {
  const rows = await db.selectFrom('editors').select(['name', 'created_at']).orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, createdAt: r.created_at }));
}

// Verified against when the name is unknown, so that a wrong name takes as long as a wrong password.
let decoy: Promise<string> | undefined;

export type SignIn =
  { ok: true; token: string; csrf: string; editor: string } | { ok: false; reason: 'wrong' | 'throttled' };

/** Signs an editor in: a new session, or why not. Failures count against the name and the client. */
export async function signIn(
  db: Kysely<Database>,
  { name, password, client, now = new Date() }: { name: string; password: string; client: string; now?: Date },
): Promise<SignIn> {
  const since = new Date(now.getTime() - LOGIN_LIMIT.minutes * 60_000).toISOString();
  const keys = [`name:${name.toLowerCase()}`, `client:${client}`];
  const failures = await db
    .selectFrom('attempts')
    .select('key')
    .where('key', 'in', keys)
    .where('at', '>', since)
    .execute();
  if (keys.some((k) => failures.filter((f) => f.key === k).length >= LOGIN_LIMIT.failures))
    return { ok: false, reason: 'throttled' };

  const editor =
    typeof name === 'string' && EDITOR_NAME.test(name)
      ? await db
          .selectFrom('editors')
          .select(['id', 'name', 'password_hash'])
          .where('name', '=', name)
          .executeTakeFirst()
      : undefined;
  decoy ??= hash(token());
  const good = await verify(editor?.password_hash ?? (await decoy), password).catch(() => false);
  if (!editor || !good) {
    await db
      .insertInto('attempts')
      .values(keys.map((key) => ({ key, at: now.toISOString() })))
      .execute();
    return { ok: false, reason: 'wrong' };
  }
  const session = token();
  const csrf = token();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('attempts').where('key', '=', keys[0]!).execute();
    await tx.deleteFrom('attempts').where('at', '<', since).execute();
    await tx.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    await tx
      .insertInto('sessions')
      .values({
        id: sha256(session),
        editor_id: editor.id,
        csrf,
        expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      })
      .execute();
  });
  return { ok: true, token: session, csrf, editor: editor.name };
}

/** The editor a session token belongs to, with the session's form token; undefined when unknown or expired. */
export async function sessionOf(
  db: Kysely<Database>,
  sessionToken: string | undefined,
  now = new Date(),
): Promise<{ editor: string; editorId: number; csrf: string } | undefined> {
  if (!sessionToken) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('editors', 'editors.id', 'sessions.editor_id')
    .select(['editors.name', 'editors.id', 'sessions.csrf', 'sessions.expires_at'])
    .where('sessions.id', '=', sha256(sessionToken))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  return { editor: row.name, editorId: row.id, csrf: row.csrf };
}

export async function signOut(db: Kysely<Database>, sessionToken: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(sessionToken)).execute();
}

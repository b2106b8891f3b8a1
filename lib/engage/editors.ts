import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { installationSecret } from './clients';
import { tokenMatches } from './origin';
import { forgetAttempts, takeAttempt, withdrawAttempt, type Attempt } from './rate-limit';
import type { Database } from './schema';

// The editors who moderate: added and removed from the command line (npm run editors), signed in
// with a password hashed by Argon2id, kept signed in by a session whose token only the browser
// holds (the database keeps its hash), each session with its own token against cross-site forms.

const EDITOR_NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const PASSWORD_MIN = 12;
/** How long a sign-in lasts. */
export const SESSION_HOURS = 12;
/**
 * Sign-ins allowed in the window before a wait: per editor name and client (or per device the editor
 * signed in on before), and per client whatever the names it tries.
 */
export const LOGIN_LIMIT = { failures: 5, perClient: 20, minutes: 15 };

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
  | { ok: true; token: string; csrf: string; editor: string; device: string }
  | { ok: false; reason: 'wrong' | 'throttled' };

/**
 * A device an editor signed in on: a random id signed with the installation's key and the editor's
 * name, kept by the browser (the admin_device cookie). Its holder is judged on its own count of
 * failures, so that guesses from elsewhere on the same network never lock the editor out.
 */
async function deviceToken(db: Kysely<Database>, name: string, id = token()): Promise<string> {
  const mac = createHmac('sha256', await installationSecret(db, 'device-key'))
    .update(`${name}\n${id}`)
    .digest('base64url');
  return `${id}.${mac}`;
}

/** The id of a device token that `name` signed in with before, or undefined. */
async function knownDevice(db: Kysely<Database>, name: string, device: string | undefined) {
  const id = device?.split('.')[0];
  if (!device || !id) return undefined;
  return tokenMatches(device, await deviceToken(db, name, id)) ? id : undefined;
}

/** Counts this sign-in against its limits before the password is checked; undefined when it must wait. */
async function takeSignInAttempts(db: Kysely<Database>, keys: { key: string; max: number }[], now: Date) {
  const taken: Extract<Attempt, { ok: true }>[] = [];
  for (const { key, max } of keys) {
    const attempt = await takeAttempt(db, key, [{ max, seconds: LOGIN_LIMIT.minutes * 60 }], now);
    if (!attempt.ok) {
      for (const t of taken) await withdrawAttempt(db, t);
      return undefined;
    }
    taken.push(attempt);
  }
  return taken;
}

/**
 * Signs an editor in: a new session, or why not. Each sign-in is counted before the password is
 * checked (so guesses made at once cannot all pass), per name and client, or per known device.
 */
export async function signIn(
  db: Kysely<Database>,
  {
    name,
    password,
    client,
    device,
    now = new Date(),
  }: { name: string; password: string; client: string; device?: string; now?: Date },
): Promise<SignIn> {
  const lower = name.toLowerCase();
  const known = await knownDevice(db, lower, device);
  const own = known ? `login-device:${known}` : `login:${lower}:${client}`;
  const keys = [{ key: own, max: LOGIN_LIMIT.failures }];
  if (!known) keys.push({ key: `login-client:${client}`, max: LOGIN_LIMIT.perClient });
  const taken = await takeSignInAttempts(db, keys, now);
  if (!taken) return { ok: false, reason: 'throttled' };

  const editor = EDITOR_NAME.test(name)
    ? await db.selectFrom('editors').select(['id', 'name', 'password_hash']).where('name', '=', name).executeTakeFirst()
    : undefined;
  decoy ??= hash(token());
  const good = await verify(editor?.password_hash ?? (await decoy), password).catch(() => false);
  if (!editor || !good) return { ok: false, reason: 'wrong' };

  for (const t of taken) await withdrawAttempt(db, t);
  await forgetAttempts(db, [own]);
  const session = token();
  const csrf = token();
  await db.transaction().execute(async (tx) => {
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
  return {
    ok: true,
    token: session,
    csrf,
    editor: editor.name,
    device: known && device ? device : await deviceToken(db, lower),
  };
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

import type { NextRequest } from 'next/server';
import { seeOther, textAnswer, type Outcome } from '@/lib/refusals';
import { readFields } from '@/lib/request-body';
import { siteDatabase } from './database';
import { SESSION_HOURS, sessionOf } from './editors';
import { fromOwnPages, SESSION_COOKIE, tokenMatches } from './origin';

// What the editors' area's route handlers (app/api/admin) share: the form they read, the session they need, the
// cookies they set, and the way back to /admin with a note of what happened.

/** An editors' form is small: a name and password, a comment's id, the word list. */
const MAX_FORM = 8192;

/** An editors' form: URL-encoded fields (strings), or undefined when it is not one or too large. */
export async function editorForm(request: NextRequest): Promise<Record<string, string> | undefined> {
  const read = await readFields(request, { maxBytes: MAX_FORM, types: ['form'] });
  return read.ok ? (read.fields as Record<string, string>) : undefined;
}

/** Back to the editors' area, with what to tell the editor (a key of app/admin/page.tsx's notes). */
export function backToAdmin(note: string, cookies: string[] = []) {
  const response = seeOther(`/admin?note=${encodeURIComponent(note)}`);
  for (const cookie of cookies) response.headers.append('Set-Cookie', cookie);
  return response;
}

const cookie = (name: string, value: string, path: string, seconds: number) =>
  `${name}=${value}; Path=${path}; HttpOnly; Secure; SameSite=Strict; Max-Age=${seconds}`;

export const sessionCookie = (token: string) => cookie(SESSION_COOKIE, token, '/', SESSION_HOURS * 3600);
export const clearedSessionCookie = cookie(SESSION_COOKIE, '', '/', 0);

/** The device an editor signed in on (lib/engage/editors.ts), sent back only to the sign-in form's route. */
export const DEVICE_COOKIE = 'admin_device';
export const deviceCookie = (device: string) => cookie(DEVICE_COOKIE, device, '/api/admin/login', 180 * 24 * 3600);

/**
 * An editor's change: from the site's own pages, signed in, with the session's form token. Returns
 * the editor and the form, or the refusal to send.
 */
export async function editorAction(
  request: NextRequest,
): Promise<{ editor: string; form: Record<string, string> } | { refused: Response }> {
  const refuse = (outcome: Outcome, note: string) => ({ refused: textAnswer(outcome, note) });
  if (!fromOwnPages(request.headers)) return refuse('cross-site', 'Cross-site requests are refused.');
  const { db } = await siteDatabase();
  const session = await sessionOf(db, request.cookies.get(SESSION_COOKIE)?.value);
  if (!session) return refuse('signed-out', 'Sign in at /admin first.');
  const form = await editorForm(request);
  if (!form) return refuse('malformed', 'A form of the editors’ area was expected.');
  if (!tokenMatches(form['csrf'], session.csrf))
    return refuse('form-token', 'The form token does not match this session: reload /admin.');
  return { editor: session.editor, form };
}

import { NextResponse, type NextRequest } from 'next/server';
import { clientOf } from './clients';
import { siteDatabase } from './database';
import { SESSION_HOURS, sessionOf } from './editors';
import { fromOwnPages, SESSION_COOKIE, tokenMatches } from './origin';

// What the editors' area's route handlers (app/api/admin) share: the form they read, the session they need, the
// cookie they set, and the way back to /admin with a note of what happened.

/** An editors' form, read whole only when small and of the form type; undefined otherwise. */
export async function readForm(request: NextRequest): Promise<Record<string, string> | undefined> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' || Number(request.headers.get('content-length') ?? 0) > 8192)
    return undefined;
  const text = await request.text();
  return text.length > 8192 ? undefined : Object.fromEntries(new URLSearchParams(text));
}

/** Back to the editors' area, with what to tell the editor (a key of app/admin/page.tsx's notes). */
export function backToAdmin(note: string, extra: Record<string, string> = {}) {
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: `/admin?note=${encodeURIComponent(note)}`, 'Cache-Control': 'no-store' },
  });
  for (const [k, v] of Object.entries(extra)) response.headers.set(k, v);
  return response;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}`;
}
export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

/**
 * An editor's change: from the site's own pages, signed in, with the session's form token. Returns
 * the editor and the form, or the refusal to send.
 */
export async function editorAction(
  request: NextRequest,
): Promise<{ editor: string; form: Record<string, string> } | { refused: NextResponse }> {
  const refuse = (status: number, note: string) => ({
    refused:
      status === 303
        ? backToAdmin(note)
        : new NextResponse(`${status} ${note}\n`, {
            status,
            headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
          }),
  });
  if (!fromOwnPages(request.headers)) return refuse(403, 'Cross-site requests are refused.');
  const { db } = await siteDatabase();
  const session = await sessionOf(db, request.cookies.get(SESSION_COOKIE)?.value);
  if (!session) return refuse(401, 'Sign in at /admin first.');
  const form = await readForm(request);
  if (!form) return refuse(400, 'A form of the editors’ area was expected.');
  if (!tokenMatches(form['csrf'], session.csrf))
    return refuse(403, 'The form token does not match this session: reload /admin.');
  return { editor: session.editor, form };
}

export async function requestClient(request: NextRequest): Promise<string> {
  const { db } = await siteDatabase();
  return clientOf(db, request.headers.get('x-client-address') ?? 'unknown');
}

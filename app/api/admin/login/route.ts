import type { NextRequest } from 'next/server';
import { backToAdmin, DEVICE_COOKIE, deviceCookie, editorForm, sessionCookie } from '@/lib/engage/admin';
import { clientOf } from '@/lib/engage/clients';
import { siteDatabase } from '@/lib/engage/database';
import { signIn } from '@/lib/engage/editors';
import { fromOwnPages } from '@/lib/engage/origin';

// POST /api/admin/login: the sign-in form of /admin. Each sign-in is counted before the password is
// checked, per name and client, or per device the editor signed in on before (lib/engage/editors.ts);
// a success sets the session cookie and the device cookie, HTTP-only, Secure, SameSite=Strict.
export async function POST(request: NextRequest) {
  if (!fromOwnPages(request.headers)) return backToAdmin('cross-site');
  const form = await editorForm(request);
  if (!form || typeof form['name'] !== 'string' || typeof form['password'] !== 'string')
    return backToAdmin('malformed');
  const { db } = await siteDatabase();
  const outcome = await signIn(db, {
    name: form['name'].trim(),
    password: form['password'],
    client: await clientOf(db, request.headers),
    device: request.cookies.get(DEVICE_COOKIE)?.value,
  });
  if (!outcome.ok) return backToAdmin(outcome.reason);
  return backToAdmin('signed-in', [sessionCookie(outcome.token), deviceCookie(outcome.device)]);
}

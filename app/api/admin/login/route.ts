import type { NextRequest } from 'next/server';
import { backToAdmin, readForm, requestClient, sessionCookie } from '@/lib/engage/admin';
import { siteDatabase } from '@/lib/engage/database';
import { signIn } from '@/lib/engage/editors';
import { fromOwnPages } from '@/lib/engage/origin';

// POST /api/admin/login: the sign-in form of /admin. Failures are counted per name and per client
// (lib/engage/editors.ts); a success sets the session cookie, HTTP-only, Secure, SameSite=Strict.
export async function POST(request: NextRequest) {
  if (!fromOwnPages(request.headers)) return backToAdmin('cross-site');
  const form = await readForm(request);
  if (!form || typeof form['name'] !== 'string' || typeof form['password'] !== 'string')
    return backToAdmin('malformed');
  const { db } = await siteDatabase();
  const outcome = await signIn(db, {
    name: form['name'].trim(),
    password: form['password'],
    client: await requestClient(request),
  });
  if (!outcome.ok) return backToAdmin(outcome.reason);
  return backToAdmin('signed-in', { 'Set-Cookie': sessionCookie(outcome.token) });
}

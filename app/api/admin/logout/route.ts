import type { NextRequest } from 'next/server';
import { backToAdmin, clearedSessionCookie, editorAction } from '@/lib/engage/admin';
import { siteDatabase } from '@/lib/engage/database';
import { signOut } from '@/lib/engage/editors';
import { SESSION_COOKIE } from '@/lib/engage/origin';

// POST /api/admin/logout: ends the session here and in the database.
export async function POST(request: NextRequest) {
  const action = await editorAction(request);
  if ('refused' in action) return action.refused;
  const { db } = await siteDatabase();
  await signOut(db, request.cookies.get(SESSION_COOKIE)!.value);
  return backToAdmin('signed-out', [clearedSessionCookie]);
}

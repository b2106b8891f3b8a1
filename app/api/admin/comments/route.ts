import type { NextRequest } from 'next/server';
import { backToAdmin, editorAction } from '@/lib/engage/admin';
import { siteDatabase } from '@/lib/engage/database';
import { moderate, moderationActions, type ModerationAction } from '@/lib/engage/moderation';

// POST /api/admin/comments: one editor's action on one comment (approve, reject, delete, ban the
// client that wrote it), from the forms of /admin, signed in and with the session's form token.
export async function POST(request: NextRequest) {
  const action = await editorAction(request);
  if ('refused' in action) return action.refused;
  const { form, editor } = action;
  const id = Number(form['id']);
  const what = form['action'] as ModerationAction;
  if (!Number.isSafeInteger(id) || id < 1 || !moderationActions.includes(what)) return backToAdmin('malformed');
  const { db } = await siteDatabase();
  return backToAdmin((await moderate(db, id, what, { editor })) ? `done-${what}` : 'gone');
}

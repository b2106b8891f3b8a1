import type { NextRequest } from 'next/server';
import { backToAdmin, editorAction } from '@/lib/engage/admin';
import { setBlockedWords } from '@/lib/engage/comment-settings';
import { siteDatabase } from '@/lib/engage/database';

// POST /api/admin/words: the editors' word list for comments (one a line), from the form in /admin.
export async function POST(request: NextRequest) {
  const action = await editorAction(request);
  if ('refused' in action) return action.refused;
  const words = action.form['words'];
  if (typeof words !== 'string') return backToAdmin('malformed');
  const { db } = await siteDatabase();
  return backToAdmin((await setBlockedWords(db, words)) ? 'words-saved' : 'words-invalid');
}

import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from './schema';

// What the editors' area does with comments: lists what waits and what the spam rules caught, and
// approves, rejects, deletes, or bans the client that wrote one.

export type QueuedComment = {
  id: number;
  story: string;
  locale: string;
  parentId: number | null;
  name: string;
  email: string | null;
  body: string;
  status: CommentStatus;
  reason: string | null;
  client: string;
  createdAt: string;
};

/** Comments waiting for an editor, and those the rules caught as spam, oldest first. */
export async function moderationQueue(
  db: Kysely<Database>,
  status: 'pending' | 'spam',
  limit = 200,
): Promise<QueuedComment[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'story', 'locale', 'parent_id', 'name', 'email', 'body', 'status', 'reason', 'client', 'created_at'])
    .where('status', '=', status)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    story: r.story,
    locale: r.locale,
    parentId: r.parent_id,
    name: r.name,
    email: r.email,
    body: r.body,
    status: r.status,
    reason: r.reason,
    client: r.client,
    createdAt: r.created_at,
  }));
}

export type ModerationAction = 'approve' | 'reject' | 'delete' | 'ban';
export const moderationActions: readonly ModerationAction[] = ['approve', 'reject', 'delete', 'ban'];

/**
 * Does one editor's action on one comment; false when the comment is gone. A ban refuses the
 * client's future comments and rejects everything it still has waiting.
 */
export async function moderate(
  db: Kysely<Database>,
  id: number,
  action: ModerationAction,
  { editor, now = new Date() }: { editor: string; now?: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const comment = await tx.selectFrom('comments').select(['id', 'client']).where('id', '=', id).executeTakeFirst();
    if (!comment) return false;
    const at = now.toISOString();
    if (action === 'delete') {
      await tx.deleteFrom('comments').where('id', '=', id).execute();
    } else if (action === 'ban') {
      await tx
        .insertInto('bans')
        .values({ client: comment.client, reason: `${editor}：留言 #${id}`, created_at: at })
        .onConflict((c) => c.column('client').doNothing())
        .execute();
      await tx
        .updateTable('comments')
        .set({ status: 'rejected', reason: `banned by ${editor}`, moderated_at: at })
        .where('client', '=', comment.client)
        .where('status', 'in', ['pending', 'spam'])
        .execute();
    } else {
      await tx
        .updateTable('comments')
        .set({
          status: action === 'approve' ? 'approved' : 'rejected',
          reason: action === 'approve' ? null : `rejected by ${editor}`,
          moderated_at: at,
        })
        .where('id', '=', id)
        .execute();
    }
    return true;
  });
}

import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { getArticleCard } from '@/lib/content';
import { siteDatabase } from '@/lib/engage/database';
import { sessionOf } from '@/lib/engage/editors';
import { moderationQueue, type QueuedComment } from '@/lib/engage/moderation';
import { SESSION_COOKIE } from '@/lib/engage/origin';
import { WORD_LIST_LIMITS } from '@/lib/engage/comment-settings';
import { NewsletterPanel } from './newsletter-panel';
import { WordsPanel } from './words-panel';

// /admin: sign in, then the comments waiting for an editor, by story, what the spam rules caught,
// the word list, and the newsletter (app/admin/newsletter-panel.tsx). Plain forms posting to app/api/admin/*, each with the session's form token: it works
// without a script, and nothing here is cached or indexed. It reads the request's cookie, so Next
// renders it on every request; a static export, with no server, gets a note instead.

const notes: Record<string, string> = {
  'signed-in': '已登入。',
  'signed-out': '已登出。',
  wrong: '帳號或密碼不對。',
  throttled: '登入失敗太多次，請 15 分鐘後再試。',
  malformed: '表單內容不完整，請重新整理後再試。',
  'cross-site': '請從本站的編輯台操作。',
  'done-approve': '已公開這則留言。',
  'done-reject': '已退回這則留言。',
  'done-delete': '已刪除這則留言。',
  'done-ban': '已封鎖這則留言的來源，並退回它所有待審的留言。',
  gone: '這則留言已不存在（可能已被其他編輯處理）。',
  'digest-sending': '週報寄送中：重新整理這一頁可以看到寄了多少。',
  'digest-done': '這一期週報已經寄給所有訂閱者了。',
  'digest-empty': '還沒有可以放進週報的文章。',
  'digest-nobody': '這個字體還沒有確認過的訂閱者，週報沒有寄出。',
  'words-saved': '已儲存禁用詞。',
  'words-invalid': `禁用詞沒有儲存：最多 ${WORD_LIST_LIMITS.words} 個，每個最多 ${WORD_LIST_LIMITS.chars} 字，不能有控制字元。`,
};

type AdminPageProps = { searchParams: Promise<{ note?: string }> };

type SignInProps = { noteBox: ReactNode };

/** What a visitor without a session sees: the sign-in form. */
function SignIn({ noteBox }: SignInProps) {
  return (
    <>
      <h1 className="mb-6 text-2xl font-black">觀潮科技編輯台</h1>
      {noteBox}
      <form
        method="post"
        action="/api/admin/login"
        className="max-w-sm space-y-4 rounded-lg bg-white p-6 shadow"
        data-testid="admin-login"
      >
        <label className="block font-bold">
          帳號
          <input
            name="name"
            required
            autoComplete="username"
            className="mt-1 w-full rounded border border-neutral-400 px-3 py-2"
          />
        </label>
        <label className="block font-bold">
          密碼
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className="mt-1 w-full rounded border border-neutral-400 px-3 py-2"
          />
        </label>
        <button type="submit" className="h-11 rounded-full bg-neutral-900 px-6 font-bold text-white">
          登入
        </button>
      </form>
      <p className="mt-6 text-sm text-neutral-700">編輯帳號由網站管理者以 npm run editors -- add 帳號 建立。</p>
    </>
  );
}

type AdminHeaderProps = { editor: string; csrf: string };

/** The desk's title, with who is signed in and the way out. */
function AdminHeader({ editor, csrf }: AdminHeaderProps) {
  return (
    <div className="mb-6 flex items-center justify-between gap-4">
      <h1 className="text-2xl font-black">觀潮科技編輯台</h1>
      <form method="post" action="/api/admin/logout" className="flex items-center gap-3 text-sm">
        <span>{editor}</span>
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit" className="h-9 rounded-full border border-neutral-400 px-4 font-bold">
          登出
        </button>
      </form>
    </div>
  );
}

type CommentActionsProps = { comment: QueuedComment; csrf: string };

/** What an editor can do with a comment: one small form per action. */
function CommentActions({ comment: c, csrf }: CommentActionsProps) {
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      {(
        [
          ['approve', '公開', 'bg-green-800 text-white'],
          ['reject', '退回', 'bg-neutral-200 text-neutral-900'],
          ['delete', '刪除', 'bg-neutral-200 text-neutral-900'],
          ['ban', '封鎖來源', 'bg-red-800 text-white'],
        ] as const
      ).map(([action, label, style]) => (
        <form key={action} method="post" action="/api/admin/comments">
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="id" value={c.id} />
          <input type="hidden" name="action" value={action} />
          <button
            type="submit"
            className={`h-9 rounded-full px-4 text-sm font-bold ${style}`}
            aria-label={`${label}：${c.name} 的留言 #${c.id}`}
          >
            {label}
          </button>
        </form>
      ))}
    </div>
  );
}

type CommentCardProps = { comment: QueuedComment; csrf: string };

/** One comment waiting for an editor: who wrote it, when, in which script, why it was held, and the actions. */
function CommentCard({ comment: c, csrf }: CommentCardProps) {
  return (
    <li className="rounded-lg bg-white p-4 shadow" data-testid="queued-comment">
      <p className="text-sm text-neutral-700">
        <span className="font-bold text-neutral-900">{c.name}</span>
        {c.email && <span> · {c.email}</span>} ·{' '}
        {new Date(c.createdAt).toLocaleString('zh-Hant', { timeZone: 'Asia/Taipei' })} ·{' '}
        {c.locale === 'zh-Hans' ? '簡體' : '繁體'}
        {c.parentId !== null && <span> · 回覆 #{c.parentId}</span>}
        {c.reason && <span className="ml-2 rounded bg-red-100 px-1.5 text-red-900">{c.reason}</span>}
      </p>
      <p className="mt-2 break-words whitespace-pre-line">{c.body}</p>
      <CommentActions comment={c} csrf={csrf} />
    </li>
  );
}

type PendingPanelProps = { pending: QueuedComment[]; csrf: string };

/** 待審留言: the comments waiting for an editor, by story. */
function PendingPanel({ pending, csrf }: PendingPanelProps) {
  const byStory = new Map<string, QueuedComment[]>();
  for (const c of pending) byStory.set(c.story, [...(byStory.get(c.story) ?? []), c]);
  const title = (story: string) => getArticleCard('zh-Hant', story)?.title ?? story;
  return (
    <section aria-labelledby="pending-heading" data-testid="pending">
      <h2 id="pending-heading" className="mb-4 text-xl font-bold">
        待審留言（{pending.length}）
      </h2>
      {pending.length === 0 && <p className="text-neutral-700">沒有待審的留言。</p>}
      {[...byStory].map(([story, comments]) => (
        <section key={story} className="mb-8">
          <h3 className="mb-3 font-bold">
            <a href={`/zh-Hant/articles/${story}#comments`} className="underline">
              {title(story)}
            </a>
          </h3>
          <ul className="space-y-3">
            {comments.map((c) => (
              <CommentCard key={c.id} comment={c} csrf={csrf} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

type SpamPanelProps = { spam: QueuedComment[]; csrf: string };

/** 規則攔下的留言: what the spam rules caught, for an editor to release or throw away. */
function SpamPanel({ spam, csrf }: SpamPanelProps) {
  return (
    <section aria-labelledby="spam-heading" className="mt-10" data-testid="spam">
      <h2 id="spam-heading" className="mb-2 text-xl font-bold">
        規則攔下的留言（{spam.length}）
      </h2>
      <p className="mb-4 text-sm text-neutral-700">
        隱藏欄位被填寫（honeypot）、連結太多，或含有禁用詞的留言。誤攔的可以公開。
      </p>
      <ul className="space-y-3">
        {spam.map((c) => (
          <CommentCard key={c.id} comment={c} csrf={csrf} />
        ))}
      </ul>
    </section>
  );
}

export default async function AdminPage({ searchParams }: AdminPageProps) {
  if (process.env.STATIC_EXPORT === '1') {
    return <p data-testid="admin-static">編輯台只在網站伺服器上提供：靜態版本沒有留言，也沒有登入。</p>;
  }
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  const { note } = await searchParams;
  const { db } = await siteDatabase();
  const session = await sessionOf(db, sessionToken);
  const message = note && notes[note];
  const noteBox = message && (
    <p
      role="status"
      className="mb-6 rounded-lg bg-amber-100 px-4 py-3 font-bold text-amber-950"
      data-testid="admin-note"
    >
      {message}
    </p>
  );

  if (!session) return <SignIn noteBox={noteBox} />;

  const [pending, spam] = await Promise.all([moderationQueue(db, 'pending'), moderationQueue(db, 'spam')]);
  return (
    <>
      <AdminHeader editor={session.editor} csrf={session.csrf} />
      {noteBox}
      <PendingPanel pending={pending} csrf={session.csrf} />
      <SpamPanel spam={spam} csrf={session.csrf} />
      <WordsPanel db={db} csrf={session.csrf} />
      <NewsletterPanel db={db} csrf={session.csrf} />
    </>
  );
}

import type { Kysely } from 'kysely';
import { blockedWords, WORD_LIST_LIMITS } from '@/lib/engage/comment-settings';
import type { Database } from '@/lib/engage/schema';

// The editors' word list: a comment holding any of these words waits in 規則攔下的留言 for an editor.
export async function WordsPanel({ db, csrf }: { db: Kysely<Database>; csrf: string }) {
  const words = await blockedWords(db);
  return (
    <section aria-labelledby="words-heading" className="mt-12" data-testid="admin-words">
      <h2 id="words-heading" className="mb-2 text-xl font-bold">
        禁用詞（{words.length}）
      </h2>
      <p className="mb-3 text-sm text-neutral-700">
        一行一個詞或片語，不分大小寫；含有這些詞的留言不會公開，會留在「規則攔下的留言」等編輯決定。最多{' '}
        {WORD_LIST_LIMITS.words} 個，每個最多 {WORD_LIST_LIMITS.chars} 字。
      </p>
      <form method="post" action="/api/admin/words" className="max-w-xl">
        <input type="hidden" name="csrf" value={csrf} />
        <label htmlFor="words" className="sr-only">
          禁用詞
        </label>
        <textarea
          id="words"
          name="words"
          rows={8}
          defaultValue={words.join('\n')}
          className="w-full rounded border border-neutral-400 px-3 py-2 font-mono text-sm"
        />
        <button type="submit" className="mt-2 h-9 rounded-full bg-neutral-900 px-4 text-sm font-bold text-white">
          儲存禁用詞
        </button>
      </form>
    </section>
  );
}

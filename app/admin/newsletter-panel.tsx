import type { Kysely } from 'kysely';
import { locales } from '@/i18n/locales';
import { digestStories } from '@/lib/engage/digest';
import { digestOfWeek, subscriberCounts, weekOf } from '@/lib/engage/newsletter';
import { digestMail, digestSubject, type DigestStory } from '@/lib/engage/newsletter-mail';
import type { Database } from '@/lib/engage/schema';

// The newsletter in the editors' area: subscribers of each script, this week's digest of each as it
// will be sent (its text, word for word), the button that sends it, and the CSV of subscribers.

const scriptName = { 'zh-Hant': '繁體', 'zh-Hans': '簡體' } as const;

export async function NewsletterPanel({ db, csrf }: { db: Kysely<Database>; csrf: string }) {
  const now = new Date();
  const week = weekOf(now);
  const counts = await subscriberCounts(db);
  const digests = await Promise.all(
    locales.map(async (locale) => {
      const started = await digestOfWeek(db, locale, week);
      const stories = started ? (started.stories as DigestStory[]) : await digestStories(db, locale, now);
      const subject = started?.subject ?? digestSubject(locale, now);
      const preview = digestMail(locale, { to: 'reader@example.com', subject, stories, unsubscribe: '0.preview' });
      return {
        locale,
        started,
        stories,
        preview,
        count: counts[locale] ?? { pending: 0, confirmed: 0, unsubscribed: 0 },
      };
    }),
  );
  return (
    <section aria-labelledby="newsletter-heading" className="mt-12" data-testid="admin-newsletter">
      <h2 id="newsletter-heading" className="mb-2 text-xl font-bold">
        電子報（{week}）
      </h2>
      <p className="mb-4 text-sm text-neutral-700">
        每週一期，各字體分別寄給確認過的訂閱者；同一週按兩次只會寄一次，中斷了再按一次會從停下的地方接著寄。
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        {digests.map(({ locale, started, stories, preview, count }) => (
          <section key={locale} className="rounded-lg bg-white p-4 shadow" data-testid={`digest-${locale}`}>
            <h3 className="font-bold">
              {scriptName[locale]}週報：{preview.subject}
            </h3>
            <p className="mt-1 text-sm text-neutral-700" data-testid={`subscribers-${locale}`}>
              已確認 {count.confirmed} 人 · 待確認 {count.pending} 人 · 已取消 {count.unsubscribed} 人
            </p>
            {started ? (
              <p className="mt-2 text-sm font-bold" data-testid={`digest-state-${locale}`}>
                {started.editor} 於 {new Date(started.createdAt).toLocaleString('zh-Hant', { timeZone: 'Asia/Taipei' })}{' '}
                開始寄送：已寄 {started.sent} / {started.total}
              </p>
            ) : (
              <p className="mt-2 text-sm" data-testid={`digest-state-${locale}`}>
                本週還沒寄出。
              </p>
            )}
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-bold">預覽內容（{stories.length} 篇）</summary>
              <pre
                className="mt-2 max-h-96 overflow-auto rounded bg-neutral-100 p-3 text-xs break-words whitespace-pre-wrap"
                data-testid={`digest-preview-${locale}`}
              >
                {preview.text}
              </pre>
            </details>
            {(started ? started.remaining > 0 : count.confirmed > 0) && stories.length > 0 && (
              <form method="post" action="/api/admin/newsletter" className="mt-3">
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="action" value="send" />
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="h-9 rounded-full bg-neutral-900 px-4 text-sm font-bold text-white">
                  {started
                    ? `繼續寄送${scriptName[locale]}週報（還有 ${started.remaining} 人）`
                    : `寄出${scriptName[locale]}週報（${count.confirmed} 人）`}
                </button>
              </form>
            )}
          </section>
        ))}
      </div>
      <form method="post" action="/api/admin/newsletter" className="mt-4">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="action" value="export" />
        <button type="submit" className="h-9 rounded-full border border-neutral-400 px-4 text-sm font-bold">
          下載已確認的訂閱者（CSV）
        </button>
      </form>
    </section>
  );
}

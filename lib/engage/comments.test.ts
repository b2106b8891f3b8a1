import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import { commentCounts, listComments, postComment, type CommentForm, type CommentSettings } from './comments';
import type { SiteDatabase } from './database';

// Every rule on a real SQLite file and a real PostgreSQL server.

let databases: TestDatabases;
beforeAll(async () => {
  databases = await testDatabases('comments');
}, 60_000);
afterAll(async () => databases?.stop());

const settings: CommentSettings = { trustApproved: false, words: ['博彩'] };
const t0 = new Date('2026-12-04T08:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe.each(['sqlite', 'postgres'] as const)('comments on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
  }, 60_000);

  const post = (
    form: CommentForm,
    { client = 'client-a', story = 'double-11-ten-years', now = t0, open = true, trust = false } = {},
  ) =>
    postComment(site.db, {
      story,
      locale: 'zh-Hant',
      client,
      form,
      open,
      settings: { ...settings, trustApproved: trust },
      now,
    });
  const rows = () => site.db.selectFrom('comments').selectAll().orderBy('id').execute();
  const approve = (id: number) =>
    site.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();

  it('refuses malformed, oversized and scripted input and stores nothing', async () => {
    const cases: [CommentForm, string][] = [
      [{ name: ['x'], body: '內容不錯' }, 'malformed'],
      [{ name: '讀者', body: 42 }, 'malformed'],
      [{ name: '讀者', body: '好文', website: {} }, 'malformed'],
      [{ name: '   ', body: '內容不錯' }, 'name-missing'],
      [{ name: '名'.repeat(41), body: '內容不錯' }, 'name-too-long'],
      [{ name: '讀者', email: 'not-an-email', body: '內容不錯' }, 'email-invalid'],
      [{ name: '讀者', email: `${'a'.repeat(250)}@x.tw`, body: '內容不錯' }, 'email-invalid'],
      [{ name: '讀者', body: '讚' }, 'body-too-short'],
      [{ name: '讀者', body: '長'.repeat(2001) }, 'body-too-long'],
      [{ name: '讀者\u202E', body: '內容不錯' }, 'hidden-characters'],
      [{ name: '讀者', body: '內容\u0000不錯' }, 'hidden-characters'],
      // Names made of, or holding, characters that show nothing or turn text around.
      ...['\u3164', '\u3164\u3164', '\u2800', '\u115F\u1160', '\uFFA0', '讀\u061C者', '讀者\u00AD', '讀\uFE0F者']
        .concat(['\u{E0041}\u{E0042}', '讀者\u2066', '讀\u200B者', '讀者\u180E', '\u034F讀者', '讀者\u{E0100}'])
        .map((name): [CommentForm, string] => [{ name, body: '內容不錯' }, 'hidden-characters']),
      [{ name: '讀者', body: '內容\u2800\u2800不錯' }, 'hidden-characters'],
      [{ name: '讀者', body: '好文\u3164\u3164\u3164' }, 'hidden-characters'],
      [{ name: '讀者', body: '內容不錯\u{E0068}\u{E0069}' }, 'hidden-characters'],
      [{ name: '讀者', body: '內容\u2067不錯' }, 'hidden-characters'],
      [{ name: '讀者', body: '內容不錯', parent: '1; DROP TABLE comments' }, 'parent'],
      [{ name: '讀者', body: '內容不錯', parent: -3 }, 'parent'],
    ];
    for (const [form, refusal] of cases)
      expect(await post(form), JSON.stringify(form).slice(0, 60)).toMatchObject({ ok: false, refusal });
    expect(await rows()).toEqual([]);
  });

  it('holds a comment for the editors, stores it as written (HTML as text), and shows it once approved', async () => {
    const outcome = await post({
      name: ' 小林 ',
      email: 'lin@example.tw',
      body: '<script>alert(1)</script>\r\n雙 11 的物流那段寫得很好。',
    });
    expect(outcome).toMatchObject({ ok: true, status: 'pending' });
    expect((await listComments(site.db, 'double-11-ten-years')).count).toBe(0);
    const [row] = await rows();
    expect(row).toMatchObject({
      name: '小林',
      email: 'lin@example.tw',
      body: '<script>alert(1)</script>\n雙 11 的物流那段寫得很好。',
      status: 'pending',
    });
    await approve(row!.id);
    const listed = await listComments(site.db, 'double-11-ten-years');
    expect(listed.count).toBe(1);
    expect(listed.comments[0]).toEqual({
      id: row!.id,
      name: '小林',
      body: row!.body,
      locale: 'zh-Hant',
      createdAt: t0.toISOString(),
      replies: [],
    });
    // Readers never get the email or the client.
    expect(JSON.stringify(listed)).not.toMatch(/lin@example|client-a/);
  });

  it('throttles a flood from one client, refuses the same comment twice, and lets the client post again later', async () => {
    const client = 'flood';
    for (let i = 0; i < 3; i++)
      expect(await post({ name: '洗版', body: `第 ${i} 則留言` }, { client, now: later(i) })).toMatchObject({
        ok: true,
      });
    expect(await post({ name: '洗版', body: '第 4 則留言' }, { client, now: later(10) })).toMatchObject({
      ok: false,
      refusal: 'too-fast',
    });
    expect(await post({ name: '洗版', body: '第 0  則留言' }, { client, now: later(120) })).toMatchObject({
      ok: false,
      refusal: 'duplicate',
    });
    expect(await post({ name: '洗版', body: '第 5 則留言' }, { client, now: later(120) })).toMatchObject({ ok: true });
    // Twenty a day at most.
    for (let i = 6; i < 22; i++)
      expect(await post({ name: '洗版', body: `第 ${i} 則留言` }, { client, now: later(i * 70) })).toMatchObject({
        ok: true,
      });
    expect(await post({ name: '洗版', body: '第 99 則留言' }, { client, now: later(3000) })).toMatchObject({
      ok: false,
      refusal: 'too-fast',
    });
    expect(await post({ name: '洗版', body: '隔天的留言' }, { client, now: later(25 * 3600) })).toMatchObject({
      ok: true,
    });
  });

  it('holds the limit for comments posted at once by one client', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post({ name: '同時', body: `同時送出的第 ${i} 則` }, { client: 'parallel', now: later(7200) }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect((await rows()).filter((r) => r.client === 'parallel')).toHaveLength(3);
  });

  it('sends what the spam rules catch to the editors as spam, with the reason', async () => {
    await post({ name: '機器人', body: '好文', website: 'http://spam.example' }, { client: 'bot' });
    await post(
      { name: '連結', body: 'https://a.example https://b.example https://c.example 看這裡' },
      { client: 'links' },
    );
    await post({ name: '廣告', body: '線上博彩優惠' }, { client: 'words' });
    const caught = (await rows()).filter((r) => ['bot', 'links', 'words'].includes(r.client));
    expect(caught.map((r) => [r.status, r.reason])).toEqual([
      ['spam', 'honeypot'],
      ['spam', 'links'],
      ['spam', 'word:博彩'],
    ]);
  });

  it('catches a listed word written full-width, spaced, with look-alikes or in the other script', async () => {
    const words = { ...settings, words: ['buy', '賭博'] };
    const at = (n: number) => ({
      story: 'double-11-ten-years',
      locale: 'zh-Hant',
      open: true,
      settings: words,
      now: later(n),
    });
    const cases = ['快來 Ｂ ｕ ｙ', '現在 bυy', '線上賭 博', '线上赌博', '這堂 class 很好'];
    const outcomes = [];
    for (const [i, body] of cases.entries())
      outcomes.push(await postComment(site.db, { ...at(i), client: `look-alike-${i}`, form: { name: '讀者', body } }));
    expect(outcomes.map((o) => (o.ok ? o.status : o.refusal))).toEqual(['spam', 'spam', 'spam', 'spam', 'pending']);
  });

  it('takes emoji joined or styled by invisible characters in a body', async () => {
    const outcome = await post(
      { name: '讀者', body: '讚 👨\u200D👩\u200D👧 ❤\uFE0F 1\uFE0F\u20E3' },
      { client: 'emoji' },
    );
    expect(outcome).toMatchObject({ ok: true });
  });

  it('refuses a banned client, and a story whose comments are closed', async () => {
    await site.db.insertInto('bans').values({ client: 'banned', reason: null, created_at: t0.toISOString() }).execute();
    expect(await post({ name: '讀者', body: '我又來了' }, { client: 'banned' })).toEqual({
      ok: false,
      refusal: 'banned',
    });
    expect(await post({ name: '讀者', body: '想留言' }, { client: 'closed', open: false })).toEqual({
      ok: false,
      refusal: 'closed',
    });
  });

  it('takes replies one level deep, to a comment shown on the same story, newest or oldest first', async () => {
    const story = 'mobile-payments-taiwan';
    const first = await post({ name: '甲', body: '第一則' }, { client: 'r1', story });
    const second = await post({ name: '乙', body: '第二則' }, { client: 'r2', story, now: later(5) });
    if (!first.ok || !second.ok) throw new Error('not posted');
    expect(
      await post({ name: '丙', body: '回覆待審的留言', parent: first.id }, { client: 'r3', story, now: later(6) }),
    ).toMatchObject({ ok: false, refusal: 'parent' });
    await approve(first.id);
    await approve(second.id);
    const reply = await post(
      { name: '丙', body: '回覆第一則', parent: String(first.id) },
      { client: 'r3', story, now: later(7) },
    );
    if (!reply.ok) throw new Error('reply refused');
    await approve(reply.id);
    expect(
      await post({ name: '丁', body: '回覆的回覆', parent: reply.id }, { client: 'r4', story, now: later(8) }),
    ).toMatchObject({ ok: false, refusal: 'parent' });
    expect(
      await post({ name: '丁', body: '回到別篇的留言', parent: first.id }, { client: 'r4', now: later(8) }),
    ).toMatchObject({ ok: false, refusal: 'parent' });
    const oldest = await listComments(site.db, story);
    expect(oldest.count).toBe(3);
    expect(oldest.comments.map((c) => [c.name, c.replies.map((r) => r.name)])).toEqual([
      ['甲', ['丙']],
      ['乙', []],
    ]);
    expect((await listComments(site.db, story, 'newest')).comments.map((c) => c.name)).toEqual(['乙', '甲']);
    expect(await commentCounts(site.db, [story, 'double-11-ten-years', 'no-comments'])).toEqual({
      [story]: 3,
      'double-11-ten-years': 1,
    });
  });

  it('publishes at once the comments of a client approved before, when the site says so', async () => {
    const first = await post({ name: '老讀者', body: '第一次留言' }, { client: 'regular', trust: true });
    expect(first).toMatchObject({ status: 'pending' });
    if (first.ok) await approve(first.id);
    expect(
      await post({ name: '老讀者', body: '第二次留言' }, { client: 'regular', trust: true, now: later(90) }),
    ).toMatchObject({ status: 'approved' });
    expect(
      await post({ name: '老讀者', body: '第三次留言' }, { client: 'regular', trust: false, now: later(180) }),
    ).toMatchObject({ status: 'pending' });
  });
});

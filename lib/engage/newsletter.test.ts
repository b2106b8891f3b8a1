import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import type { SiteDatabase } from './database';
import {
  confirm,
  confirmationOf,
  confirmedCsv,
  digestOfWeek,
  NEWSLETTER_LIMITS,
  normaliseEmail,
  sendDigest,
  signUp,
  startDigest,
  subscriberCounts,
  subscriberOfToken,
  unsubscribe,
  unsubscribeToken,
  weekOf,
} from './newsletter';

let databases: TestDatabases;
beforeAll(async () => {
  databases = await testDatabases('newsletter');
}, 60_000);
afterAll(async () => databases?.stop());

const t0 = new Date('2026-12-04T02:00:00Z');
const minutesLater = (m: number) => new Date(t0.getTime() + m * 60_000);

describe('addresses and weeks', () => {
  it('takes an address a message can reach, lower-cased, and refuses anything else', () => {
    expect(normaliseEmail('  Reader@Example.COM ')).toBe('reader@example.com');
    expect(normaliseEmail('a.b+news@mail.example.com.tw')).toBe('a.b+news@mail.example.com.tw');
    for (const bad of [
      '',
      'reader',
      'reader@',
      '@example.com',
      'a b@example.com',
      'reader@example',
      '<script>@x.com',
      'reader@exa_mple.com',
      'reader@example.com\u202E',
      `${'a'.repeat(250)}@example.com`,
      42,
      null,
      ['a@b.co'],
    ]) {
      expect(normaliseEmail(bad), String(bad)).toBeUndefined();
    }
  });

  it('names weeks as ISO weeks in Taipei', () => {
    expect(weekOf(new Date('2026-12-04T02:00:00Z'))).toBe('2026-W49');
    // Sunday 23:30 UTC is Monday in Taipei: the next week.
    expect(weekOf(new Date('2026-12-06T17:30:00Z'))).toBe('2026-W50');
    expect(weekOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    expect(weekOf(new Date('2027-01-01T04:00:00Z'))).toBe('2026-W53');
  });
});

describe.each(['sqlite', 'postgres'] as const)('the newsletter on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
  }, 60_000);

  const signUpAs = (email: unknown, client = 'client-a', now = t0, extra: Record<string, unknown> = {}) =>
    signUp(site.db, { form: { email, ...extra }, locale: 'zh-Hant', client, now });

  it('holds a sign-up until its link is followed, and uses the link up', async () => {
    const outcome = await signUpAs('First@Example.com');
    expect(outcome.ok).toBe(true);
    const token = outcome.ok ? outcome.confirm!.token : '';
    expect(outcome.ok && outcome.confirm!.email).toBe('first@example.com');
    expect(await confirmationOf(site.db, token, t0)).toEqual({
      state: 'valid',
      email: 'first@example.com',
      locale: 'zh-Hant',
    });
    // Only a hash of the token is kept.
    expect(JSON.stringify(await site.db.selectFrom('subscribers').selectAll().execute())).not.toContain(token);
    expect((await subscriberCounts(site.db))['zh-Hant']).toEqual({ pending: 1, confirmed: 0, unsubscribed: 0 });
    expect(await confirm(site.db, token, minutesLater(5))).toBe('valid');
    expect(await confirm(site.db, token, minutesLater(6))).toBe('unknown');
    expect((await subscriberCounts(site.db))['zh-Hant']).toEqual({ pending: 0, confirmed: 1, unsubscribed: 0 });
  });

  it('lets a confirmation link expire after two days', async () => {
    const outcome = await signUpAs('late@example.com', 'client-b');
    const token = outcome.ok ? outcome.confirm!.token : '';
    const later = minutesLater(NEWSLETTER_LIMITS.confirmHours * 60 + 1);
    expect((await confirmationOf(site.db, token, later)).state).toBe('expired');
    expect(await confirm(site.db, token, later)).toBe('expired');
    expect(await confirm(site.db, 'x'.repeat(43), t0)).toBe('unknown');
    // A month after, the address is forgotten (with the next sign-up of anyone).
    const monthLater = minutesLater(
      (NEWSLETTER_LIMITS.confirmHours + NEWSLETTER_LIMITS.forgetUnconfirmedDays * 24) * 60 + 1,
    );
    expect((await signUpAs('someone-else@example.com', 'client-b2', monthLater)).ok).toBe(true);
    expect(
      await site.db.selectFrom('subscribers').select('id').where('email', '=', 'late@example.com').executeTakeFirst(),
    ).toBeUndefined();
    await site.db.deleteFrom('subscribers').where('email', '=', 'someone-else@example.com').execute();
    expect(await confirm(site.db, { token }, t0)).toBe('unknown');
  });

  it('answers alike whether or not an address is subscribed, and mails one address at most once in ten minutes', async () => {
    // Confirmed already: nothing is mailed, and the answer is the same.
    expect(await signUpAs('first@example.com', 'client-c')).toEqual({ ok: true });
    const first = await signUpAs('again@example.com', 'client-c');
    expect(first.ok && first.confirm).toBeTruthy();
    expect(await signUpAs('again@example.com', 'client-c', minutesLater(2))).toEqual({ ok: true });
    const third = await signUpAs('again@example.com', 'client-c', minutesLater(NEWSLETTER_LIMITS.remailMinutes + 1));
    expect(third.ok && third.confirm).toBeTruthy();
    // The new link replaces the old.
    expect(await confirm(site.db, first.ok ? first.confirm!.token : '', minutesLater(12))).toBe('unknown');
    expect(await confirm(site.db, third.ok ? third.confirm!.token : '', minutesLater(12))).toBe('valid');
  });

  it('refuses a bad address and a flood from one client, storing nothing, and gives a robot nothing', async () => {
    const before = await site.db.selectFrom('subscribers').select('email').execute();
    expect(await signUpAs('not-an-address', 'client-d')).toEqual({ ok: false, refusal: 'invalid-email' });
    expect(await signUpAs('robot@example.com', 'client-d', t0, { website: 'http://spam.example' })).toEqual({
      ok: true,
    });
    for (let i = 0; i < NEWSLETTER_LIMITS.perClientHour; i++)
      expect((await signUpAs(`flood${i}@example.com`, 'client-e')).ok).toBe(true);
    expect(await signUpAs('flood-last@example.com', 'client-e')).toEqual({ ok: false, refusal: 'too-fast' });
    expect((await signUpAs('flood-later@example.com', 'client-e', minutesLater(61))).ok).toBe(true);
    const after = (await site.db.selectFrom('subscribers').select('email').execute()).map((r) => r.email);
    expect(after).not.toContain('not-an-address');
    expect(after).not.toContain('robot@example.com');
    expect(after).not.toContain('flood-last@example.com');
    expect(after.length).toBe(before.length + NEWSLETTER_LIMITS.perClientHour + 1);
  });

  it('unsubscribes by a signed link only, and a new sign-up starts over', async () => {
    const row = await site.db
      .selectFrom('subscribers')
      .select(['id', 'email'])
      .where('email', '=', 'first@example.com')
      .executeTakeFirstOrThrow();
    const token = await unsubscribeToken(site.db, row);
    expect((await subscriberOfToken(site.db, token))?.email).toBe('first@example.com');
    const [id, sig] = token.split('.');
    // Someone else's number with this signature, a changed signature, junk: none is a link of ours.
    for (const forged of [
      `${Number(id) + 1}.${sig}`,
      `${id}.${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`,
      'x',
      '',
      null,
      `${id}.${sig}.x`,
    ]) {
      expect(await unsubscribe(site.db, forged), String(forged)).toBe(false);
    }
    expect(await unsubscribe(site.db, token)).toBe(true);
    expect(
      (await site.db.selectFrom('subscribers').select('status').where('id', '=', row.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('unsubscribed');
    const back = await signUpAs('first@example.com', 'client-f', minutesLater(30));
    expect(back.ok && back.confirm).toBeTruthy();
    expect(await confirm(site.db, back.ok ? back.confirm!.token : '', minutesLater(31))).toBe('valid');
  });

  it('sends a digest once to each confirmed subscriber of its script, resumes after a failure, and exports them as CSV', async () => {
    await site.db
      .insertInto('subscribers')
      .values({
        email: '=cmd|calc@example.com',
        locale: 'zh-Hans',
        status: 'confirmed',
        token_hash: 'x',
        token_expires_at: null,
        created_at: t0.toISOString(),
        confirmed_at: t0.toISOString(),
        mailed_at: null,
        last_digest_id: null,
      })
      .execute();
    const confirmed = (
      await site.db
        .selectFrom('subscribers')
        .select('email')
        .where('status', '=', 'confirmed')
        .where('locale', '=', 'zh-Hant')
        .execute()
    ).map((r) => r.email);
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    const digest = await startDigest(site.db, {
      locale: 'zh-Hant',
      subject: '觀潮科技週報',
      stories: [{ title: 'a' }],
      editor: 'editor',
      now: t0,
    });
    expect(digest.total).toBe(confirmed.length);
    expect(digest).toMatchObject({ sent: 0, remaining: confirmed.length });
    // Asked again the same week, the same digest comes back.
    expect(
      (
        await startDigest(site.db, {
          locale: 'zh-Hant',
          subject: 'other',
          stories: [],
          editor: 'other',
          now: minutesLater(60),
        })
      ).id,
    ).toBe(digest.id);

    const sent: string[] = [];
    let fail = true;
    await expect(
      sendDigest(site.db, digest, async (to) => {
        if (sent.length === 1 && fail) {
          fail = false;
          throw new Error('SMTP down');
        }
        expect(await subscriberOfToken(site.db, to.unsubscribe)).toMatchObject({ email: to.email });
        sent.push(to.email);
      }),
    ).rejects.toThrow('SMTP down');
    expect(sent.length).toBe(1);
    expect(await digestOfWeek(site.db, 'zh-Hant', weekOf(t0))).toMatchObject({
      sent: 1,
      remaining: confirmed.length - 1,
    });
    // Two runs at once (two clicks, two servers): each subscriber still gets one copy.
    const again = () => sendDigest(site.db, digest, async (to) => void sent.push(to.email));
    await Promise.all([again(), again()]);
    expect([...sent].sort()).toEqual([...confirmed].sort());
    expect(await again()).toBe(0);
    expect(await digestOfWeek(site.db, 'zh-Hant', weekOf(t0))).toMatchObject({ sent: confirmed.length, remaining: 0 });

    const csv = await confirmedCsv(site.db);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('email,locale,confirmed_at');
    expect(lines).toContain(`'=cmd|calc@example.com,zh-Hans,${t0.toISOString()}`);
    expect(csv).not.toContain('again@example.com,zh-Hant,\r\n');
    expect(lines.length - 1).toBe(
      (await site.db.selectFrom('subscribers').select('id').where('status', '=', 'confirmed').execute()).length,
    );
  });
});

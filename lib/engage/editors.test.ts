import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import type { SiteDatabase } from './database';
import {
  addEditor,
  EditorError,
  listEditors,
  LOGIN_LIMIT,
  removeEditor,
  sessionOf,
  setPassword,
  signIn,
  signOut,
} from './editors';

let databases: TestDatabases;
beforeAll(async () => {
  databases = await testDatabases('editors');
}, 60_000);
afterAll(async () => databases?.stop());

const t0 = new Date('2026-12-04T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each(['sqlite', 'postgres'] as const)('editors on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
    await addEditor(site.db, 'chou', 'tide-watcher-2026', t0);
  }, 60_000);

  it('adds editors with a sound name and a long password, hashed with Argon2id', async () => {
    await expect(addEditor(site.db, 'Chou Admin', 'long enough password')).rejects.toThrow(EditorError);
    await expect(addEditor(site.db, 'lin', 'short')).rejects.toThrow(/至少要 12 個字元/);
    await expect(addEditor(site.db, 'chou', 'another long password')).rejects.toThrow(/已經有/);
    const row = await site.db
      .selectFrom('editors')
      .select('password_hash')
      .where('name', '=', 'chou')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('tide-watcher');
    expect((await listEditors(site.db)).map((e) => e.name)).toEqual(['chou']);
  });

  it('signs in with the right password only, into a session the database holds by hash', async () => {
    expect(await signIn(site.db, { name: 'chou', password: 'wrong password!', client: 'c1', now: t0 })).toEqual({
      ok: false,
      reason: 'wrong',
    });
    expect(await signIn(site.db, { name: 'nobody', password: 'tide-watcher-2026', client: 'c1', now: t0 })).toEqual({
      ok: false,
      reason: 'wrong',
    });
    const ok = await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'c1', now: t0 });
    if (!ok.ok) throw new Error('not signed in');
    const stored = await site.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(ok.token);
    expect(await sessionOf(site.db, ok.token, at(1))).toMatchObject({ editor: 'chou', csrf: ok.csrf });
    expect(await sessionOf(site.db, `${ok.token}x`, at(1))).toBeUndefined();
    // Twelve hours later the session is over.
    expect(await sessionOf(site.db, ok.token, at(12 * 60 + 1))).toBeUndefined();
    await signOut(site.db, ok.token);
    expect(await sessionOf(site.db, ok.token, at(2))).toBeUndefined();
  });

  it('makes a guesser wait after five failures, per name and client, and per client', async () => {
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) {
      expect(
        await signIn(site.db, { name: 'chou', password: `guess ${i} guess`, client: 'guesser', now: at(20) }),
      ).toEqual({ ok: false, reason: 'wrong' });
    }
    // Even the right password waits, from that client, for this name.
    expect(
      await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'guesser', now: at(21) }),
    ).toEqual({ ok: false, reason: 'throttled' });
    // The editor, elsewhere, is not locked out by someone else's guesses.
    expect(
      await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'office', now: at(21) }),
    ).toMatchObject({ ok: true });
    expect(
      await signIn(site.db, {
        name: 'chou',
        password: 'tide-watcher-2026',
        client: 'guesser',
        now: at(20 + LOGIN_LIMIT.minutes + 1),
      }),
    ).toMatchObject({ ok: true });
    // One client trying many names waits too.
    for (let i = 0; i < LOGIN_LIMIT.perClient; i++)
      await signIn(site.db, { name: `user${i}`, password: 'whatever password', client: 'sprayer', now: at(60) });
    expect(
      await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'sprayer', now: at(61) }),
    ).toEqual({ ok: false, reason: 'throttled' });
  });

  it('cannot be raced: guesses made at once are counted before they are checked', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(site.db, { name: 'chou', password: `parallel guess ${i}`, client: 'racer', now: at(70) }),
      ),
    );
    expect(guesses.filter((g) => !g.ok && g.reason === 'wrong')).toHaveLength(LOGIN_LIMIT.failures);
    expect(
      await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'racer', now: at(71) }),
    ).toEqual({ ok: false, reason: 'throttled' });
  });

  it('lets a device the editor signed in on before sign in while others guess from the same network', async () => {
    const first = await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'cafe', now: at(80) });
    if (!first.ok) throw new Error('not signed in');
    for (let i = 0; i < LOGIN_LIMIT.perClient + 2; i++)
      await signIn(site.db, { name: 'chou', password: `cafe guess ${i}`, client: 'cafe', now: at(81) });
    expect(await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'cafe', now: at(82) })).toEqual(
      { ok: false, reason: 'throttled' },
    );
    expect(
      await signIn(site.db, {
        name: 'chou',
        password: 'tide-watcher-2026',
        client: 'cafe',
        device: first.device,
        now: at(82),
      }),
    ).toMatchObject({ ok: true });
    // A device token is the editor's own: forged or another name's, it is no device at all.
    expect(
      await signIn(site.db, {
        name: 'chou',
        password: 'tide-watcher-2026',
        client: 'cafe',
        device: `${first.device}x`,
        now: at(82),
      }),
    ).toEqual({ ok: false, reason: 'throttled' });
  });

  it('signs every browser out when the password changes or the editor is removed', async () => {
    const first = await signIn(site.db, { name: 'chou', password: 'tide-watcher-2026', client: 'c2', now: at(120) });
    if (!first.ok) throw new Error('not signed in');
    await setPassword(site.db, 'chou', 'a brand new long password');
    expect(await sessionOf(site.db, first.token, at(121))).toBeUndefined();
    const second = await signIn(site.db, {
      name: 'chou',
      password: 'a brand new long password',
      client: 'c2',
      now: at(122),
    });
    if (!second.ok) throw new Error('not signed in');
    await removeEditor(site.db, 'chou');
    expect(await sessionOf(site.db, second.token, at(123))).toBeUndefined();
    await expect(removeEditor(site.db, 'chou')).rejects.toThrow(/沒有名為/);
  });
});

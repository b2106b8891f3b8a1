import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import { openDatabase, type SiteDatabase } from './database';
import { forgetAttempts, takeAttempt, withdrawAttempt } from './rate-limit';

let databases: TestDatabases;
beforeAll(async () => {
  databases = await testDatabases('rate-limit');
}, 60_000);
afterAll(async () => databases?.stop());

const t0 = new Date('2026-12-04T08:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const perMinute = [{ max: 3, seconds: 60 }];

describe.each(['sqlite', 'postgres'] as const)('the rate limiter on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
  }, 60_000);
  const count = async (key: string) =>
    (await site.db.selectFrom('attempts').select('key').where('key', '=', key).execute()).length;

  it('allows attempts up to the limit in the window, then says how long to wait', async () => {
    for (let i = 0; i < 3; i++)
      expect(await takeAttempt(site.db, 'a', perMinute, later(i))).toMatchObject({ ok: true });
    expect(await takeAttempt(site.db, 'a', perMinute, later(10))).toEqual({ ok: false, retryAfter: 50 });
    // A refused attempt is not counted: the window runs from the ones allowed.
    expect(await takeAttempt(site.db, 'a', perMinute, later(61))).toMatchObject({ ok: true });
    expect(await takeAttempt(site.db, 'b', perMinute, later(61))).toMatchObject({ ok: true });
  });

  it('holds every limit given, and forgets an attempt withdrawn', async () => {
    const limits = [...perMinute, { max: 4, seconds: 3600 }];
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push(await takeAttempt(site.db, 'c', limits, later(i)));
    const first = taken[0]!;
    if (!first.ok) throw new Error('refused');
    await withdrawAttempt(site.db, first);
    expect(await takeAttempt(site.db, 'c', limits, later(120))).toMatchObject({ ok: true });
    expect(await takeAttempt(site.db, 'c', limits, later(180))).toMatchObject({ ok: true });
    expect(await takeAttempt(site.db, 'c', limits, later(240))).toMatchObject({ ok: false });
    await forgetAttempts(site.db, ['c']);
    expect(await count('c')).toBe(0);
  });

  it('counts attempts made at once exactly: each is recorded before it is judged', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => takeAttempt(site.db, 'burst', perMinute, later(5))),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(await count('burst')).toBe(3);
  });

  it('shares its counts with another server on the same database', async () => {
    // PostgreSQL: the pool's connections are as many servers, all at once. SQLite: two handles on
    // one file, one after the other (better-sqlite3 waits for a lock synchronously, so two handles
    // in one process would wait on each other; two processes do not).
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rate-limit-')), 'shared.db');
    const [one, two] = kind === 'sqlite' ? [await openDatabase({ file }), await openDatabase({ file })] : [site, site];
    const take = (i: number) => takeAttempt((i % 2 ? one : two).db, 'shared', perMinute, later(5));
    const outcomes = [];
    if (kind === 'postgres') outcomes.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => take(i)))));
    else for (let i = 0; i < 20; i++) outcomes.push(await take(i));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    if (one !== site) await Promise.all([one.close(), two.close()]);
  });

  it('prunes attempts older than the longest window', async () => {
    await takeAttempt(site.db, 'old', perMinute, later(0));
    await takeAttempt(site.db, 'new', perMinute, later(3 * 24 * 3600));
    expect(await count('old')).toBe(0);
  });
});

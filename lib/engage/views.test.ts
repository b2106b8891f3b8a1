import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import type { SiteDatabase } from './database';
import { withClientAddress } from '@/lib/client-address';
import { mostRead, recordView, taipeiDay } from './views';

let databases: TestDatabases;
beforeAll(async () => {
  databases = await testDatabases('views');
}, 60_000);
afterAll(async () => databases?.stop());

const t0 = new Date('2026-12-04T02:00:00Z'); // 10:00 in Taipei
const hoursLater = (h: number) => new Date(t0.getTime() + h * 3600_000);

describe.each(['sqlite', 'postgres'] as const)('views on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
  }, 60_000);

  const view = (story: string, address: string, now = t0, locale = 'zh-Hant') =>
    recordView(site.db, { story, locale, headers: withClientAddress(address), now });

  it('counts a reader once a day per story, and stores no address', async () => {
    expect(await view('a', '203.0.113.1')).toBe('counted');
    expect(await view('a', '203.0.113.1', hoursLater(3))).toBe('seen');
    expect(await view('b', '203.0.113.1')).toBe('counted');
    expect(await view('a', '203.0.113.2')).toBe('counted');
    expect(await view('a', '203.0.113.1', t0, 'zh-Hant')).toBe('seen');
    const stored = JSON.stringify([
      await site.db.selectFrom('seen').selectAll().execute(),
      await site.db.selectFrom('views').selectAll().execute(),
    ]);
    expect(stored).not.toMatch(/203\.0\.113|Mozilla|iPhone/);
  });

  it('counts one address once per story per day, whatever browser it names (IPv6 by its /64)', async () => {
    // recordView takes no browser at all: 200 beacons from one address, each naming another, are one.
    for (let i = 0; i < 200; i++) await view('flood', '203.0.113.50');
    await view('flood', '2001:db8:1:2:aaaa::1');
    await view('flood', '2001:db8:1:2:bbbb::2');
    const flood = (await mostRead(site.db, { locale: 'zh-Hant', hours: 24, now: t0 })).find((r) => r.story === 'flood');
    expect(flood).toEqual({ story: 'flood', views: 2 });
  });

  it('forgets the day’s salt and readers when the next day starts, so the same reader counts again', async () => {
    const tomorrow = hoursLater(24);
    expect(taipeiDay(tomorrow)).not.toBe(taipeiDay(t0));
    expect(await view('a', '203.0.113.1', tomorrow)).toBe('counted');
    const salts = await site.db.selectFrom('salts').select('day').execute();
    expect(salts.map((s) => s.day)).toEqual([taipeiDay(tomorrow)]);
    const seen = await site.db.selectFrom('seen').select('day').distinct().execute();
    expect(seen.map((s) => s.day)).toEqual([taipeiDay(tomorrow)]);
  });

  it('ranks the most-read stories of one script over the last day or week', async () => {
    const now = hoursLater(24 * 3);
    for (let i = 0; i < 3; i++) await view('week-old', `198.51.100.${i}`, hoursLater(24 * 2 - 1));
    for (let i = 0; i < 2; i++) await view('today', `198.51.100.${i}`, hoursLater(24 * 3 - 2));
    await view('today', '198.51.100.9', hoursLater(24 * 3 - 2), 'zh-Hans');
    expect(await mostRead(site.db, { locale: 'zh-Hant', hours: 24, now })).toEqual([{ story: 'today', views: 2 }]);
    const week = await mostRead(site.db, { locale: 'zh-Hant', hours: 168, now });
    expect(week.slice(0, 3)).toEqual([
      { story: 'a', views: 3 },
      { story: 'week-old', views: 3 },
      { story: 'flood', views: 2 },
    ]);
    expect(await mostRead(site.db, { locale: 'zh-Hans', hours: 24, now })).toEqual([{ story: 'today', views: 1 }]);
    expect(await mostRead(site.db, { locale: 'zh-Hant', hours: 168, now, limit: 1 })).toHaveLength(1);
  });
});

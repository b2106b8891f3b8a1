import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClientAddress } from '@/lib/client-address';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import type { SiteDatabase } from './database';
import { webhookGate } from './webhook-gate';

let databases: TestDatabases;
const TOKEN = 'webhook-gate-test-token-0123456789';
let before: string | undefined;
beforeAll(async () => {
  databases = await testDatabases('webhook-gate');
  before = process.env.PUBLISH_TOKEN;
  process.env.PUBLISH_TOKEN = TOKEN;
}, 60_000);
afterAll(async () => {
  if (before === undefined) delete process.env.PUBLISH_TOKEN;
  else process.env.PUBLISH_TOKEN = before;
  await databases?.stop();
});

const right = `Bearer ${TOKEN}`;

describe.each(['sqlite', 'postgres'] as const)('the publish webhook’s gate on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
  }, 60_000);
  const call = (authorization: string | null, address: string) =>
    webhookGate(authorization, withClientAddress(address), async () => site);

  it('never refuses the right token because of others’ bad calls', async () => {
    for (let c = 0; c < 7; c++)
      for (let i = 0; i < 10; i++) expect(await call('Bearer guess', `198.51.100.${c}`)).toMatchObject({ ok: false });
    expect(await call(right, '203.0.113.1')).toEqual({ ok: true });
  });

  it('counts only failed calls, per client, and makes a guesser wait', async () => {
    for (let i = 0; i < 20; i++) expect(await call(right, '203.0.113.2')).toEqual({ ok: true });
    const guesses = [];
    for (let i = 0; i < 11; i++) guesses.push(await call(`Bearer guess-${i}`, '203.0.113.2'));
    expect(guesses.slice(0, 10).every((g) => !g.ok && g.refusal === 'unauthorized')).toBe(true);
    expect(guesses[10]).toMatchObject({ ok: false, refusal: 'too-fast' });
    expect((guesses[10] as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect(await call(null, '203.0.113.3')).toEqual({ ok: false, refusal: 'unauthorized' });
    // The publisher itself, even behind the guesser's address, still gets in.
    expect(await call(right, '203.0.113.2')).toEqual({ ok: true });
  });
});

describe('the publish webhook’s gate without its database', () => {
  it('tells a bad call to come back later (503), and still lets the right token in', async () => {
    const down = async (): Promise<SiteDatabase> => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await webhookGate('Bearer guess', withClientAddress('203.0.113.4'), down)).toMatchObject({
      ok: false,
      refusal: 'unavailable',
      retryAfter: expect.any(Number),
    });
    expect(await webhookGate(right, withClientAddress('203.0.113.4'), down)).toEqual({ ok: true });
  });
});

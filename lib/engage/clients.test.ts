import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClientAddress } from '@/lib/client-address';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import { clientOf, networkOf } from './clients';
import type { SiteDatabase } from './database';

let databases: TestDatabases;
beforeAll(async () => {
  databases = await testDatabases('clients');
}, 60_000);
afterAll(async () => databases?.stop());

describe('the network a client is known by', () => {
  it('is an IPv4 address whole, and the IPv4 address inside an IPv4-mapped IPv6 one', () => {
    expect(networkOf('203.0.113.5')).toBe('203.0.113.5');
    expect(networkOf('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(networkOf('::FFFF:cb00:7105')).toBe('203.0.113.5');
  });

  it('is the /64 of an IPv6 address, however the address is written', () => {
    const same = [
      '2001:db8::1',
      '2001:db8:0:0:1::',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:DB8::ABCD:1',
      '2001:db8::1%eth0',
      '2001:db8:0:0:ffff:ffff:ffff:ffff',
    ];
    for (const address of same) expect(networkOf(address), address).toBe(networkOf('2001:db8::'));
    expect(networkOf('2001:db8:0:1::1')).not.toBe(networkOf('2001:db8::1'));
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe(networkOf('2001:db8:1:2:bbbb::9'));
    expect(networkOf('fe80::1%eth0')).toBe(networkOf('FE80::2%wlan0'));
  });
});

describe.each(['sqlite', 'postgres'] as const)('clients on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
  }, 60_000);
  const client = (address: string) => clientOf(site.db, withClientAddress(address));

  it('knows a client by a keyed hash of its address, never the address', async () => {
    const a = await client('203.0.113.5');
    expect(a).toBe(await client('203.0.113.5'));
    expect(a).not.toBe(await client('203.0.113.6'));
    expect(a).not.toContain('203');
    // One IPv6 /64 is one client: a phone changes the rest of its address at will.
    expect(await client('2001:db8:1:2:aaaa::1')).toBe(await client('2001:db8:1:2:bbbb::9'));
    expect(await client('2001:db8::1')).toBe(await client('2001:db8:0:0:1::'));
    expect(await client('2001:db8::1')).not.toBe(await client('2001:db8:0:1::'));
  });
});

import { describe, expect, it, vi } from 'vitest';
import { doorInPlace, markDoor, vouchedClient } from './client';

// Before markDoor() this process has no front door: outside production the header is taken as
// it is (next dev, route tests); in production no address is vouched for. After it, only the
// door's proof makes an address.

describe('the vouched client address', () => {
  it('is taken as sent without a door outside production, and refused in production', () => {
    expect(doorInPlace()).toBe(false);
    const headers = new Headers({ 'x-client-address': '198.51.100.7' });
    expect(vouchedClient(headers)).toBe('198.51.100.7');
    expect(vouchedClient(new Headers())).toBe('local');
    vi.stubEnv('NODE_ENV', 'production');
    expect(vouchedClient(headers)).toBeUndefined();
    vi.unstubAllEnvs();
  });

  it('needs the door’s proof once the door is in place', () => {
    markDoor();
    expect(doorInPlace()).toBe(true);
    expect(vouchedClient(new Headers({ 'x-client-address': '198.51.100.7' }))).toBeUndefined();
    expect(
      vouchedClient(new Headers({ 'x-client-address': '198.51.100.7', 'x-client-proof': 'AAAA' })),
    ).toBeUndefined();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawSocialCard } from './social-card';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('drawing a social card', () => {
  it('sends no request: characters its font lacks, and emoji, are left out', async () => {
    // next/og loads its own WebAssembly through fetch() of a data: URL; anything else is the network.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith('data:')) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error('no network while drawing a card'));
    });
    const png = await drawSocialCard({
      locale: 'zh-Hans',
      title: '软件与物流 🚀 改写零售业\u{E000}',
      section: '电商',
      label: '广编企划',
      siteName: '观潮科技',
      hero: { src: '/images/draft-hero.png', hash: 'x' },
    });
    expect(network).toEqual([]);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 30_000);
});

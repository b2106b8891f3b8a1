import { describe, expect, it } from 'vitest';
import { pageMetadata } from './metadata';

describe('pageMetadata', () => {
  it('lists the page in both scripts plus x-default, and is its own canonical', () => {
    const meta = pageMetadata({ locale: 'zh-Hans', path: '/tags/ai', title: 't', description: 'd' });
    expect(meta.alternates?.canonical).toBe('/zh-Hans/tags/ai');
    expect(meta.alternates?.languages).toEqual({
      'zh-Hant': '/zh-Hant/tags/ai',
      'zh-Hans': '/zh-Hans/tags/ai',
      'x-default': '/zh-Hant/tags/ai',
    });
  });

  it('points a republished piece at its original as canonical', () => {
    const meta = pageMetadata({
      locale: 'zh-Hant',
      path: '/articles/x',
      title: 't',
      description: 'd',
      canonical: 'https://partner.example/original',
    });
    expect(meta.alternates?.canonical).toBe('https://partner.example/original');
  });

  it('gives each page of a listing its own address', () => {
    const meta = pageMetadata({ locale: 'zh-Hant', path: '/sections/tech', page: 3, title: 't', description: 'd' });
    expect(meta.alternates?.canonical).toBe('/zh-Hant/sections/tech/page/3');
    expect(meta.alternates?.languages).toMatchObject({ 'zh-Hans': '/zh-Hans/sections/tech/page/3' });
  });

  it('marks a converted page so editors can find it', () => {
    const meta = pageMetadata({
      locale: 'zh-Hans',
      path: '/articles/x',
      title: 't',
      description: 'd',
      derivedFrom: 'zh-Hant',
    });
    expect(meta.other).toEqual({ 'content-derived-from': 'zh-Hant' });
  });

  it('shares a social card as a large image, with its type and alt text, on Open Graph and X', () => {
    const image = {
      src: '/zh-Hant/articles/x/og/0123456789abcdef.png',
      alt: '廣編企劃｜標題',
      width: 1200,
      height: 630,
      type: 'image/png',
    };
    const meta = pageMetadata({ locale: 'zh-Hant', path: '/articles/x', title: '標題', description: 'd', image });
    expect(new URL(String(meta.metadataBase)).origin).toBe(
      new URL(process.env.SITE_URL ?? 'http://localhost:3000').origin,
    );
    expect(meta.openGraph?.images).toEqual([
      { url: image.src, width: 1200, height: 630, alt: image.alt, type: 'image/png' },
    ]);
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', images: [{ url: image.src, alt: image.alt }] });
  });
});

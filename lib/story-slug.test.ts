import { describe, expect, it } from 'vitest';
import { storySlugOf } from './story-slug';

describe('storySlugOf', () => {
  it('decodes a story slug once', () => {
    expect(storySlugOf('double-11-ten-years')).toBe('double-11-ten-years');
    expect(storySlugOf('ai%2Dchips')).toBe('ai-chips');
  });

  it('refuses what does not decode or is no slug, without throwing', () => {
    for (const param of ['%zz', '%25zz', '%E0%A4%A', 'No%20Slug', '', '-a', 'a--b', '..', 'a%2Fb'])
      expect(storySlugOf(param), param).toBeUndefined();
  });
});

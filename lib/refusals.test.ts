import { describe, expect, it } from 'vitest';
import { jsonAnswer, seeOther, statusOf } from './refusals';

describe('outcomes and their statuses', () => {
  it('answers each outcome with its status, and a field refusal it does not name with 400', () => {
    expect(statusOf('created')).toBe(201);
    expect(statusOf('too-large')).toBe(413);
    expect(statusOf('unsupported-type')).toBe(415);
    expect(statusOf('too-fast')).toBe(429);
    expect(statusOf('unavailable')).toBe(503);
    expect(statusOf('name-too-long')).toBe(400);
  });

  it('never lets an answer be cached', async () => {
    const answer = jsonAnswer('too-fast', { error: 'too-fast' }, { 'Retry-After': '30' });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(await answer.json()).toEqual({ error: 'too-fast' });
    const back = seeOther('/zh-Hant/newsletter?status=check-inbox');
    expect([back.status, back.headers.get('location'), back.headers.get('cache-control')]).toEqual([
      303,
      '/zh-Hant/newsletter?status=check-inbox',
      'no-store',
    ]);
  });
});

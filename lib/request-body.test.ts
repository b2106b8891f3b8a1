import { describe, expect, it } from 'vitest';
import { readBodyText, readFields } from './request-body';

// The one body reader: it stops at the limit whatever the body says of its length, and tells
// 413, 415 and 400 apart.

const CHUNK = 64 * 1024;

/** A chunked body (no Content-Length) of `total` bytes, counting what the reader pulls from it. */
function endlessBody(total: number, byte = 0x61) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        counter.pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(byte));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://site.test/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const HUGE = 64 * 1024 * 1024;

describe('the body reader', () => {
  // Each kind of use: a reader's form or JSON (comments, newsletter), an editor's form (admin), and
  // plain text (the view beacon's script, the publish notice).
  const uses = [
    ['a reader’s form', (r: Request) => readFields(r, { maxBytes: 16 * 1024, types: ['form', 'json'] }), FORM],
    ['a reader’s JSON', (r: Request) => readFields(r, { maxBytes: 4096, types: ['form', 'json'] }), JSON_TYPE],
    ['an editor’s form', (r: Request) => readFields(r, { maxBytes: 8192, types: ['form'] }), FORM],
    ['plain text', (r: Request) => readBodyText(r, 64), {}],
  ] as const;

  it.each(uses)('stops reading a chunked body far over the limit (%s)', async (_, read, headers) => {
    const { stream, counter } = endlessBody(HUGE);
    const outcome = await read(post(stream, headers));
    expect(outcome).toMatchObject({ ok: false, refusal: 'too-large' });
    expect(counter.pulled).toBeLessThanOrEqual(16 * 1024 + 2 * CHUNK);
    expect(counter.cancelled).toBe(true);
  });

  it.each(uses)('refuses a Content-Length over the limit without reading (%s)', async (_, read, headers) => {
    const { stream, counter } = endlessBody(HUGE);
    const outcome = await read(post(stream, { ...headers, 'content-length': String(HUGE) }));
    expect(outcome).toMatchObject({ ok: false, refusal: 'too-large' });
    expect(counter.pulled).toBe(0);
  });

  it('reads a form and a JSON object, and says which it was', async () => {
    expect(await readFields(post('name=%E8%AE%80%E8%80%85&body=hi', FORM), { maxBytes: 100, types: ['form'] })).toEqual(
      { ok: true, fields: { name: '讀者', body: 'hi' }, isForm: true },
    );
    expect(
      await readFields(post('{"name":"讀者","parent":3}', JSON_TYPE), { maxBytes: 100, types: ['form', 'json'] }),
    ).toEqual({ ok: true, fields: { name: '讀者', parent: 3 }, isForm: false });
    expect(await readBodyText(post('zh-Hant'), 64)).toEqual({ ok: true, text: 'zh-Hant' });
    expect(await readBodyText(post(null), 64)).toEqual({ ok: true, text: '' });
  });

  it('refuses another type (415) and a malformed body (400)', async () => {
    const fields = (body: string, headers: Record<string, string>, types: ('form' | 'json')[] = ['form', 'json']) =>
      readFields(post(body, headers), { maxBytes: 100, types });
    expect(await fields('a=1', { 'content-type': 'text/plain' })).toMatchObject({ refusal: 'unsupported-type' });
    expect(await fields('{}', JSON_TYPE, ['form'])).toMatchObject({ refusal: 'unsupported-type' });
    expect(await fields('a=1', {})).toMatchObject({ refusal: 'unsupported-type' });
    for (const bad of ['{not json', '[1,2]', 'null', '"text"'])
      expect(await fields(bad, JSON_TYPE)).toMatchObject({ ok: false, refusal: 'malformed', isForm: false });
    expect(await readBodyText(post(new Uint8Array([0xff, 0xfe, 0x41])), 64)).toMatchObject({ refusal: 'malformed' });
  });

  it('counts bytes, not characters', async () => {
    // Twenty-two Chinese characters are 66 bytes in UTF-8: over a 64-byte limit.
    expect(await readBodyText(post('讀'.repeat(22)), 64)).toMatchObject({ ok: false, refusal: 'too-large' });
    expect(await readBodyText(post('讀'.repeat(21)), 64)).toMatchObject({ ok: true });
  });
});

import { isLocale, type Locale } from '@/i18n/locales';

// The one reader of request bodies for every route that takes a POST. It reads the stream itself and
// stops at the limit, so that a chunked body (no Content-Length) of any size costs no more than the
// limit to refuse; a Content-Length over the limit is refused unread.

/** Why a body was refused: too large (413), of a type the route does not take (415), or malformed (400). */
type BodyRefusal = 'too-large' | 'unsupported-type' | 'malformed';

type BodyText = { ok: true; text: string } | { ok: false; refusal: 'too-large' | 'malformed' };

const FORM_TYPE = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** The body as UTF-8 text, read only while it stays within `maxBytes`. */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, refusal: 'too-large' };
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, refusal: 'too-large' };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, refusal: 'malformed' };
  }
}

/** What a form or JSON object sent: everything unknown until the route checks it. */
export type Fields = Record<string, unknown>;
export type ReadFields =
  { ok: true; fields: Fields; isForm: boolean } | { ok: false; refusal: BodyRefusal; isForm: boolean };

/**
 * A form (URL-encoded) or a JSON object, of the types the route takes, within `maxBytes`. `isForm`
 * says whether the sender is a plain page form, which is answered with a page rather than JSON.
 */
export async function readFields(
  request: Request,
  { maxBytes, types }: { maxBytes: number; types: readonly ('form' | 'json')[] },
): Promise<ReadFields> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const isForm = type === FORM_TYPE;
  if (!(isForm && types.includes('form')) && !(type === JSON_TYPE && types.includes('json'))) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, refusal: 'unsupported-type', isForm };
  }
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return { ...read, isForm };
  const fields = isForm ? Object.fromEntries(new URLSearchParams(read.text)) : jsonObject(read.text);
  return fields ? { ok: true, fields, isForm } : { ok: false, refusal: 'malformed', isForm };
}

/** A JSON object, or undefined for anything else (an array, a string, null, or not JSON at all). */
function jsonObject(text: string): Fields | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Fields) : undefined;
  } catch {
    return undefined;
  }
}

/** The script a form names in its `locale` field, when it names one of the site's. */
export function formLocale(fields: Fields): Locale | undefined {
  return isLocale(fields['locale']) ? fields['locale'] : undefined;
}

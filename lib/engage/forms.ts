import type { NextRequest } from 'next/server';
import { isLocale, type Locale } from '@/i18n/locales';

// Reading what a reader's form sends: a plain form (no script on the page) or JSON, small, and an
// object; anything else is told apart so that the route can answer 413, 415 or 400.

export type ReadForm =
  | { ok: true; form: Record<string, unknown>; isForm: boolean }
  | { ok: false; status: 400 | 413 | 415; isForm: boolean };

export async function readReaderForm(request: NextRequest, maxBytes: number): Promise<ReadForm> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const isForm = type === 'application/x-www-form-urlencoded';
  if (!isForm && type !== 'application/json') return { ok: false, status: 415, isForm };
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return { ok: false, status: 413, isForm };
  const text = await request.text();
  if (text.length > maxBytes) return { ok: false, status: 413, isForm };
  try {
    const parsed: unknown = isForm ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return { ok: true, form: parsed as Record<string, unknown>, isForm };
  } catch {
    // Not JSON: malformed, as below.
  }
  return { ok: false, status: 400, isForm };
}

/** The script a reader's form names in its `locale` field, when it names one of the site's. */
export function formLocale(form: Record<string, unknown>): Locale | undefined {
  return isLocale(form['locale']) ? form['locale'] : undefined;
}

import { hasPublishToken } from '@/lib/publish';
import { clientOf } from './clients';
import type { SiteDatabase } from './database';
import { takeAttempt } from './rate-limit';

// Who may call the publish webhook (app/api/publish). The token is checked first, in constant time,
// and a call that carries it is never refused; only failed calls are counted, per client, so that
// others' guessing cannot lock the real publisher out.

/** Failed calls one client may make in a minute before it must wait. */
const FAILED_CALLS = { max: 10, seconds: 60 };
/** What a bad call is told to wait when the database cannot count it. */
const UNAVAILABLE_RETRY_SECONDS = 30;

export type WebhookGate =
  | { ok: true }
  | { ok: false; refusal: 'publish-disabled' | 'unauthorized' }
  | { ok: false; refusal: 'too-fast' | 'unavailable'; retryAfter: number };

export async function webhookGate(
  authorization: string | null,
  headers: Headers,
  database: () => Promise<SiteDatabase>,
): Promise<WebhookGate> {
  if (hasPublishToken(authorization)) return { ok: true };
  try {
    const { db } = await database();
    const attempt = await takeAttempt(db, `publish:${await clientOf(db, headers)}`, [FAILED_CALLS]);
    if (!attempt.ok) return { ok: false, refusal: 'too-fast', retryAfter: attempt.retryAfter };
  } catch (error) {
    console.error('A failed publish call could not be counted:', error);
    return { ok: false, refusal: 'unavailable', retryAfter: UNAVAILABLE_RETRY_SECONDS };
  }
  return { ok: false, refusal: process.env.PUBLISH_TOKEN ? 'unauthorized' : 'publish-disabled' };
}

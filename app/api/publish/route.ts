import { revalidateTag } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { announcePagesChanged } from '@/lib/door/pages-changed';
import { siteDatabase } from '@/lib/engage/database';
import { webhookGate } from '@/lib/engage/webhook-gate';
import { noticeTags, runPublishStep } from '@/lib/publish';
import { jsonAnswer, noStore } from '@/lib/refusals';
import { readBodyText } from '@/lib/request-body';

// POST /api/publish, with `Authorization: Bearer <PUBLISH_TOKEN>`:
// - from `npm run publish` (or this server's scheduled stories), a JSON notice `{ "tags": [...] }`:
//   the cache tags of what changed (lib/page-tags.ts), revalidated at once, and the front door's
//   recent pages to forget;
// - from a git host's webhook, anything else: the server runs the publish step itself
//   (git pull, check, compile, index, notify every server) and answers with its report.
// Any other method gets 405 from Next, as this file exports POST only.

/** Most request bodies are a git host's push event; a notice of a publish's tags stays far under this. */
const MAX_BODY = 8 * 1024 * 1024;

const REFUSED = {
  'publish-disabled': 'Publishing is not enabled on this server: set PUBLISH_TOKEN.',
  unauthorized: 'A valid publish token is required.',
  'too-fast': 'Too many failed publish requests.',
  unavailable: 'The server cannot take publish requests now; try again later.',
};

export async function POST(request: NextRequest) {
  // The token first: the right one is never refused because of others' bad calls (lib/engage/webhook-gate.ts).
  const gate = await webhookGate(request.headers.get('authorization'), request.headers, siteDatabase);
  if (!gate.ok) {
    const headers: Record<string, string> = 'retryAfter' in gate ? { 'Retry-After': String(gate.retryAfter) } : {};
    if (gate.refusal === 'unauthorized') headers['WWW-Authenticate'] = 'Bearer';
    return jsonAnswer(gate.refusal, { error: REFUSED[gate.refusal] }, headers);
  }

  const read = await readBodyText(request, MAX_BODY);
  if (!read.ok && read.refusal === 'too-large')
    return jsonAnswer('too-large', { error: 'The request body is too large.' });
  let body: unknown;
  try {
    body = read.ok ? (read.text ? JSON.parse(read.text) : {}) : undefined;
  } catch {
    body = undefined;
  }
  if (body === undefined) return jsonAnswer('malformed', { error: 'The request body is not JSON.' });

  if (typeof body === 'object' && body !== null && 'tags' in body) {
    const tags = noticeTags(body);
    if (!tags) return jsonAnswer('malformed', { error: "tags must be a list of this site's cache tags." });
    // Gone at once, not served stale while it renders again: a fix must not wait for a second reader.
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    announcePagesChanged();
    return jsonAnswer('ok', { revalidated: tags.length });
  }

  const { ok, report } = await runPublishStep();
  return NextResponse.json({ published: ok, report }, { status: ok ? 200 : 422, headers: noStore });
}

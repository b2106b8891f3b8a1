import { revalidatePath } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { hasPublishToken, noticePaths, publishRetryAfter, publishTokenAccepted, runPublishStep } from '@/lib/publish';

// POST /api/publish, with `Authorization: Bearer <PUBLISH_TOKEN>`:
// - from `npm run publish`, a JSON notice `{ "paths": [...] }`: the pages to revalidate;
// - from a git host's webhook, anything else: the server runs the publish step itself
//   (git pull, check, compile, index, notify every server) and answers with its report.
// Any other method gets 405 from Next, as this file exports POST only.

const json = (status: number, body: object, headers: Record<string, string> = {}) =>
  NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/** Most request bodies are a git host's push event; a notice of every page of a big site stays under this. */
const MAX_BODY = 8 * 1024 * 1024;

export async function POST(request: NextRequest) {
  // Set by the front door from the connection, never by the client (lib/door/front-door.ts).
  const client = request.headers.get('x-client-address') || 'direct';
  const wait = await publishRetryAfter(client);
  if (wait > 0) return json(429, { error: 'Too many publish requests.' }, { 'Retry-After': String(wait) });
  if (!hasPublishToken(request.headers.get('authorization'))) {
    if (!process.env.PUBLISH_TOKEN)
      return json(403, { error: 'Publishing is not enabled on this server: set PUBLISH_TOKEN.' });
    return json(401, { error: 'A valid publish token is required.' }, { 'WWW-Authenticate': 'Bearer' });
  }
  await publishTokenAccepted(client);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY)
    return json(413, { error: 'The request body is too large.' });

  const text = await request.text();
  if (text.length > MAX_BODY) return json(413, { error: 'The request body is too large.' });
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    return json(400, { error: 'The request body is not JSON.' });
  }

  if (typeof body === 'object' && body !== null && 'paths' in body) {
    const paths = noticePaths(body);
    if (!paths) return json(400, { error: 'paths must be a list of page paths of this site.' });
    for (const path of paths) revalidatePath(path);
    return json(200, { revalidated: paths.length });
  }

  const { ok, report } = await runPublishStep();
  return json(ok ? 200 : 422, { published: ok, report });
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { searchBundleDir, searchManifestFile } from '@/lib/search';

// Serves the search index (lib/search.ts). A route, not public/: the server lists public/ once when
// it starts, and a publish writes a new version of the index while it runs.

export const dynamic = 'force-dynamic';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

type PagefindFileProps = { params: Promise<{ file: string[] }> };

export async function GET(_request: Request, { params }: PagefindFileProps) {
  const { file } = await params;
  const notFound = () =>
    new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  if (file.length > 6 || !file.every((segment) => SEGMENT.test(segment))) return notFound();
  const full = path.join(searchBundleDir, ...file);
  let body: Buffer;
  try {
    body = await readFile(full);
  } catch {
    return notFound();
  }
  // The manifest changes with each publish; every other file sits in a version folder that never changes.
  const cacheControl = full === searchManifestFile ? 'public, max-age=60' : 'public, max-age=31536000, immutable';
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': TYPES[path.extname(full)] ?? 'application/octet-stream', 'Cache-Control': cacheControl },
  });
}

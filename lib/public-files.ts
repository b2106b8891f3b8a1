import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

// The stories' pictures under public/images, read when asked for: Next lists public/ once when the
// server starts, so a picture that a publish adds later would be 404 until a restart
// (app/images/[...file]/route.ts serves what that list misses).

/** Where the pictures are: the project's public/images (the server runs in the project). */
const publicImagesDir = path.join(/* turbopackIgnore: true */ process.cwd(), 'public', 'images');

/** The picture types the site serves, the same the front door lets the image optimizer take. */
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const MAX_DEPTH = 8;
/** Pictures keep their names when an editor replaces one: an hour, as the front door's `file` policy. */
const CACHE_CONTROL = 'public, max-age=3600';

/** The file a request's path segments name under `dir`, or undefined when they name no picture there. */
export function resolvePublicImage(segments: string[], dir = publicImagesDir): string | undefined {
  if (segments.length === 0 || segments.length > MAX_DEPTH) return undefined;
  if (!segments.every((segment) => SEGMENT.test(segment) && !segment.includes('..'))) return undefined;
  const file = path.resolve(dir, ...segments);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return undefined;
  return IMAGE_TYPES[path.extname(file).toLowerCase()] ? file : undefined;
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** True when the client's copy, named by `etag` or dated `modified`, is still the file's. */
function fresh(request: Request, etag: string, modified: Date): boolean {
  const match = request.headers.get('if-none-match');
  if (match !== null) return match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = Date.parse(request.headers.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

/** The answer to a GET or HEAD of /images/<segments>: the picture, a 304, or a 404. */
export async function publicImageResponse(
  request: Request,
  segments: string[],
  dir = publicImagesDir,
): Promise<Response> {
  const file = resolvePublicImage(segments, dir);
  if (file === undefined) return notFound();
  const info = await stat(/* turbopackIgnore: true */ file).catch(() => undefined);
  if (!info?.isFile()) return notFound();
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': IMAGE_TYPES[path.extname(file).toLowerCase()]!,
    'Cache-Control': CACHE_CONTROL,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
  };
  if (fresh(request, etag, info.mtime)) return new Response(null, { status: 304, headers });
  if (request.method === 'HEAD')
    return new Response(null, { headers: { ...headers, 'Content-Length': String(info.size) } });
  const body = await readFile(/* turbopackIgnore: true */ file).catch(() => undefined);
  if (body === undefined) return notFound();
  return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Length': String(body.length) } });
}

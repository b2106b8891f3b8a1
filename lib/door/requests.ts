import { statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { deviceSizes, imageSizes, qualities } from '../image-sizes.mjs';
import { methodsOf } from './methods';

// What the front door refuses before Next sees a request (lib/door/front-door.ts), and the Range
// headers it mends: a request that is not one of the site's gets a plain 4xx with the site's headers.

export type Refusal = { status: number; reason: string; headers: Record<string, string> };

/** Where the files the server sends as they are live: public/ and Next's .next/static/. */
export type FileDirs = { publicDir: string; staticDir: string };

const problem = (status: number, reason: string, headers: Record<string, string> = {}): Refusal => ({
  status,
  reason,
  headers,
});

const IMAGE_PATH = /^\/images\/[A-Za-z0-9/_.-]+\.(?:jpe?g|png|webp|avif|gif)$/i;
/** The widths and qualities the site asks the image optimizer for (next.config.js configures it with them). */
const IMAGE_WIDTHS = new Set<number>([...deviceSizes, ...imageSizes]);
const IMAGE_QUALITIES = new Set<number>(qualities);
const IMAGE_ROUTE = '/_next/image';

/** Why a request is refused; undefined when it may pass (its Range header perhaps mended). */
export function refusal(req: IncomingMessage, files: FileDirs): Refusal | undefined {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return problem(400, 'The request target must be a path.');
  const query = target.indexOf('?');
  const pathname = query === -1 ? target : target.slice(0, query);
  const decoded = decodedPath(pathname);
  if (typeof decoded !== 'string') return decoded;
  if (query !== -1 && !decodes(target.slice(query + 1).replace(/\+/g, ' ')))
    return problem(400, 'The query has broken percent-encoding.');
  const allowed = methodsOf(pathname);
  if (!allowed.includes(req.method as never))
    return problem(405, `${req.method} is not allowed here.`, { Allow: allowed.join(', ') });
  // Next reaches its image optimizer by any path that begins like it (/_next/image;x, /_next/image%3B):
  // only the exact path, which the checks below hold to the site's own pictures, is let through.
  if (decoded.startsWith(IMAGE_ROUTE) && pathname !== IMAGE_ROUTE) return problem(404, 'There is no such path.');
  if (pathname === IMAGE_ROUTE && !isSiteImage(new URLSearchParams(query === -1 ? '' : target.slice(query + 1))))
    return problem(400, 'Only pictures of this site, at the sizes it uses, are resized here.');
  return req.method === 'GET' ? rangeRefusal(req, decoded, files) : undefined;
}

/** The path, decoded once; a refusal when it does not decode or holds what no page's path holds. */
function decodedPath(pathname: string): string | Refusal {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return problem(400, 'The path has broken percent-encoding.');
  }
  if (/[\u0000-\u001F\u007F]/.test(decoded) || /[\u0000-\u0020\u007F]/.test(pathname))
    return problem(400, 'The path has control characters.');
  // Browsers resolve `.` and `..` before they ask; a request that still has them is probing.
  if (/(?:^|[/\\])\.{1,2}(?:[/\\]|$)/.test(decoded)) return problem(400, 'The path has dot segments.');
  return decoded;
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function isSiteImage(params: URLSearchParams): boolean {
  const url = params.get('url') ?? '';
  return (
    IMAGE_PATH.test(url) &&
    !url.includes('..') &&
    IMAGE_WIDTHS.has(Number(params.get('w'))) &&
    IMAGE_QUALITIES.has(Number(params.get('q') ?? 75))
  );
}

type ByteRange = { first: number | undefined; last: number | undefined };

/** The ranges of a `bytes=` header; undefined when it does not parse or asks for bytes in the wrong order. */
function parseRanges(header: string): ByteRange[] | undefined {
  const parts = /^bytes=([\d\s,-]+)$/
    .exec(header)?.[1]
    ?.split(',')
    .map((part) => /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(part));
  if (!parts || parts.some((m) => !m || (m[1] === '' && m[2] === ''))) return undefined;
  const ranges = parts.map((m) => ({
    first: m![1] === '' ? undefined : Number(m![1]),
    last: m![2] === '' ? undefined : Number(m![2]),
  }));
  return ranges.some((r) => r.first !== undefined && r.last !== undefined && r.first > r.last) ? undefined : ranges;
}

/**
 * HTTP says to ignore a Range that does not parse; one that holds no byte of a file is 416. Next's
 * file server answers 500 to a suffix longer than the file or to an end past it, which HTTP serves
 * as the whole file or up to its end: those, and lists of ranges, are answered whole (a 200 is
 * always a correct answer to a Range).
 */
function rangeRefusal(req: IncomingMessage, decoded: string, files: FileDirs): Refusal | undefined {
  const header = req.headers.range;
  if (header === undefined) return undefined;
  const ranges = parseRanges(header);
  const size = ranges ? fileSize(decoded, files) : undefined;
  if (!ranges || size === undefined) {
    if (!ranges) delete req.headers.range;
    return undefined;
  }
  const holdsAByte = ({ first, last }: ByteRange) => (first === undefined ? last! > 0 && size > 0 : first < size);
  if (!ranges.some(holdsAByte))
    return problem(416, 'The range holds no byte of the file.', { 'Content-Range': `bytes */${size}` });
  const within = ({ first, last }: ByteRange) =>
    first === undefined ? last! < size : first < size && (last === undefined || last < size);
  if (ranges.length > 1 || !within(ranges[0]!)) delete req.headers.range;
  return undefined;
}

/** The size of the file a path names under public/ or .next/static/; undefined when it names none. */
function fileSize(pathname: string, { publicDir, staticDir }: FileDirs): number | undefined {
  const [dir, rest] = pathname.startsWith('/_next/static/')
    ? [staticDir, pathname.slice('/_next/static/'.length)]
    : [publicDir, pathname.slice(1)];
  const file = path.join(dir, rest);
  if (!file.startsWith(dir + path.sep)) return undefined;
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// The reader's address as the routes see it (rate limits, bans, view counts): taken from the
// connection by the front door, never from what the client sends, and vouched for by the door, so
// that a request that did not pass the door (a server started without it) has no address at all.
// The route handlers run in the door's own process: the door's key lives on globalThis, where the
// bundled routes find it.

const DOOR = Symbol.for('guanchao.frontDoor');
const ADDRESS = 'x-client-address';
const PROOF = 'x-client-proof';

type DoorMark = { key: Buffer };
const marked = () => (globalThis as { [DOOR]?: DoorMark })[DOOR];

/** Marks this process as served through the front door; the key is new on every start. */
export function markDoor(): void {
  (globalThis as { [DOOR]?: DoorMark })[DOOR] ??= { key: randomBytes(32) };
}

/** Whether this process serves through the front door. */
export function doorInPlace(): boolean {
  return marked() !== undefined;
}

/** Stops a production server that was started without the front door (instrumentation.ts). */
export function stopWithoutDoor(): void {
  if (doorInPlace()) return;
  console.error('This server has no front door: start it with `npm start` (docs/deploy.md).');
  process.exit(1);
}

const proofOf = (key: Buffer, address: string) => createHmac('sha256', key).update(address).digest();

/**
 * The address of the client: the socket's, or behind TRUST_PROXY_HOPS proxies (a CDN, a load
 * balancer) the address the outermost trusted one saw, counted from the right of X-Forwarded-For,
 * where a client cannot write.
 */
function socketClient(req: IncomingMessage): string {
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  const socket = req.socket?.remoteAddress ?? '';
  if (!(hops > 0)) return socket.replace(/^::ffff:/, '');
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return (forwarded[forwarded.length - hops] ?? forwarded[0] ?? socket).replace(/^::ffff:/, '');
}

/** Sets the client's address on the request for the routes, with the door's proof; drops what the client sent. */
export function vouchForClient(req: IncomingMessage): void {
  const mark = marked();
  if (!mark) throw new Error('The front door is not marked in this process (markDoor).');
  const address = socketClient(req);
  req.headers[ADDRESS] = address;
  req.headers[PROOF] = proofOf(mark.key, address).toString('base64url');
}

/**
 * The client's address the door vouched for; undefined when the request did not pass the door.
 * Without a door outside production (`next dev`, unit tests of the routes) the header is taken as
 * it is, or 'local': there every request comes from the developer's machine.
 */
export function vouchedClient(headers: Headers): string | undefined {
  const mark = marked();
  if (!mark) return process.env.NODE_ENV === 'production' ? undefined : headers.get(ADDRESS)?.trim() || 'local';
  const address = headers.get(ADDRESS);
  const proof = Buffer.from(headers.get(PROOF) ?? '', 'base64url');
  const expected = address === null ? undefined : proofOf(mark.key, address);
  return expected && proof.length === expected.length && timingSafeEqual(proof, expected) ? address! : undefined;
}

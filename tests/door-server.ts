import { rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { frontDoor, guardServer } from '../lib/door/front-door';

/**
 * The front door around a real HTTP server on a free port, with `next` in Next's place, for the
 * tests of one file: started before them, stopped (and `root` removed) after them.
 */
export function doorServer(
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
  options: Parameters<typeof frontDoor>[1],
) {
  const server = guardServer(http.createServer(frontDoor(next, options)));
  const door = { server, origin: '', port: 0 };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    door.port = (server.address() as AddressInfo).port;
    door.origin = `http://127.0.0.1:${door.port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(options.root, { recursive: true, force: true });
  });
  return door;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

// A real redis-server for the tests and benchmarks that share a cache between servers (`apt-get install redis-server`;
// .ci/run installs it). Nothing is saved to disk.

export type RedisServer = { url: string; stop(): Promise<void> };

export async function startRedis(port: number): Promise<RedisServer> {
  const server: ChildProcess = spawn(
    process.env.REDIS_SERVER ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const failed = new Promise<never>((_, reject) =>
    server.once('error', (e) => reject(new Error(`redis-server could not start: ${e.message}`))),
  );
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
  for (let i = 0; i < 100; i++) {
    if (await Promise.race([answers(), failed])) {
      return {
        url: `redis://127.0.0.1:${port}`,
        async stop() {
          if (server.exitCode !== null || server.signalCode !== null) return;
          const exited = new Promise((r) => server.once('exit', r));
          server.kill();
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`redis-server did not answer on port ${port}`);
}

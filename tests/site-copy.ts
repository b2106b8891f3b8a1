import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A throwaway copy of the built site for tests that change content: its own content/, index,
// search index and build (whose page cache lives in its own folder), sharing the project's
// node_modules and static assets. The project itself is never touched.

const root = process.cwd();
/** What the publish step needs of the project, besides content and the build. */
const SOURCES = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'pipeline',
  'scripts',
  'content',
  'public',
  'package.json',
  'tsconfig.json',
  'contentlayer.config.ts',
  'next.config.js',
];

export type SiteCopy = {
  dir: string;
  origin: string;
  /** Starts a server of the copy (npm start) with these extra settings, on `port` (its own by default). */
  start(env?: Record<string, string>, port?: number): Promise<void>;
  /** Stops every server of the copy. */
  stop(): Promise<void>;
  /** Path inside the copy. */
  file(relative: string): string;
  read(relative: string): string;
  write(relative: string, text: string): void;
  /** Commits everything, as an editor would before publishing. */
  commit(message: string): void;
  /** Runs `npm run publish`; resolves with its exit code and output. */
  publish(env?: Record<string, string>): Promise<{ status: number; output: string }>;
  remove(): void;
};

/** Folders of the build a server of the copy would write to or does not need. */
const SHARED_BUILD = new Set(['cache', 'dev', 'static']);

/** Copies the sources, the content index and the build into a new folder, sharing the rest. */
function copySite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guanchao-site-'));
  for (const entry of SOURCES) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  cpSync(path.join(root, '.contentlayer'), path.join(dir, '.contentlayer'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}shards`),
  });
  const build = path.join(root, '.next');
  cpSync(build, path.join(dir, '.next'), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => path.dirname(src) !== build || !SHARED_BUILD.has(path.basename(src)),
  });
  symlinkSync(path.join(root, '.next', 'static'), path.join(dir, '.next', 'static'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** Starts the copy's server and waits until it answers; `servers` holds it from the start, to stop it. */
async function startServer(dir: string, env: NodeJS.ProcessEnv, port: number, servers: ChildProcess[]) {
  servers.push(spawn('node', ['--import', 'tsx/esm', 'scripts/start.ts'], { cwd: dir, env, stdio: 'ignore' }));
  for (let i = 0; i < 1200; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/zh-Hant`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The copy's server did not start on port ${port}`);
}

/** Runs `npm run publish` in the copy; resolves with its exit code and output. */
function runPublish(dir: string, env: NodeJS.ProcessEnv): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'publish'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status: status ?? 1, output }));
  });
}

export function makeSiteCopy(port: number, token: string): SiteCopy {
  const dir = copySite();
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'gc.auto=0', '-c', 'user.name=Test Editor', '-c', 'user.email=editor@example.com', ...args],
      { cwd: dir, stdio: 'pipe' },
    );
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Site as built');

  const origin = `http://127.0.0.1:${port}`;
  const baseEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    PUBLISH_TOKEN: token,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const servers: ChildProcess[] = [];

  return {
    dir,
    origin,
    start: (env = {}, on = port) => startServer(dir, { ...baseEnv, PORT: String(on), ...env }, on, servers),
    async stop() {
      await Promise.all(
        servers.splice(0).map(async (server) => {
          if (server.exitCode !== null) return;
          const exited = new Promise((r) => server.once('exit', r));
          server.kill();
          await exited;
        }),
      );
    },
    file: (relative) => path.join(dir, relative),
    read: (relative) => readFileSync(path.join(dir, relative), 'utf8'),
    write(relative, text) {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-qm', message);
    },
    publish: (env = {}) => runPublish(dir, { ...baseEnv, ...env }),
    // A git process of the copy's may still be writing its objects: removal retries a moment later.
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }),
  };
}

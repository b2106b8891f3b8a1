// What the page benchmarks share: the pages they measure, and a server to measure them on.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '@/i18n/locales';
import { indexFile } from '@/lib/content-files';
import type { ContentIndex } from '@/lib/content-model';

/** The kinds of page the benchmarks measure, in one script: a home, an article, a tag and the search page. */
export function samplePages(locale: Locale): Record<'home' | 'article' | 'tag' | 'search', string> {
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as ContentIndex;
  // A scheduled article (dated later) is in the index but answers 404 until its time.
  const article = index.articles.find((a) => a.locale === locale && !a.draft && Date.parse(a.publishedAt) <= Date.now());
  if (!article) throw new Error(`No ${locale} article in the content index: run npm run build first.`);
  return {
    home: `/${locale}`,
    article: article.path,
    tag: `/${locale}/tags/${article.tagSlugs[0]}`,
    search: `/${locale}/search`,
  };
}

export type Server = { url: string; stop: () => void; pid: number | undefined };

/** Starts a server (`next start` or a static file server) and resolves once it answers `probe`. */
export async function startServer(
  command: string[],
  port: number,
  probe = '/',
  origin = `http://127.0.0.1:${port}`,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Server> {
  // A server left running on the port would answer the probe while ours fails to start, and the
  // benchmark would measure it instead (an older build, say) without a word.
  const taken = await fetch(origin + probe).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Something already answers on ${origin}: stop it first, or the benchmark would measure it instead of this build.`);
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    stdio: 'ignore',
    cwd: options.cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), ...options.env },
  });
  const url = origin;
  const stop = () => void child.kill();
  process.on('exit', stop);
  let exitCode: number | null = null;
  child.on('exit', (code) => (exitCode = code ?? 1));
  for (let attempt = 0; attempt < 100 && exitCode === null; attempt++) {
    try {
      const response = await fetch(url + probe);
      if (response.ok) return { url, stop, pid: child.pid };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`${command.join(' ')} ${exitCode === null ? 'did not answer' : `exited with ${exitCode}`} on port ${port}.`);
}

/** The production server of the build in this folder, as `npm start` runs it; it listens on PORT. */
export const productionServer = () => [process.execPath, path.join('scripts', 'start.mjs')];

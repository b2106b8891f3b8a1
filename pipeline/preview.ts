// The live preview (`npm run dev`, scripts/dev.ts): the site with drafts and scheduled pieces
// visible, updated while an editor works.
// contentlayer2 runs in watch mode (it recompiles a saved article in well under a second); each time
// it writes, this process checks the content and re-indexes it in-process, and `next dev` refreshes
// the open page by itself because the app imports the index's revision file. A problem is printed
// and the page keeps showing the last good version until it is fixed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { checkContent } from './check/check-content';
import { checkCacheFile } from './check/cache';
import { formatProblems } from './check/format';
import { asSaved } from './check/text-rules';
import { splitArticle } from './check/yaml';
import { contentHash } from './content-hash';
import { defaultGeneratedDir, readGenerated, summaryFileName, type GeneratedContent } from './index/generated';
import { writeContentIndex } from './index/write-index';
import { writeAtomically } from './files';
import { previewProblemsFile } from '@/lib/content-files';
import { contentSchemas } from './schema';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const children: ChildProcess[] = [];

/**
 * True when what contentlayer compiled is what the check just read: every compiled article's body is
 * its file's body now, and no article file was saved since the check began. The check reads the
 * sources and the index reads contentlayer's output a moment apart; a save in between (or a save not
 * compiled yet) would otherwise put a body the check never saw, or rejected, in front of the editor.
 */
function compiledAsChecked(generated: GeneratedContent, checkStarted: number): boolean {
  return generated.allArticles.every((article) => {
    const file = path.join(contentDir, article._raw.sourceFilePath);
    const body = splitArticle(asSaved(readFileSync(file, 'utf8')))?.body;
    return statSync(file).mtimeMs < checkStarted && body !== undefined && contentHash(body) === article.body.rawHash;
  });
}

function update(retry: () => void) {
  const started = performance.now();
  const checkStarted = Date.now();
  const problems = checkContent({
    contentDir: path.resolve(contentDir),
    publicDir: path.resolve('public'),
    schemas: contentSchemas,
    now: new Date(),
    cacheFile: checkCacheFile,
  });
  let ok = problems.length === 0;
  if (ok) {
    try {
      const generated = readGenerated({ dirs: [defaultGeneratedDir] });
      if (!compiledAsChecked(generated, checkStarted)) {
        // A save is on its way through contentlayer; its write brings another update, and in case
        // contentlayer folded two saves into one write, so does a retry shortly.
        console.log('… 內容還在編譯，稍後自動更新');
        retry();
        return;
      }
      ok = writeContentIndex(generated) !== undefined;
    } catch {
      // contentlayer is halfway through writing (or a file was just removed): try again shortly, in
      // case that write was its last; an editor has nothing to fix, nor a stack trace to read.
      console.log('… 內容還在編譯，稍後自動更新');
      retry();
      return;
    }
  } else {
    console.error(formatProblems(problems, contentDir));
  }
  // The open page shows what is wrong too, over the last good version (components/layout/preview-problems.tsx).
  if (!ok || problems.length > 0) {
    const shown =
      problems.length > 0
        ? problems.slice(0, 20).map(({ file, line, column, message, fix }) => ({
            file: `${contentDir}/${file}`,
            line,
            column,
            message,
            fix,
          }))
        : [{ file: contentDir, message: '內容還沒能更新', fix: '詳情請看執行 npm run dev 的終端機' }];
    writeAtomically(previewProblemsFile, JSON.stringify({ problems: shown }));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    ok ? `✓ 內容已更新（${seconds} 秒），瀏覽器會自動重新整理` : '✗ 內容有問題，網站暫時維持上一版；修正後存檔即可',
  );
}

/** Builds the content once, strictly, then serves `next dev` (with `nextArgs`) and updates it on every save. */
export function startPreview(nextArgs: string[]): void {
  // Drafts are shown: in this process's index step and in every step it starts.
  process.env.INCLUDE_DRAFTS = '1';
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  // The first build is complete and strict: the preview starts only from content that passes.
  for (const step of [
    ['tsx', 'scripts/check-content.ts'],
    ['tsx', 'scripts/compile-content.ts'],
    ['tsx', 'scripts/index-content.ts'],
  ]) {
    if (spawnSync('npx', step, { stdio: 'inherit', env }).status !== 0) process.exit(1);
  }

  let timer: NodeJS.Timeout | undefined;
  // Retries of an update that found contentlayer mid-write: a few seconds' worth, then the next
  // save or compile brings the next update (a save contentlayer refuses never compiles).
  let retries = 0;
  const retryLater = () => {
    if (retries++ < 20) setTimeout(() => update(retryLater), 500);
  };
  const schedule = () => {
    retries = 0;
    clearTimeout(timer);
    timer = setTimeout(() => update(retryLater), 150);
  };

  // Start the preview once contentlayer's watcher is up, so that no save goes unnoticed.
  // contentlayer's own output is an internal dump on a broken save: the check says what is wrong in
  // words an editor reads (terminal and page), so only its progress lines pass, and its errors are
  // shown only if it stops.
  const compiler = spawn('npx', ['contentlayer2', 'dev'], { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
  children.push(compiler);
  let lastErrors = '';
  compiler.stderr?.on('data', (chunk: Buffer) => (lastErrors = (lastErrors + chunk.toString()).slice(-4000)));
  compiler.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`contentlayer 停止了（${code}）：\n${lastErrors}`);
  });
  let started = false;
  compiler.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (/^Generated \d+ documents?/.test(line.trim())) console.log(line.trim());
    if (started || !chunk.toString().includes('Generated')) return;
    started = true;
    // The index step's own summary of what contentlayer wrote (pipeline/index/generated.ts) is not news.
    watch(defaultGeneratedDir, { recursive: true }, (_, file) => {
      if (!file?.endsWith(summaryFileName)) schedule();
    });
    watch(path.join('public', 'images'), { recursive: true }, schedule);
    // A save the compiler rejects writes nothing: checking on every save still tells the editor why.
    watch(contentDir, { recursive: true }, (_, file) => {
      if (file && !path.basename(file).startsWith('.')) schedule();
    });
    const next = spawn('npx', ['next', 'dev', ...nextArgs], { stdio: 'inherit', env, detached: true });
    const portAt = nextArgs.findIndex((a) => a === '-p' || a === '--port');
    const port = (portAt >= 0 ? nextArgs[portAt + 1] : undefined) ?? process.env.PORT ?? '3000';
    console.log(`\n預覽網址：http://localhost:${port}/zh-Hant（簡體：/zh-Hans；也可以用 http://127.0.0.1:${port}）\n`);
    children.push(next);
    next.on('exit', (code) => process.exit(code ?? 0));
  });

  // Each child leads its own process group (detached), so that stopping the preview stops what the
  // children started too (npx, next dev's workers, contentlayer's), not only the children.
  const stop = (signal: NodeJS.Signals) => {
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // That group has ended already.
      }
    }
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}

// The live preview (`npm run dev`, scripts/dev.ts): the site with drafts and scheduled pieces
// visible, updated while an editor works.
// contentlayer2 runs in watch mode (it reads a saved article again in well under a second); each time
// it writes, this process checks the content, compiles the bodies not compiled before
// (pipeline/mdx-compile.ts) and re-indexes it in-process, and `next dev` refreshes
// the open page by itself because the app imports the index's revision file. A problem is printed
// and the page keeps showing the last good version until it is fixed.
// Everything it writes stays in its own folder (.contentlayer/preview: contentlayer's output and the
// index with drafts), and next dev writes .next/dev: a production server in the same project keeps
// serving what its build and the last publish wrote.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { checkContent } from './check/check-content';
import { checkCacheFile } from './check/cache';
import { compileBodiesIn, removeBrokenPackageFile } from './compile';
import { formatProblems } from './check/format';
import { asSaved } from './check/text-rules';
import { splitArticle } from './check/yaml';
import { contentHash } from './content-hash';
import { readGenerated, summaryFileName, type GeneratedContent } from './index/generated';
import { writeContentIndex } from './index/write-index';
import { writeAtomically } from './files';
import { contentOutDir, previewProblemsFile } from '@/lib/content-files';
import { contentSchemas } from './schema';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const children: ChildProcess[] = [];
const root = process.cwd();

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

async function update(generatedDir: string, retry: () => void) {
  const started = performance.now();
  const checkStarted = Date.now();
  const problems = checkContent({
    contentDir: path.resolve(contentDir),
    publicDir: path.resolve('public'),
    schemas: contentSchemas,
    now: new Date(),
    cacheFile: checkCacheFile,
  });
  // contentlayer is halfway through writing (or a file was just removed): try again shortly, in
  // case that write was its last; an editor has nothing to fix, nor a stack trace to read.
  const stillCompiling = () => {
    console.log('… 內容還在編譯，稍後自動更新');
    retry();
  };
  // A body the check let through that still does not compile is the editor's to fix as well. The
  // bodies are read from what contentlayer wrote, which may be half written too.
  if (problems.length === 0) {
    try {
      problems.push(...(await compileBodiesIn([generatedDir])).problems);
    } catch {
      return stillCompiling();
    }
  }
  let ok = problems.length === 0;
  if (ok) {
    try {
      const generated = readGenerated({ dirs: [generatedDir] });
      // A save on its way through contentlayer: its write brings another update, and in case
      // contentlayer folded two saves into one write, so does a retry shortly.
      if (!compiledAsChecked(generated, checkStarted)) return stillCompiling();
      ok = writeContentIndex(generated) !== undefined;
    } catch {
      return stillCompiling();
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

/**
 * Starts `contentlayer2 dev` with `previewDir` as its working folder, so that it writes its output and
 * cache there (contentlayer takes its working folder from PWD), not in the project's .contentlayer.
 */
function startCompiler(previewDir: string, env: NodeJS.ProcessEnv): ChildProcess {
  mkdirSync(previewDir, { recursive: true });
  removeBrokenPackageFile(previewDir);
  const cli = path.join(root, 'node_modules', 'contentlayer2', 'bin', 'cli.cjs');
  const compiler = spawn(process.execPath, [cli, 'dev', '--config', path.join(root, 'contentlayer.config.ts')], {
    cwd: previewDir,
    env: { ...env, CONTENT_DIR: path.resolve(contentDir), PWD: previewDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(compiler);
  // contentlayer's own output is an internal dump on a broken save: the check says what is wrong in
  // words an editor reads (terminal and page), so only its progress lines pass, and its errors are
  // shown only if it stops.
  let lastErrors = '';
  compiler.stderr?.on('data', (chunk: Buffer) => (lastErrors = (lastErrors + chunk.toString()).slice(-4000)));
  compiler.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`contentlayer 停止了（${code}）：\n${lastErrors}`);
  });
  return compiler;
}

/** Serves `next dev` (with `nextArgs`); the preview ends when it does. */
function startNext(nextArgs: string[], env: NodeJS.ProcessEnv) {
  const next = spawn('npx', ['next', 'dev', ...nextArgs], { stdio: 'inherit', env, detached: true });
  const portAt = nextArgs.findIndex((a) => a === '-p' || a === '--port');
  const port = (portAt >= 0 ? nextArgs[portAt + 1] : undefined) ?? process.env.PORT ?? '3000';
  console.log(`\n預覽網址：http://localhost:${port}/zh-Hant（簡體：/zh-Hans；也可以用 http://127.0.0.1:${port}）\n`);
  children.push(next);
  // Its watcher too: next dev refuses to start beside another in the project, and would leave it running.
  next.on('exit', (code) => stop('SIGTERM', code ?? 0));
}

/**
 * Checks the content once, strictly, compiles it into `previewDir` and indexes it into its site/
 * (CONTENT_DATA_DIR, which scripts/dev.ts sets), then serves `next dev` (with `nextArgs`) and
 * updates it on every save.
 */
export function startPreview(previewDir: string, nextArgs: string[]): void {
  if (contentOutDir !== path.join(previewDir, 'site'))
    throw new Error("CONTENT_DATA_DIR must name the preview's own folder");
  // Drafts are shown: in this process's index step and in every step it starts.
  process.env.INCLUDE_DRAFTS = '1';
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  // The first build is complete and strict: the preview starts only from content that passes.
  const check = spawnSync(process.execPath, [...process.execArgv, 'scripts/check-content.ts'], {
    stdio: 'inherit',
    env,
  });
  if (check.status !== 0) process.exit(1);
  const generatedDir = path.join(previewDir, '.contentlayer', 'generated');

  let timer: NodeJS.Timeout | undefined;
  // One update at a time: each waits for the body compile, and two must not index at once.
  let updating = Promise.resolve();
  const runUpdate = () => (updating = updating.then(() => update(generatedDir, retryLater)));
  // Retries of an update that found contentlayer mid-write: a few seconds' worth, then the next
  // save or compile brings the next update (a save contentlayer refuses never compiles).
  let retries = 0;
  const retryLater = () => {
    if (retries++ < 20) setTimeout(runUpdate, 500);
  };
  const schedule = () => {
    retries = 0;
    clearTimeout(timer);
    timer = setTimeout(runUpdate, 150);
  };

  // The watcher's first compile is the preview's first build: indexed strictly, then next dev starts,
  // and from then on every save is noticed.
  const compiler = startCompiler(previewDir, env);
  let started = false;
  compiler.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (/^Generated \d+ documents?/.test(line.trim())) console.log(line.trim());
    if (started || !chunk.toString().includes('Generated')) return;
    started = true;
    void firstBuild(generatedDir).then(() => {
      // The index step's own summary of what contentlayer wrote (pipeline/index/generated.ts) is not news.
      watch(generatedDir, { recursive: true }, (_, file) => {
        if (!file?.endsWith(summaryFileName)) schedule();
      });
      watch(path.join('public', 'images'), { recursive: true }, schedule);
      // A save the compiler rejects writes nothing: checking on every save still tells the editor why.
      watch(contentDir, { recursive: true }, (_, file) => {
        if (file && !path.basename(file).startsWith('.')) schedule();
      });
      startNext(nextArgs, env);
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}

/** The preview's first build, strict: its bodies compiled and indexed, or the preview stops. */
async function firstBuild(generatedDir: string) {
  const { problems } = await compileBodiesIn([generatedDir]);
  if (problems.length > 0) {
    console.error(formatProblems(problems, contentDir));
    stop('SIGTERM', 1);
  }
  if (!writeContentIndex(readGenerated({ dirs: [generatedDir] }))) stop('SIGTERM', 1);
}

/**
 * Each child leads its own process group (detached), so that stopping the preview stops what the
 * children started too (npx, next dev's workers, contentlayer's), not only the children.
 */
function stop(signal: NodeJS.Signals, code = 0): never {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // That group has ended already.
    }
  }
  process.exit(code);
}

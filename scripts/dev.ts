// `npm run dev`: the site with drafts and scheduled pieces visible, rebuilt from content/ whenever
// an editor saves a file. A content problem is printed and the last good content stays on screen.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { watch } from 'node:fs';
import path from 'node:path';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const env = { ...process.env, INCLUDE_DRAFTS: '1', NEXT_TELEMETRY_DISABLED: '1' };
const step = (args: string[]) => spawnSync('npx', args, { stdio: 'inherit', env }).status === 0;
const run = promisify(execFile);
// Runs a step in the background and prints its output when it ends.
const background = (args: string[]) =>
  run('npx', args, { env }).then(
    ({ stdout }) => (process.stdout.write(stdout), true),
    (error: { stdout?: string; stderr?: string }) => (process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}`), false),
  );

/** Check, compile and index the content; true when the site now shows the new content. */
async function rebuild(): Promise<boolean> {
  const started = performance.now();
  // The check and the compiler read the same files: run them side by side, index when both pass.
  const [checked, compiled] = await Promise.all([background(['tsx', 'scripts/check-content.ts']), background(['contentlayer2', 'build'])]);
  const ok = checked && compiled && step(['tsx', 'scripts/index-content.ts']);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(ok ? `✓ 內容已更新（${seconds} 秒），瀏覽器會自動重新整理` : '✗ 內容有問題，網站暫時維持上一版；修正後存檔即可');
  return ok;
}

if (!(await rebuild())) process.exit(1);
const next = spawn('npx', ['next', 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env });
next.on('exit', (code) => process.exit(code ?? 0));

let timer: NodeJS.Timeout | undefined;
let running = false;
let again = false;
const schedule = () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void rebuild().then(() => {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    });
  }, 300);
};
for (const dir of [contentDir, path.join('public', 'images')]) {
  watch(dir, { recursive: true }, (_, file) => {
    if (file && !path.basename(file).startsWith('.')) schedule();
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));

// `npm run dev`: the site with drafts and scheduled pieces visible, updated while an editor works.
// contentlayer2 runs in watch mode (it recompiles a saved article in well under a second); each time
// it writes, the index step runs again, and `next dev` refreshes the open page by itself because the
// app imports the index's revision file. The content check runs beside it on every save and prints
// any problem; until the problem is fixed the page keeps showing the last good version.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const env = { ...process.env, INCLUDE_DRAFTS: '1', NEXT_TELEMETRY_DISABLED: '1' };
const children: ChildProcess[] = [];
const start = (args: string[]) => {
  const child = spawn('npx', args, { stdio: 'inherit', env });
  children.push(child);
  return child;
};
const runSync = (args: string[]) => spawnSync('npx', args, { stdio: 'inherit', env }).status === 0;

/** Runs `args` now, or once more after the current run when asked again meanwhile. */
function serial(args: string[], done?: (ok: boolean) => void) {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const go = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    spawn('npx', args, { stdio: 'inherit', env }).on('exit', (code) => {
      running = false;
      done?.(code === 0 && (console.log(`  （${((performance.now() - started) / 1000).toFixed(1)} 秒）`), true));
      if (again) {
        again = false;
        go();
      }
    });
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(go, 200);
  };
}

// The first build is complete and strict: the preview starts only from content that passes.
if (!(runSync(['tsx', 'scripts/check-content.ts']) && runSync(['contentlayer2', 'build']) && runSync(['tsx', 'scripts/index-content.ts']))) {
  process.exit(1);
}

const reindex = serial(['tsx', 'scripts/index-content.ts'], (ok) =>
  console.log(ok ? '✓ 內容已更新，瀏覽器會自動重新整理' : '✗ 內容有問題，網站暫時維持上一版；修正後存檔即可'),
);
const recheck = serial(['tsx', 'scripts/check-content.ts']);

start(['contentlayer2', 'dev']);
const next = start(['next', 'dev', ...process.argv.slice(2)]);
next.on('exit', (code) => process.exit(code ?? 0));

watch(path.join('.contentlayer', 'generated'), { recursive: true }, reindex);
watch(path.join('public', 'images'), { recursive: true }, reindex);
watch(contentDir, { recursive: true }, (_, file) => {
  if (file && !path.basename(file).startsWith('.')) recheck();
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(0);
  });
}

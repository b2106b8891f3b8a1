import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import { nextStart, startServer } from './scripts/bench-common';
const server = await startServer(nextStart(3300), 3300, '/zh-Hant');
const browser = spawn('/usr/bin/chromium', ['--headless=new', '--remote-debugging-port=9333', '--no-sandbox', '--disable-gpu', 'about:blank'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2000));
const path = process.argv[2] ?? '/zh-Hant/articles/cross-border-live-commerce';
await fetch(server.url + path);
const r = await lighthouse(server.url + path, { port: 9333, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'seo', 'accessibility', 'best-practices'] });
const lhr = r!.lhr;
console.log('benchmarkIndex', lhr.environment.benchmarkIndex, 'perf', lhr.categories.performance!.score);
for (const id of ['canonical', 'color-contrast', 'heading-order', 'errors-in-console', 'bootup-time', 'mainthread-work-breakdown', 'total-blocking-time', 'largest-contentful-paint-element', 'lcp-phases', 'long-tasks', 'render-blocking-resources']) {
  const a = lhr.audits[id]; if (!a) continue;
  console.log('\n##', id, a.score, a.displayValue ?? '', a.explanation ?? '');
  const items = (a.details as any)?.items ?? [];
  for (const it of items.slice(0, 6)) console.log('  ', JSON.stringify(it).slice(0, 300));
}
server.stop(); browser.kill(); process.exit(0);

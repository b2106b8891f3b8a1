// `npm run check:content`: checks all content without building the site and prints every problem
// as `file:line:column  message  （how to fix）`. Exits non-zero when there is any.
// `--only FILE…` (paths inside the content folder) reports only those files' problems; the git
// pre-commit hook uses it for the staged articles. `--explain FILE` prints instead the other script
// of that article as the build derives it, each vocabulary and glossary replacement marked.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '@/pipeline/check/check-content';
import { checkCacheFile } from '@/pipeline/check/cache';
import { formatProblems } from '@/pipeline/check/format';
import { explainConversion } from '@/pipeline/explain';
import { contentSchemas } from '@/pipeline/schema';

const { values, positionals } = parseArgs({
  options: { only: { type: 'string', multiple: true }, explain: { type: 'string' } },
  allowPositionals: true,
});
const only = values.only ? new Set([...values.only, ...positionals]) : undefined;

const contentDir = process.env.CONTENT_DIR ?? 'content';
if (values.explain !== undefined) {
  const result = explainConversion(values.explain, contentDir);
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(result.lines.join('\n'));
  process.exit(0);
}
const started = performance.now();
const problems = checkContent({
  contentDir: path.resolve(contentDir),
  publicDir: path.resolve(process.env.PUBLIC_DIR ?? 'public'),
  schemas: contentSchemas,
  now: new Date(),
  only,
  cacheFile: checkCacheFile,
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (problems.length > 0) {
  console.error(formatProblems(problems, contentDir));
  console.error(`內容檢查：${problems.length} 個問題（${seconds} 秒）`);
  process.exit(1);
}
console.log(`內容檢查：沒有問題（${seconds} 秒）`);

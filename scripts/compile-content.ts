// `npm run content`, second step: contentlayer2 reads the content and its bodies are compiled
// (pipeline/compile.ts); a body that does not compile stops the step, named for the editor.
// `--changed FILE…` (paths inside the content folder) compiles as a publish does: only those
// files' story folders, in the overlay beside the shards of the last full compile.
import { parseArgs } from 'node:util';
import { formatProblems } from '@/pipeline/check/format';
import { compileContent } from '@/pipeline/compile';

const { values } = parseArgs({ options: { changed: { type: 'string', multiple: true } } });
const problems = await compileContent(values.changed && new Set(values.changed));
if (problems.length > 0) {
  console.error(formatProblems(problems, process.env.CONTENT_DIR ?? 'content'));
  console.error(`內文編譯：${problems.length} 個問題。請依上面的說明修正後再執行。`);
  process.exit(1);
}

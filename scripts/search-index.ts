// `npm run search:index`, after `next build`: the search index of both scripts (pipeline/search-index.ts).
// With `--job FILE` it indexes the parts of one script that file names, as a child of the run
// without it; with `--from ORIGIN` it reads the pages from that server instead of the build's files.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { indexScriptForParent, writeSearchIndex } from '@/pipeline/search-index';

const { values } = parseArgs({
  options: { job: { type: 'string' }, from: { type: 'string' } },
});
if (values.job) await indexScriptForParent(values.job);
else await writeSearchIndex(fileURLToPath(import.meta.url), { origin: values.from });

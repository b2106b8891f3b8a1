// `npm run search:index`, after `next build`: the search index of both scripts (pipeline/search-index.tsx).
// With `--job FILE` it indexes the parts of one script that file names, as a child of the run
// without it.
import '@/pipeline/react-production';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { indexScriptForParent, writeSearchIndex } from '@/pipeline/search-index';

const { values } = parseArgs({ options: { job: { type: 'string' } } });
if (values.job) await indexScriptForParent(values.job);
else await writeSearchIndex(fileURLToPath(import.meta.url));

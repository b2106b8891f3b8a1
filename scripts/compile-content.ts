// `npm run content`, second step: contentlayer2 compiles the content (pipeline/compile.ts).
// `--changed FILE…` (paths inside the content folder) compiles as a publish does: only those
// files' story folders, in the overlay beside the shards of the last full compile.
import { parseArgs } from 'node:util';
import { compileContent } from '@/pipeline/compile';

const { values } = parseArgs({ options: { changed: { type: 'string', multiple: true } } });
await compileContent(values.changed && new Set(values.changed));

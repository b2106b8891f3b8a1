// `npm run publish`: puts what changed in content/ live on the running servers (pipeline/publish.ts).
// `--pull` first runs `git pull --ff-only` (the webhook uses it). Exits non-zero when nothing was published.
import '@/pipeline/react-production';
import { parseArgs } from 'node:util';
import { publish } from '@/pipeline/publish';

const { values } = parseArgs({ options: { pull: { type: 'boolean', default: false } } });
const { ok } = await publish({ pull: values.pull });
if (!ok) process.exit(1);

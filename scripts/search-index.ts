// `npm run search:index`, after `next build`: the search index of both scripts (pipeline/search-index.ts).
// With `--locale L` it indexes one script, as a child of the run without it; with `--from ORIGIN`
// it reads the pages from that server instead of the build's files (the publish step does).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLocale } from '@/i18n/locales';
import { indexScriptForParent, writeSearchIndex } from '@/pipeline/search-index';

const { values } = parseArgs({ options: { locale: { type: 'string' }, version: { type: 'string' }, from: { type: 'string' } } });
if (values.locale === undefined) await writeSearchIndex(fileURLToPath(import.meta.url), values.from);
else if (isLocale(values.locale) && values.version) await indexScriptForParent(values.locale, values.version, values.from);
else throw new Error(`Unknown locale ${values.locale}`);

// `npm run search:index`, after `next build`: the search index of both scripts (pipeline/search-index.ts).
// With `--locale L` it indexes one script, as a child of the run without it.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLocale } from '@/i18n/locales';
import { indexScriptForParent, writeSearchIndex } from '@/pipeline/search-index';

const { values } = parseArgs({ options: { locale: { type: 'string' } } });
if (values.locale === undefined) await writeSearchIndex(fileURLToPath(import.meta.url));
else if (isLocale(values.locale)) await indexScriptForParent(values.locale);
else throw new Error(`Unknown locale ${values.locale}`);

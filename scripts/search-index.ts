// `npm run search:index`, after `next build`: the search index of both scripts (pipeline/search-index.ts).
// With `--locale L --version V --parts K,…` it indexes those parts of one script, as a child of the
// run without it; with `--from ORIGIN` it reads the pages from that server instead of the build's
// files (the publish step does).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLocale } from '@/i18n/locales';
import { indexScriptForParent, writeSearchIndex } from '@/pipeline/search-index';

const { values } = parseArgs({
  options: { locale: { type: 'string' }, version: { type: 'string' }, parts: { type: 'string' }, from: { type: 'string' }, changed: { type: 'string' } },
});
if (values.locale === undefined) await writeSearchIndex(fileURLToPath(import.meta.url), { origin: values.from });
else if (isLocale(values.locale) && values.version && values.parts) await indexScriptForParent(values.locale, values.version, values.parts.split(','), values.from, values.changed);
else throw new Error(`Unknown locale ${values.locale}`);

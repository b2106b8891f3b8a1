// `npm run bench:convert`: how well, and how fast, the converter turns one script into the other.
// Scores raw OpenCC, OpenCC with the house glossary, and the build's converter (OpenCC, regional
// vocabulary, glossary) on the test set (tests/conversion-set.yaml), then times each on the bodies
// of the articles in content/articles (the median of several runs). Prints a table.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import type { Locale } from '@/i18n/locales';
import { openccSettings, type Replacement } from '@/lib/script-convert';
import { readConversionSet, scoreConversion } from '../pipeline/conversion-set';
import { createConverter } from '../pipeline/convert';
import { readGlossary } from '../pipeline/search-conversion';

type Convert = (text: string, from: Locale) => { text: string; replacements: Replacement[] };

const runs = Number(process.env.RUNS ?? 15);
const set = readConversionSet();
const glossary = readGlossary();

// Real article bodies, front matter left out: what the index step converts, story by story.
const articlesDir = path.resolve(process.env.CONTENT_DIR ?? 'content', 'articles');
const bodies = readdirSync(articlesDir).flatMap((slug) =>
  readdirSync(path.join(articlesDir, slug))
    .filter((name) => /^zh-Han[st]\.mdx$/.test(name))
    .map((name) => ({
      from: name.startsWith('zh-Hant') ? ('zh-Hant' as const) : ('zh-Hans' as const),
      text: readFileSync(path.join(articlesDir, slug, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
    })),
);
const characters = bodies.reduce((sum, b) => sum + b.text.length, 0);

const raw = {
  'zh-Hant': OpenCC.Converter(openccSettings['zh-Hant']),
  'zh-Hans': OpenCC.Converter(openccSettings['zh-Hans']),
};
const withGlossary = createConverter(glossary, null);
const full = createConverter(glossary);
const converters: [string, Convert][] = [
  ['raw OpenCC', (text, from) => ({ text: raw[from](text), replacements: [] })],
  ['OpenCC + glossary', (text, from) => withGlossary.convertWithReport(text, from)],
  ['OpenCC + vocabulary + glossary', (text, from) => full.convertWithReport(text, from)],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `Test set: ${set.length} sentences (${set.filter((s) => s.from === 'zh-Hant').length} written in zh-Hant, ${set.filter((s) => s.from === 'zh-Hans').length} in zh-Hans), ${set.reduce((n, s) => n + s.terms.length, 0)} regional words`,
);
console.log(
  `Timing: ${bodies.length} article bodies from ${articlesDir} (${characters} characters), median of ${runs} runs`,
);
console.log(`Machine: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
console.log('');
console.log(
  '| converter | terms matched | terms missed | wrong replacements | sentences exact | characters/s | ms/article |',
);
console.log('|---|---|---|---|---|---|---|');
// The converters take turns in every run, so that a change in the machine's load falls on all three.
const times = converters.map(() => [] as number[]);
for (const [, convert] of converters) for (const b of bodies) convert(b.text, b.from); // warm up
for (let i = 0; i < runs; i++) {
  converters.forEach(([, convert], c) => {
    const started = performance.now();
    for (const b of bodies) convert(b.text, b.from);
    times[c]!.push(performance.now() - started);
  });
}
const details: string[] = [];
converters.forEach(([name, convert], c) => {
  const score = scoreConversion(set, convert);
  const ms = median(times[c]!);
  const wrong = name === 'raw OpenCC' || name === 'OpenCC + glossary' ? '–' : String(score.wrong);
  console.log(
    `| ${name} | ${score.matched}/${score.terms} | ${score.missed} | ${wrong} | ${score.exact}/${score.sentences} | ${Math.round((characters / ms) * 1000).toLocaleString('en')} | ${(ms / bodies.length).toFixed(2)} |`,
  );
  if (name.includes('vocabulary'))
    details.push(...score.missedTerms.map((m) => `missed ${m}`), ...score.wrongReplacements.map((w) => `wrong ${w}`));
});
if (details.length > 0) console.log(`\n${details.join('\n')}`);

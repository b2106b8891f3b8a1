import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { createConverter } from '../pipeline/convert';
import { readVocabulary, vocabularyFile } from '../pipeline/vocabulary';
const h2s = OpenCC.Converter({ from: 'twp', to: 'cn' });
const s2h = OpenCC.Converter({ from: 'cn', to: 'twp' });
let v = readVocabulary();
const removed: string[] = [];
for (const p of [...v.pairs]) {
  const a = !p.toHans || h2s(p.hant) === p.hans; const b = !p.toHant || s2h(p.hans) === p.hant;
  if (!(a && b)) continue;
  const rest = { ...v, pairs: v.pairs.filter((q) => q !== p) };
  const c = createConverter([], rest);
  const ok = (!p.toHans || c.convert(p.hant, 'zh-Hant') === p.hans) && (!p.toHant || c.convert(p.hans, 'zh-Hans') === p.hant)
    && (p.toHans || c.convert(p.hant, 'zh-Hant') === h2s(p.hant)) && (p.toHant || c.convert(p.hans, 'zh-Hans') === s2h(p.hans));
  if (ok) { v = rest; removed.push(`${p.hant} | ${p.hans}`); } else console.log('needed', p.hant, p.hans, c.convert(p.hant, 'zh-Hant'), c.convert(p.hans, 'zh-Hans'));
}
console.log('removed', removed.length, removed.join(', '));
const lines = readFileSync(vocabularyFile, 'utf8').split('\n');
writeFileSync(vocabularyFile, lines.filter((l) => { const m = l.match(/^\s+- (.+?) \| (.+?)(?: \| [→←])?(?:\s+#.*)?$/); return !(m && removed.includes(`${m[1]} | ${m[2]}`)); }).join('\n'));

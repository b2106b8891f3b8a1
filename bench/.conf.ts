import { readVocabulary, vocabularyConflicts, vocabularyFor } from '../pipeline/vocabulary';
import * as OpenCC from 'opencc-js';
const v = readVocabulary();
console.log('pairs', v.pairs.length, 'ambiguous', v.ambiguous.length, vocabularyConflicts(v));
const h2s = OpenCC.Converter({ from: 'twp', to: 'cn' });
const s2h = OpenCC.Converter({ from: 'cn', to: 'twp' });
for (const p of v.pairs) {
  const a = !p.toHans || h2s(p.hant) === p.hans; const b = !p.toHant || s2h(p.hans) === p.hant;
  if (a && b) console.log('REDUNDANT', p.hant, p.hans, p.toHans, p.toHant);
}
for (const f of ['zh-Hant','zh-Hans'] as const) { const t = vocabularyFor(f, v); console.log(f, t.pairs.length, t.kept.length, t.guards.length, JSON.stringify(t).length, t.guards.slice(0,80).join(' ')); }

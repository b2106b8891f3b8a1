import { createConverter } from '../pipeline/convert';
import { readConversionSet, scoreConversion } from '../pipeline/conversion-set';
import { readGlossary } from '../pipeline/search-conversion';
const set = readConversionSet();
const c = createConverter(readGlossary());
const s = scoreConversion(set, (t, f) => c.convertWithReport(t, f));
console.log({ ...s, missedTerms: s.missedTerms.length, wrongReplacements: s.wrongReplacements.length });
console.log(s.missedTerms.join('\n')); console.log('--wrong'); console.log(s.wrongReplacements.join('\n'));

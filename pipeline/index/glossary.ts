import type { ContentProblem } from '@/lib/content-model';
import type { GlossaryTerm } from '../convert';

/** The house glossary as the index step reads it, with the file it came from. */
export type GlossaryInput = { sourceFile: string; terms: GlossaryTerm[] };

/** Every glossary entry needs both forms, and a term may map to one form only. */
export function checkGlossary(glossary: GlossaryInput | undefined, problems: ContentProblem[]) {
  if (!glossary) return;
  const seen = new Map<string, string>();
  glossary.terms.forEach((term, i) => {
    const entry = `第 ${i + 1} 筆`;
    for (const key of ['hant', 'hans'] as const) {
      if (!term[key].trim() || term[key] !== term[key].trim()) {
        problems.push({
          file: glossary.sourceFile,
          field: `terms[${i}].${key}`,
          message: `詞彙表${entry}的 ${key} 是空的，或前後有多餘空白`,
          fix: '每一筆都要寫出 hant（繁體）與 hans（簡體）兩種寫法',
        });
      }
      const other = key === 'hant' ? term.hans : term.hant;
      const earlier = seen.get(`${key}:${term[key]}`);
      if (earlier !== undefined && earlier !== other) {
        problems.push({
          file: glossary.sourceFile,
          field: `terms[${i}].${key}`,
          message: `詞彙表${entry}的「${term[key]}」已經出現過，但對應的寫法不同（${earlier} / ${other}）`,
          fix: '同一個詞只能有一種對應寫法：刪除或合併重複的那一筆',
        });
      }
      seen.set(`${key}:${term[key]}`, other);
    }
  });
}

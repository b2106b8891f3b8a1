import type { ContentProblem } from '@/lib/content-model';

/** Formats content problems for an editor's terminal: file, field, what is wrong, how to fix it. */
export function formatProblems(problems: ContentProblem[], contentDir: string): string {
  const lines = problems.map((p) => {
    const where = `${contentDir}/${p.file}${p.line ? `:${p.line}` : ''}${p.field ? `  [${p.field}]` : ''}`;
    return `✗ ${where}\n    ${p.message}\n    修正方式：${p.fix}`;
  });
  return `內容檢查發現 ${problems.length} 個問題，網站沒有建置：\n\n${lines.join('\n\n')}\n`;
}

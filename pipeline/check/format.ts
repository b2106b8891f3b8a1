import type { ContentProblem } from '@/lib/content-model';

/** Formats content problems for an editor's terminal: `file:line:column  what is wrong  （how to fix）`. */
export function formatProblems(problems: ContentProblem[], contentDir: string): string {
  const lines = problems.map((p) => {
    const where = `${contentDir}/${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}`;
    return `${where}  ${p.message}  （${p.fix}）`;
  });
  return `${lines.join('\n')}\n`;
}

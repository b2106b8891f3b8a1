// Reading content files as an editor wrote them: the front matter split from the body, and YAML
// parsed with the line and column of every field, so that each problem points at its place.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ContentProblem } from '@/lib/content-model';
import { explainYamlError, explainYamlValueError } from './syntax-errors';

type Position = { line: number; column: number };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** An article file's front matter (the YAML text, the whole block) and its body, as contentlayer splits them. */
export function splitArticle(text: string): { yaml: string; block: string; body: string } | undefined {
  const m = FRONT_MATTER.exec(text);
  return m ? { yaml: m[1] ?? '', block: m[0], body: text.slice(m[0].length) } : undefined;
}

export type ParsedFile = {
  file: string;
  data: unknown;
  /** Line and column of a dotted field path (its key, with `atKey`), or of the closest parent that exists. */
  position: (field?: string, atKey?: boolean) => Position;
};

/** Parses YAML that starts at `firstLine` of its file; syntax errors become problems. */
export function parseYaml(file: string, text: string, firstLine: number, problems: ContentProblem[]): ParsedFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  // One mistake makes the parser report several; the first, told where it is, is the one to fix.
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const told = explainYamlError(text, line, first.code, first.message.split('\n')[0] ?? '');
    problems.push({
      file,
      line: told.line + firstLine - 1,
      column: told.line === line ? col : 1,
      message: told.message,
      fix: told.fix,
    });
  }
  const position = (field?: string, atKey = false): Position => {
    const keys = (field ?? '')
      .split(/\.|\[(\d+)\]/)
      .filter((k) => k !== undefined && k !== '')
      .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    if (atKey && keys.length > 0) {
      const parent = keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
      const items =
        (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items ?? [];
      const key = items.find((item) => item.key?.value === keys[keys.length - 1])?.key;
      if (key?.range) return toPosition(key.range[0]);
    }
    for (let n = keys.length; n > 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return toPosition(node.range[0]);
    }
    return { line: firstLine, column: 1 };
  };
  let data: unknown;
  try {
    data = doc.errors.length ? undefined : doc.toJS();
  } catch (error) {
    // A value starting with * reads as an alias of an anchor (&name) that is not there.
    const told = explainYamlValueError(text, (error as Error).message);
    problems.push({ file, line: told.line + firstLine - 1, column: 1, message: told.message, fix: told.fix });
  }
  return { file, data, position };
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { buildIndex, type RawArticle, type RawAuthor, type RawTerm } from './catalog';
import { checkBody } from './body-check';
import type { ContentProblem } from './content-model';
import { createConverter, type GlossaryTerm } from './convert';
import { imageMeasurer } from './image-size';

/** Longest title search engines show in full, in characters. */
export const TITLE_MAX_CHARS = 36;
/** Longest summary that fits on an article card, in characters. */
export const SUMMARY_MAX_CHARS = 120;
/** Narrowest hero image that stays sharp across the article page. */
export const HERO_MIN_WIDTH = 1200;

/** What `npm run new` writes where the editor still has to: it may stay in a draft, never in print. */
export const PLACEHOLDERS = {
  summary: { hant: '請在這裡寫一到兩句導言。', hans: '请在这里写一到两句导言。' },
  alt: { hant: '請用一句話描述首圖內容', hans: '请用一句话描述首图内容' },
} as const;

/** A field definition as contentlayer.config.ts declares it: the one schema of the content. */
export type FieldDef = {
  type: string;
  required?: boolean;
  of?: FieldDef | NestedType;
  /** Present when the definition is itself a nested type (the `of` of a list of nested values). */
  def?: () => { fields: Schema };
};
export type Schema = Record<string, FieldDef>;
export type Schemas = { article: Schema; author: Schema; term: Schema; glossary: Schema };

export type CheckOptions = {
  contentDir: string;
  publicDir: string;
  schemas: Schemas;
  now: Date;
  /**
   * Report only these files' problems (paths inside the content folder). Every file's front matter
   * is still read, since references cross files, but only these bodies are parsed: a commit of one
   * article stays quick in an archive of thousands.
   */
  only?: ReadonlySet<string>;
};

type Position = { line: number; column: number };

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A front-matter date, read as Taipei time, as an ISO instant; undefined when not a real date. */
export function taipeiIso(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
  const back = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return back.startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? date.toISOString() : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

type NestedType = { type: 'nested'; def: () => { fields: Schema } };

// A nested field points at its type in `of`; a list of nested values has the type itself as `of`.
const nestedFields = (def: FieldDef): Schema | undefined => (def.def ?? def.of?.def)?.().fields;

/** Checks a parsed YAML value against a schema, reporting by dotted path. */
type Report = (field: string, message: string, fix: string, atKey?: boolean) => void;

function checkFields(value: unknown, schema: Schema, prefix: string, report: Report) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(prefix, `「${prefix || '內容'}」必須是「欄位: 值」的形式`, '檢查縮排與冒號');
    return;
  }
  const record = value as Record<string, unknown>;
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const key of Object.keys(record)) {
    if (key in schema) continue;
    const guess = Object.keys(schema).find((known) => distance(known, key) <= 2);
    report(at(key), `未知的欄位「${key}」`, guess ? `是不是要寫「${guess}」？` : `可用的欄位：${Object.keys(schema).join('、')}`, true);
  }
  for (const [key, def] of Object.entries(schema)) {
    const field = at(key);
    const v = record[key];
    if (v === undefined || v === null) {
      if (def.required) report(prefix || key, `缺少必填欄位「${field}」`, `加上一行 ${key}: …`);
      continue;
    }
    checkValue(v, def, field, report);
  }
}

function checkValue(v: unknown, def: FieldDef, field: string, report: Report) {
  switch (def.type) {
    case 'string':
      if (typeof v !== 'string') report(field, `「${field}」必須是文字`, '把值用雙引號括起來');
      else if (!v.trim() && def.required) report(field, `「${field}」是空的`, '這是必填欄位，請填寫內容');
      break;
    case 'date':
      if (typeof v !== 'string' || !taipeiIso(v)) report(field, `「${field}」不是正確的日期：${String(v)}`, '寫成 2026-11-25 或 2026-11-25T09:30:00（台北時間）');
      break;
    case 'boolean':
      if (typeof v !== 'boolean') report(field, `「${field}」只能是 true 或 false`, '寫成 true 或 false，不要加引號');
      break;
    case 'list':
      if (!Array.isArray(v)) report(field, `「${field}」必須是清單`, `每一項另起一行，寫成「  - 值」`);
      else if (def.of) v.forEach((item, i) => checkValue(item, def.of as FieldDef, `${field}[${i}]`, report));
      break;
    case 'nested': {
      const fields = nestedFields(def);
      if (fields) checkFields(v, fields, field, report);
      break;
    }
  }
}

/** Every file under a folder, relative to it, with forward slashes. */
function walk(dir: string, base = dir): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

type FrontMatter = Omit<RawArticle, 'sourceFile' | 'readingMinutes'>;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** An article file's front matter (the YAML text, the whole block) and its body, as contentlayer splits them. */
export function splitArticle(text: string): { yaml: string; block: string; body: string } | undefined {
  const m = FRONT_MATTER.exec(text);
  return m ? { yaml: m[1] ?? '', block: m[0], body: text.slice(m[0].length) } : undefined;
}

type ParsedFile = {
  file: string;
  data: unknown;
  /** Line and column of a dotted field path (its key, with `atKey`), or of the closest parent that exists. */
  position: (field?: string, atKey?: boolean) => Position;
};

function parseYaml(file: string, text: string, firstLine: number, problems: ContentProblem[]): ParsedFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  for (const error of doc.errors) {
    problems.push({
      file,
      ...toPosition(error.pos[0]),
      message: `YAML 格式錯誤：${error.message.split('\n')[0]}`,
      fix: '檢查這一行的縮排、冒號後的空格，以及引號是否成對',
    });
  }
  const position = (field?: string, atKey = false): Position => {
    const keys = (field ?? '').split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    if (atKey && keys.length > 0) {
      const parent = keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
      const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items ?? [];
      const key = items.find((item) => item.key?.value === keys[keys.length - 1])?.key;
      if (key?.range) return toPosition(key.range[0]);
    }
    for (let n = keys.length; n > 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return toPosition(node.range[0]);
    }
    return { line: firstLine, column: 1 };
  };
  return { file, data: doc.errors.length ? undefined : doc.toJS(), position };
}

/**
 * Checks all content without building the site: every file's fields against the schema, every
 * body's MDX, and every reference between documents. Returns every problem, each with a position.
 */
export function checkContent({ contentDir, publicDir, schemas, now, only }: CheckOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const files = walk(contentDir).filter((f) => !f.endsWith('README.md') && !path.basename(f).startsWith('.'));
  const parsed = new Map<string, ParsedFile>();
  const read = (file: string) => readFileSync(path.join(contentDir, file), 'utf8');
  const imageSize = imageMeasurer(publicDir);

  const articles: RawArticle[] = [];
  const bodies: { file: string; body: string; bodyLine: number }[] = [];
  const authors: RawAuthor[] = [];
  const tags: RawTerm[] = [];
  const sections: RawTerm[] = [];
  let glossary: { sourceFile: string; terms: GlossaryTerm[] } | undefined;

  for (const file of files) {
    const report =
      (p: ParsedFile): Report =>
      (field, message, fix, atKey) =>
        problems.push({ file, ...p.position(field, atKey), field, message, fix });
    if (file.startsWith('articles/') && file.endsWith('.mdx')) {
      const text = read(file);
      const fm = splitArticle(text);
      if (!fm) {
        problems.push({ file, line: 1, column: 1, message: '找不到前言（front matter）', fix: '檔案開頭要有一段以 --- 開始、以 --- 結束的前言' });
        continue;
      }
      const fields = parseYaml(file, fm.yaml, 2, problems);
      parsed.set(file, fields);
      if (fields.data === undefined) continue;
      const before = problems.length;
      checkFields(fields.data, schemas.article, '', report(fields));
      const data = fields.data as Record<string, unknown>;
      const title = String(data['title'] ?? '');
      const summary = String(data['summary'] ?? '');
      if ([...title].length > TITLE_MAX_CHARS) {
        report(fields)('title', `標題有 ${[...title].length} 個字，超過搜尋引擎顯示的 ${TITLE_MAX_CHARS} 字`, '把標題縮短，重要的字放前面');
      }
      if ([...summary].length > SUMMARY_MAX_CHARS) {
        report(fields)('summary', `導言有 ${[...summary].length} 個字，超過卡片能顯示的 ${SUMMARY_MAX_CHARS} 字`, '把導言縮短到一到兩句');
      }
      const { body } = fm;
      const bodyLine = fm.block.split('\n').length;
      bodies.push({ file, body, bodyLine });
      if (problems.length > before) continue;
      // The schema check passed: the fields have the types contentlayer.config.ts declares.
      const front = fields.data as FrontMatter;
      const hero = front.hero;
      const placeholder = (field: string, value: string, texts: { hant: string; hans: string }) => {
        if (!front.draft && (value === texts.hant || value === texts.hans)) {
          report(fields)(field, `「${field}」還是範本的預設文字`, '換成這篇文章真正的內容，或先保留 draft: true');
        }
      };
      placeholder('summary', front.summary, PLACEHOLDERS.summary);
      placeholder('hero.alt', hero.alt, PLACEHOLDERS.alt);
      const size = imageSize(hero.src);
      if (size && size.width < HERO_MIN_WIDTH) {
        report(fields)('hero.src', `首圖只有 ${size.width}×${size.height} 像素，寬度不到 ${HERO_MIN_WIDTH}`, `換一張寬度至少 ${HERO_MIN_WIDTH} 像素的圖片`);
      }
      articles.push({
        ...front,
        sourceFile: file,
        publishedAt: taipeiIso(front.publishedAt) ?? '',
        updatedAt: front.updatedAt ? taipeiIso(front.updatedAt) : undefined,
        // The index a check builds is only searched for problems, never published: no reader sees
        // this reading time, and counting it for every file took a tenth of a pre-commit check.
        readingMinutes: 0,
      });
    } else if (/^(authors|tags|sections)\/[^/]+\.yaml$/.test(file) || file === 'glossary.yaml') {
      const fields = parseYaml(file, read(file), 1, problems);
      parsed.set(file, fields);
      if (fields.data === undefined) continue;
      const kind = file.split('/')[0];
      const schema = file === 'glossary.yaml' ? schemas.glossary : kind === 'authors' ? schemas.author : schemas.term;
      const before = problems.length;
      checkFields(fields.data, schema, '', report(fields));
      if (problems.length > before) continue;
      // The schema check passed: the fields have the types contentlayer.config.ts declares.
      if (file === 'glossary.yaml') glossary = { sourceFile: file, terms: (fields.data as { terms: GlossaryTerm[] }).terms };
      else (kind === 'authors' ? authors : kind === 'tags' ? tags : sections).push({ sourceFile: file, ...(fields.data as Omit<RawTerm, 'sourceFile'>) });
    } else {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: '不認得這個檔案',
        fix: '文章放在 articles/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx；作者、標籤、分類是 authors/、tags/、sections/ 底下的 .yaml 檔',
      });
    }
  }

  const converter = createConverter(glossary?.terms ?? []);
  const { index, problems: crossProblems } = buildIndex({
    articles,
    authors,
    tags,
    sections,
    glossary,
    imageSize,
    // As in the production build: a draft or a scheduled piece cannot be linked to yet.
    includeDrafts: false,
    now,
    convert: (text, from) => converter.convert(text, from),
  });
  for (const problem of crossProblems) {
    const position = problem.field ? parsed.get(problem.file)?.position(problem.field) : undefined;
    problems.push({ ...problem, ...(position ?? { line: 1, column: 1 }) });
  }

  const slugs = new Set(index.articles.filter((a) => !a.draft && a.publishedAt <= now.toISOString()).map((a) => a.slug));
  for (const { file, body, bodyLine } of bodies) {
    if (only && !only.has(file)) continue;
    for (const p of checkBody(body, { imageSize, articleExists: (slug) => slugs.has(slug) })) {
      problems.push({ file, line: bodyLine + p.line - 1, column: p.column, field: 'body', message: p.message, fix: p.fix });
    }
  }

  return problems.filter((p) => !only || only.has(p.file)).sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

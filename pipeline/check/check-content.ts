// The content check (`npm run check:content`, the first step of every build, the live preview's
// gate): reads every content file as written and reports every problem with its place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '@/lib/content-model';
import { createConverter } from '../convert';
import { imageMeasurer } from '../image-size';
import type { GlossaryInput } from '../index/glossary';
import { buildIndex, type RawArticle, type RawAuthor, type RawTerm } from '../index/resolve';
import type { Schemas } from '../schema';
import { checkArticleRules, checkLengths, type FrontMatter } from './article-rules';
import { checkBody } from './body';
import { checkFields, taipeiIso, type Report } from './fields';
import { parseYaml, splitArticle, type ParsedFile } from './yaml';

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
  /**
   * Parse only these bodies (the publish step: the files changed since the last publish, when every
   * body was checked), but report every problem found in front matter and references. Every body is
   * parsed all the same when an article published then (`published`, slugs) is gone, since a body
   * may link to it.
   */
  bodies?: { changed: ReadonlySet<string>; published: ReadonlySet<string> };
};

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

/**
 * Checks all content without building the site: every file's fields against the schema, every
 * body's MDX, and every reference between documents. Returns every problem, each with a position.
 */
export function checkContent({ contentDir, publicDir, schemas, now, only, bodies: bodiesToParse }: CheckOptions): ContentProblem[] {
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
  let glossary: GlossaryInput | undefined;

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
      checkLengths(fields.data as Record<string, unknown>, report(fields));
      const { body } = fm;
      const bodyLine = fm.block.split('\n').length;
      bodies.push({ file, body, bodyLine });
      if (problems.length > before) continue;
      // The schema check passed: the fields have the types pipeline/schema.ts declares.
      const front = fields.data as FrontMatter;
      const article: RawArticle = {
        ...front,
        sourceFile: file,
        publishedAt: taipeiIso(front.publishedAt) ?? '',
        updatedAt: front.updatedAt ? taipeiIso(front.updatedAt) : undefined,
        // The index a check builds is only searched for problems, never published: no reader sees
        // its reading time.
        readingMinutes: 0,
      };
      checkArticleRules(article, imageSize, report(fields));
      articles.push(article);
    } else if (/^(authors|tags|sections)\/[^/]+\.yaml$/.test(file) || file === 'glossary.yaml') {
      const fields = parseYaml(file, read(file), 1, problems);
      parsed.set(file, fields);
      if (fields.data === undefined) continue;
      const kind = file.split('/')[0];
      const schema = file === 'glossary.yaml' ? schemas.glossary : kind === 'authors' ? schemas.author : schemas.term;
      const before = problems.length;
      checkFields(fields.data, schema, '', report(fields));
      if (problems.length > before) continue;
      // The schema check passed: the fields have the types pipeline/schema.ts declares.
      if (file === 'glossary.yaml') glossary = { sourceFile: file, terms: (fields.data as Omit<GlossaryInput, 'sourceFile'>).terms };
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
  const someGone = bodiesToParse && [...bodiesToParse.published].some((slug) => !slugs.has(slug));
  const parse = (file: string) => (only ? only.has(file) : !bodiesToParse || someGone || bodiesToParse.changed.has(file));
  for (const { file, body, bodyLine } of bodies) {
    if (!parse(file)) continue;
    for (const p of checkBody(body, { imageSize, articleExists: (slug) => slugs.has(slug) })) {
      problems.push({ file, line: bodyLine + p.line - 1, column: p.column, field: 'body', message: p.message, fix: p.fix });
    }
  }

  return problems.filter((p) => !only || only.has(p.file)).sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

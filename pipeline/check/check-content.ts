// The content check (`npm run check:content`, the first step of every build, the live preview's
// gate): reads every content file as written and reports every problem with its place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '@/lib/content-model';
import { contentHash } from '../content-hash';
import { imageMeasurer, type ImageMeasurer } from '../image-size';
import type { GlossaryInput } from '../index/glossary';
import type { RawSitePage } from '../index/pages';
import { buildIndex, type RawArticle, type RawAuthor, type RawTerm } from '../index/resolve';
import type { Schemas } from '../schema';
import { checkArticleRules, checkLengths, type FrontMatter } from './article-rules';
import { checkBody, decodedSlug } from './body';
import { openCheckCache } from './cache';
import { checkFields, taipeiIso, type Report } from './fields';
import { asSaved, MAX_ARTICLE_BYTES } from './text-rules';
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
   * body was checked), but report every problem found in front matter and references. When an
   * article published then (`published`, slugs) is gone, the bodies that name it are parsed too,
   * since they may link to it.
   */
  bodies?: { changed: ReadonlySet<string>; published: ReadonlySet<string> };
  /** Where to keep each file's own result between runs (pipeline/check/cache.ts); none when unset. */
  cacheFile?: string;
};

/** Every file under a folder, relative to it with forward slashes, and a stamp of its size, time and inode. */
function walk(dir: string, base = dir): { file: string; stamp: string }[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    return stat.isDirectory()
      ? walk(full, base)
      : [
          {
            file: path.relative(base, full).split(path.sep).join('/'),
            stamp: `${stat.size}:${stat.mtimeMs}:${stat.ino}`,
          },
        ];
  });
}

/** What the check learns from one file alone: its problems, and what it holds for the cross-file rules. */
export type FileResult = {
  /** Hash of the file's text: the result stands while the file is the same (pipeline/check/cache.ts). */
  hash: string;
  problems: ContentProblem[];
  /** An article whose front matter parsed: its body is to be checked. */
  hasBody?: boolean;
  /**
   * Every story slug its body names in a path (`…/articles/<slug>`), a link or not: when a story is
   * withdrawn, the bodies naming it are parsed again, found from this without reading every body.
   */
  names?: string[];
  /** An article whose fields passed. */
  article?: RawArticle;
  /** A site page (about us, contact…) whose fields passed. */
  page?: RawSitePage;
  /** A data file whose fields passed. */
  data?: { kind: 'authors' | 'tags' | 'sections'; term: RawTerm } | { kind: 'glossary'; glossary: GlossaryInput };
};

const NAMED_SLUG = /\/articles\/([^/?#\s"'()<>[\]]+)/g;

/** The story slugs a body names in paths, decoded as the body check decodes a link's. */
function namedSlugs(body: string): string[] {
  return [...new Set([...body.matchAll(NAMED_SLUG)].flatMap(([, slug]) => [slug!, decodedSlug(slug!)]))];
}

/** The front matter (or data file) of a file as YAML, and the line of the file it starts on. */
function yamlOf(file: string, text: string): { yaml: string; firstLine: number } | undefined {
  if (!file.endsWith('.mdx')) return { yaml: text, firstLine: 1 };
  const fm = splitArticle(text);
  return fm && { yaml: fm.yaml, firstLine: 2 };
}

/** Checks one file on its own: YAML, fields against the schema, an article's own rules. */
function checkFile(file: string, text: string, hash: string, schemas: Schemas, imageSize: ImageMeasurer): FileResult {
  const result: FileResult = { hash, problems: [] };
  const problems = result.problems;
  const report =
    (p: ParsedFile): Report =>
    (field, message, fix, atKey) =>
      problems.push({ file, ...p.position(field, atKey), field, message, fix });
  const isArticle = file.startsWith('articles/');
  if ((isArticle || file.startsWith('pages/')) && file.endsWith('.mdx')) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_ARTICLE_BYTES) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `文章檔案有 ${Math.round(bytes / 1024)} KB，超過上限 ${MAX_ARTICLE_BYTES / 1024} KB`,
        fix: '一篇報導通常只有幾十 KB：檢查是否誤貼了整頁網頁、表格或編碼過的圖片；真的很長的報導請拆成上下篇',
      });
      return result;
    }
    const fm = splitArticle(text);
    if (!fm) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: '找不到前言（front matter）',
        fix: '檔案開頭要有一段以 --- 開始、以 --- 結束的前言',
      });
      return result;
    }
    const fields = parseYaml(file, fm.yaml, 2, problems);
    if (fields.data === undefined) return result;
    if (fields.data === null) {
      problems.push({
        file,
        line: 2,
        column: 1,
        message: '前言是空的',
        fix: '在兩行 --- 之間寫上欄位，例如 title: …、summary: …（可用 npm run new 產生範本）',
      });
      return result;
    }
    checkFields(fields.data, isArticle ? schemas.article : schemas.page, '', report(fields));
    checkLengths(fields.data, report(fields));
    result.hasBody = true;
    result.names = namedSlugs(fm.body);
    if (problems.length > 0) return result;
    if (!isArticle) {
      // The schema check passed: the fields have the types pipeline/schema.ts declares.
      const page = fields.data as Omit<RawSitePage, 'sourceFile'>;
      result.page = { ...page, sourceFile: file, updatedAt: page.updatedAt ? taipeiIso(page.updatedAt) : undefined };
      return result;
    }
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
    result.article = article;
  } else if (/^(authors|tags|sections)\/[^/]+\.yaml$/.test(file) || file === 'glossary.yaml') {
    const fields = parseYaml(file, text, 1, problems);
    if (fields.data === undefined) return result;
    if (fields.data === null) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: '檔案是空的',
        fix: '寫上這個檔案的欄位（可參考同一資料夾裡的其他檔案），或刪掉這個檔案',
      });
      return result;
    }
    const kind = file === 'glossary.yaml' ? 'glossary' : (file.split('/')[0] as 'authors' | 'tags' | 'sections');
    const schema = kind === 'glossary' ? schemas.glossary : kind === 'authors' ? schemas.author : schemas.term;
    checkFields(fields.data, schema, '', report(fields));
    if (problems.length > 0) return result;
    // The schema check passed: the fields have the types pipeline/schema.ts declares.
    result.data =
      kind === 'glossary'
        ? { kind, glossary: { sourceFile: file, terms: (fields.data as Omit<GlossaryInput, 'sourceFile'>).terms } }
        : { kind, term: { sourceFile: file, ...(fields.data as Omit<RawTerm, 'sourceFile'>) } };
  } else {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: '不認得這個檔案',
      fix: '文章放在 articles/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx；關於我們這類網站頁面放在 pages/<代稱>/ 底下；作者、標籤、分類是 authors/、tags/、sections/ 底下的 .yaml 檔',
    });
  }
  return result;
}

/**
 * Checks all content without building the site: every file's fields against the schema, every
 * body's MDX, and every reference between documents. Returns every problem, each with a position.
 * Given a cache file, what each file says on its own is kept there by the file's content, and only
 * new or changed files are parsed again; the rules across files always run on all of them.
 */
export function checkContent({
  contentDir,
  publicDir,
  schemas,
  now,
  only,
  bodies: bodiesToParse,
  cacheFile,
}: CheckOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const entries = walk(contentDir).filter(
    ({ file }) => !file.endsWith('README.md') && !path.basename(file).startsWith('.'),
  );
  const files = entries.map((e) => e.file);
  const read = (file: string) => asSaved(readFileSync(path.join(contentDir, file), 'utf8'));
  const imageSize = imageMeasurer(publicDir);
  const cache = cacheFile ? openCheckCache(cacheFile, { contentDir, publicDir, schemas }) : undefined;

  const articles: RawArticle[] = [];
  const pages: RawSitePage[] = [];
  const bodies: { file: string; text: () => string; names: readonly string[] }[] = [];
  const authors: RawAuthor[] = [];
  const tags: RawTerm[] = [];
  const sections: RawTerm[] = [];
  let glossary: GlossaryInput | undefined;

  for (const { file, stamp } of entries) {
    let text: string | undefined;
    const readText = () => (text ??= read(file));
    let result = cache?.get(file, stamp, readText);
    if (!result) {
      result = checkFile(file, readText(), contentHash(readText()), schemas, imageSize);
      cache?.set(file, stamp, result);
    }
    problems.push(...result.problems);
    if (result.hasBody) bodies.push({ file, text: readText, names: result.names ?? [] });
    if (result.article) articles.push(result.article);
    if (result.page) pages.push(result.page);
    if (result.data?.kind === 'glossary') glossary = result.data.glossary;
    else if (result.data)
      (result.data.kind === 'authors' ? authors : result.data.kind === 'tags' ? tags : sections).push(result.data.term);
  }
  cache?.save(files);

  const { index, problems: crossProblems } = buildIndex({
    articles,
    pages,
    authors,
    tags,
    sections,
    glossary,
    imageSize,
    // As in the production build: a draft or a scheduled piece cannot be linked to yet.
    includeDrafts: false,
    now,
    // What a story converted to the other script says is never a problem; only the index step converts.
    convert: (text) => text,
  });
  for (const problem of crossProblems) {
    // The position of a field named by a rule across files: its file's YAML parsed again, for this.
    const source = problem.field ? yamlOf(problem.file, read(problem.file)) : undefined;
    const position =
      source && problem.field
        ? parseYaml(problem.file, source.yaml, source.firstLine, []).position(problem.field)
        : undefined;
    problems.push({ ...problem, ...(position ?? { line: 1, column: 1 }) });
  }

  const pageSlugs = new Set(index.pages.map((p) => p.slug));
  const slugs = new Set(
    index.articles.filter((a) => !a.draft && a.publishedAt <= now.toISOString()).map((a) => a.slug),
  );
  // A story published before and gone now breaks the links to it: the bodies that name its slug
  // (a link to a story always does) are parsed too.
  const gone = bodiesToParse ? [...bodiesToParse.published].filter((slug) => !slugs.has(slug)) : [];
  const parse = (file: string, names: readonly string[]) =>
    only
      ? only.has(file)
      : !bodiesToParse || bodiesToParse.changed.has(file) || gone.some((slug) => names.includes(slug));
  for (const { file, text, names } of bodies) {
    if (!parse(file, names)) continue;
    const fm = splitArticle(text())!;
    const bodyLine = fm.block.split('\n').length;
    for (const p of checkBody(fm.body, {
      imageSize,
      articleExists: (slug) => slugs.has(slug),
      sitePageExists: (slug) => pageSlugs.has(slug),
      firstLine: bodyLine,
    })) {
      problems.push({
        file,
        line: bodyLine + p.line - 1,
        column: p.column,
        field: 'body',
        message: p.message,
        fix: p.fix,
      });
    }
  }

  return problems
    .filter((p) => !only || only.has(p.file))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

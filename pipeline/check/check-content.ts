// The content check (`npm run check:content`, the first step of every build, the live preview's
// gate): reads every content file as written and reports every problem with its place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { locales } from '@/i18n/locales';
import type { ContentIndex, ContentProblem } from '@/lib/content-model';
import { contentHash } from '../content-hash';
import { imageMeasurer, type ImageMeasurer } from '../image-size';
import type { GlossaryInput } from '../index/glossary';
import type { RawSitePage } from '../index/pages';
import { buildIndex, type RawArticle, type RawAuthor, type RawTerm } from '../index/resolve';
import type { Schemas } from '../schema';
import { checkArticleRules, checkLengths, type FrontMatter } from './article-rules';
import { checkBody, decodedSlug, type BodyCheckContext } from './body';
import { openCheckCache, type CheckCache } from './cache';
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
   * The stories its body links to (`/<script>/articles/<slug>`, decoded, a link or not): when a story
   * is withdrawn, the bodies linking to it are parsed again, found from this without reading every body.
   */
  links?: string[];
  /**
   * Its body was parsed and passed while the site's own pages were these (a hash of their slugs): it
   * passes again, unparsed, while they are and every story it links to is published
   * (pipeline/check/cache.ts keeps it; a new text starts a new result).
   */
  bodyPassed?: string;
  /** An article whose fields passed. */
  article?: RawArticle;
  /** A site page (about us, contact…) whose fields passed. */
  page?: RawSitePage;
  /** A data file whose fields passed. */
  data?: { kind: 'authors' | 'tags' | 'sections'; term: RawTerm } | { kind: 'glossary'; glossary: GlossaryInput };
};

// A link the body check takes for a story's (body.ts's ARTICLE_LINK, found anywhere in the text).
const LINKED_SLUG = new RegExp(`/(?:${locales.join('|')})/articles/([^/?#\\s"'()<>[\\]]+)`, 'g');

/** The stories a body links to, decoded as the body check decodes a link's. */
const linkedSlugs = (body: string) => [
  ...new Set([...body.matchAll(LINKED_SLUG)].map(([, slug]) => decodedSlug(slug!))),
];

/** The front matter (or data file) of a file as YAML, and the line of the file it starts on. */
function yamlOf(file: string, text: string): { yaml: string; firstLine: number } | undefined {
  if (!file.endsWith('.mdx')) return { yaml: text, firstLine: 1 };
  const fm = splitArticle(text);
  return fm && { yaml: fm.yaml, firstLine: 2 };
}

/** A problem with a file as a whole, found before any field of it can be read. */
const fileProblem = (file: string, line: number, message: string, fix: string): ContentProblem => ({
  file,
  line,
  column: 1,
  message,
  fix,
});

/** Reports a field's problem at its place in the file's parsed YAML. */
const reporter =
  (file: string, problems: ContentProblem[], p: ParsedFile): Report =>
  (field, message, fix, atKey) =>
    problems.push({ file, ...p.position(field, atKey), field, message, fix });

/** A site page's fields as the index takes them. */
function sitePageOf(file: string, data: unknown): RawSitePage {
  // The schema check passed: the fields have the types pipeline/schema.ts declares.
  const page = data as Omit<RawSitePage, 'sourceFile'>;
  return { ...page, sourceFile: file, updatedAt: page.updatedAt ? taipeiIso(page.updatedAt) : undefined };
}

/** An article's front matter as the index takes it. */
function articleOf(file: string, data: unknown): RawArticle {
  // The schema check passed: the fields have the types pipeline/schema.ts declares.
  const front = data as FrontMatter;
  return {
    ...front,
    sourceFile: file,
    publishedAt: taipeiIso(front.publishedAt) ?? '',
    updatedAt: front.updatedAt ? taipeiIso(front.updatedAt) : undefined,
    // The index a check builds is only searched for problems, never published: no reader sees
    // its reading time.
    readingMinutes: 0,
  };
}

/** Fills in the result of an article or site page: its size, its front matter and an article's own rules. */
function checkStoryFile(file: string, text: string, result: FileResult, schemas: Schemas, imageSize: ImageMeasurer) {
  const problems = result.problems;
  const isArticle = file.startsWith('articles/');
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_ARTICLE_BYTES) {
    problems.push(
      fileProblem(
        file,
        1,
        `文章檔案有 ${Math.round(bytes / 1024)} KB，超過上限 ${MAX_ARTICLE_BYTES / 1024} KB`,
        '一篇報導通常只有幾十 KB：檢查是否誤貼了整頁網頁、表格或編碼過的圖片；真的很長的報導請拆成上下篇',
      ),
    );
    return;
  }
  const fm = splitArticle(text);
  if (!fm) {
    problems.push(fileProblem(file, 1, '找不到前言（front matter）', '檔案開頭要有一段以 --- 開始、以 --- 結束的前言'));
    return;
  }
  const fields = parseYaml(file, fm.yaml, 2, problems);
  if (fields.data === undefined) return;
  if (fields.data === null) {
    problems.push(
      fileProblem(
        file,
        2,
        '前言是空的',
        '在兩行 --- 之間寫上欄位，例如 title: …、summary: …（可用 npm run new 產生範本）',
      ),
    );
    return;
  }
  checkFields(fields.data, isArticle ? schemas.article : schemas.page, '', reporter(file, problems, fields));
  checkLengths(fields.data, reporter(file, problems, fields));
  result.hasBody = true;
  result.links = linkedSlugs(fm.body);
  if (problems.length > 0) return;
  if (!isArticle) {
    result.page = sitePageOf(file, fields.data);
    return;
  }
  const article = articleOf(file, fields.data);
  checkArticleRules(article, imageSize, reporter(file, problems, fields));
  result.article = article;
}

/** Fills in the result of an author, tag or section file, or of the glossary: its fields. */
function checkDataFile(file: string, text: string, result: FileResult, schemas: Schemas) {
  const problems = result.problems;
  const fields = parseYaml(file, text, 1, problems);
  if (fields.data === undefined) return;
  if (fields.data === null) {
    problems.push(
      fileProblem(file, 1, '檔案是空的', '寫上這個檔案的欄位（可參考同一資料夾裡的其他檔案），或刪掉這個檔案'),
    );
    return;
  }
  const kind = file === 'glossary.yaml' ? 'glossary' : (file.split('/')[0] as 'authors' | 'tags' | 'sections');
  const schema = kind === 'glossary' ? schemas.glossary : kind === 'authors' ? schemas.author : schemas.term;
  checkFields(fields.data, schema, '', reporter(file, problems, fields));
  if (problems.length > 0) return;
  // The schema check passed: the fields have the types pipeline/schema.ts declares.
  result.data =
    kind === 'glossary'
      ? { kind, glossary: { sourceFile: file, terms: (fields.data as Omit<GlossaryInput, 'sourceFile'>).terms } }
      : { kind, term: { sourceFile: file, ...(fields.data as Omit<RawTerm, 'sourceFile'>) } };
}

/** Checks one file on its own: YAML, fields against the schema, an article's own rules. */
function checkFile(file: string, text: string, hash: string, schemas: Schemas, imageSize: ImageMeasurer): FileResult {
  const result: FileResult = { hash, problems: [] };
  if ((file.startsWith('articles/') || file.startsWith('pages/')) && file.endsWith('.mdx')) {
    checkStoryFile(file, text, result, schemas, imageSize);
  } else if (/^(authors|tags|sections)\/[^/]+\.yaml$/.test(file) || file === 'glossary.yaml') {
    checkDataFile(file, text, result, schemas);
  } else {
    result.problems.push(
      fileProblem(
        file,
        1,
        '不認得這個檔案',
        '文章放在 articles/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx；關於我們這類網站頁面放在 pages/<代稱>/ 底下；作者、標籤、分類是 authors/、tags/、sections/ 底下的 .yaml 檔',
      ),
    );
  }
  return result;
}

/** A body to check once the index is built: its file, its text when read, the stories it links to, and whether it passed. */
type PendingBody = {
  file: string;
  text: () => string;
  links?: readonly string[];
  passed?: string;
};

/** What every file says on its own, gathered by kind for the rules across files and the bodies' check. */
type Gathered = {
  problems: ContentProblem[];
  bodies: PendingBody[];
  articles: RawArticle[];
  pages: RawSitePage[];
  authors: RawAuthor[];
  tags: RawTerm[];
  sections: RawTerm[];
  glossary?: GlossaryInput;
};

/** Each file's own result, kept in the cache or checked anew, gathered by kind in the order of the files. */
function gatherFiles(
  entries: { file: string; stamp: string }[],
  read: (file: string) => string,
  cache: CheckCache | undefined,
  schemas: Schemas,
  imageSize: ImageMeasurer,
): Gathered {
  const gathered: Gathered = { problems: [], bodies: [], articles: [], pages: [], authors: [], tags: [], sections: [] };
  for (const { file, stamp } of entries) {
    let text: string | undefined;
    const readText = () => (text ??= read(file));
    let result = cache?.get(file, stamp, readText);
    if (!result) {
      result = checkFile(file, readText(), contentHash(readText()), schemas, imageSize);
      cache?.set(file, stamp, result);
    }
    gathered.problems.push(...result.problems);
    if (result.hasBody)
      gathered.bodies.push({
        file,
        text: readText,
        links: result.links,
        passed: result.bodyPassed,
      });
    if (result.article) gathered.articles.push(result.article);
    if (result.page) gathered.pages.push(result.page);
    if (result.data?.kind === 'glossary') gathered.glossary = result.data.glossary;
    else if (result.data) gathered[result.data.kind].push(result.data.term);
  }
  return gathered;
}

/** The problems found by the rules across files, each at its field's place when it names one. */
function placeCrossProblems(crossProblems: ContentProblem[], read: (file: string) => string): ContentProblem[] {
  return crossProblems.map((problem) => {
    // The position of a field named by a rule across files: its file's YAML parsed again, for this.
    const source = problem.field ? yamlOf(problem.file, read(problem.file)) : undefined;
    const position =
      source && problem.field
        ? parseYaml(problem.file, source.yaml, source.firstLine, []).position(problem.field)
        : undefined;
    return { ...problem, ...(position ?? { line: 1, column: 1 }) };
  });
}

/** One body's problems, at their places in its file. */
function checkFileBody(file: string, text: string, context: Omit<BodyCheckContext, 'firstLine'>): ContentProblem[] {
  const fm = splitArticle(text)!;
  const bodyLine = fm.block.split('\n').length;
  return checkBody(fm.body, { ...context, firstLine: bodyLine }).map((p) => ({
    file,
    line: bodyLine + p.line - 1,
    column: p.column,
    field: 'body',
    message: p.message,
    fix: p.fix,
  }));
}

/** Checks the bodies to parse (see CheckOptions) against the index: links must lead to what is published. */
function checkBodies(
  bodies: PendingBody[],
  index: ContentIndex,
  { now, only, bodies: bodiesToParse }: Pick<CheckOptions, 'now' | 'only' | 'bodies'>,
  imageSize: ImageMeasurer,
  cache: CheckCache | undefined,
): ContentProblem[] {
  const pageSlugs = new Set(index.pages.map((p) => p.slug));
  const pagesKey = contentHash([...pageSlugs].sort().join('\n'));
  const slugs = new Set(
    index.articles.filter((a) => !a.draft && a.publishedAt <= now.toISOString()).map((a) => a.slug),
  );
  // A story published before and gone now breaks the links to it: the bodies linking to it are parsed too.
  const gone = bodiesToParse ? [...bodiesToParse.published].filter((slug) => !slugs.has(slug)) : [];
  // A body that passed as it is, with the same pages and every story it links to still published,
  // passes again: its problems could come only from its text, the pictures (their change starts the
  // cache afresh) and those.
  const passes = ({ passed, links }: PendingBody) =>
    passed === pagesKey && links !== undefined && links.every((slug) => slugs.has(slug));
  const parse = (body: PendingBody) =>
    only
      ? only.has(body.file)
      : !passes(body) &&
        (!bodiesToParse ||
          bodiesToParse.changed.has(body.file) ||
          gone.some((slug) => body.links?.includes(slug) ?? true));
  return bodies.filter(parse).flatMap(({ file, text }) => {
    const problems = checkFileBody(file, text(), {
      imageSize,
      articleExists: (slug) => slugs.has(slug),
      sitePageExists: (slug) => pageSlugs.has(slug),
    });
    if (problems.length === 0) cache?.passBody(file, pagesKey);
    return problems;
  });
}

/**
 * Checks all content without building the site: every file's fields against the schema, every
 * body's MDX, and every reference between documents. Returns every problem, each with a position.
 * Given a cache file, what each file says on its own is kept there by the file's content, and only
 * new or changed files are parsed again; the rules across files always run on all of them; a body
 * that passed is parsed again only when a story it links to is no longer published or the site's own
 * pages changed.
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
  const entries = walk(contentDir).filter(
    ({ file }) => !file.endsWith('README.md') && !path.basename(file).startsWith('.'),
  );
  const files = entries.map((e) => e.file);
  const read = (file: string) => asSaved(readFileSync(path.join(contentDir, file), 'utf8'));
  const imageSize = imageMeasurer(publicDir);
  const cache = cacheFile ? openCheckCache(cacheFile, { contentDir, publicDir, schemas }) : undefined;

  const { problems, bodies, ...inputs } = gatherFiles(entries, read, cache, schemas, imageSize);

  const { index, problems: crossProblems } = buildIndex({
    ...inputs,
    imageSize,
    // As in the production build: a draft or a scheduled piece cannot be linked to yet.
    includeDrafts: false,
    now,
    // What a story converted to the other script says is never a problem; only the index step converts.
    convert: (text) => text,
  });
  const placed = placeCrossProblems(crossProblems, read);
  const bodyProblems = checkBodies(bodies, index, { now, only, bodies: bodiesToParse }, imageSize, cache);
  cache?.save(files);

  return [...problems, ...placed, ...bodyProblems]
    .filter((p) => !only || only.has(p.file))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** What a publish's check of its changed story files found, and the articles they hold. */
export type ChangedFilesCheck = { problems: ContentProblem[]; articles: RawArticle[] };

/**
 * Checks only the given files (a publish's changed story files), each on its own and its body's links
 * against `articleExists` and `sitePageExists` (the store's stories and pages, with the changed ones):
 * the rules across files are the index step's to apply to them (pipeline/index/update-index.ts).
 * A file that is gone is skipped.
 */
export function checkChangedFiles({
  contentDir,
  publicDir,
  schemas,
  files,
  articleExists,
  sitePageExists,
}: Pick<CheckOptions, 'contentDir' | 'publicDir' | 'schemas'> & {
  files: Iterable<string>;
  articleExists: (slug: string, articles: readonly RawArticle[]) => boolean;
  sitePageExists: (slug: string) => boolean;
}): ChangedFilesCheck {
  const imageSize = imageMeasurer(publicDir);
  const checked = [...files].flatMap((file) => {
    let text: string;
    try {
      text = asSaved(readFileSync(path.join(contentDir, file), 'utf8'));
    } catch {
      return [];
    }
    return [{ file, text, result: checkFile(file, text, contentHash(text), schemas, imageSize) }];
  });
  const articles = checked.flatMap(({ result }) => result.article ?? []);
  const problems = checked.flatMap(({ file, text, result }) => [
    ...result.problems,
    ...(result.hasBody
      ? checkFileBody(file, text, {
          imageSize,
          articleExists: (slug) => articleExists(slug, articles),
          sitePageExists,
        })
      : []),
  ]);
  return { problems, articles };
}

/** Places problems found by rules across files (the index step's) at their fields, reading each file. */
export function placeProblems(problems: ContentProblem[], contentDir: string): ContentProblem[] {
  return placeCrossProblems(problems, (file) => asSaved(readFileSync(path.join(contentDir, file), 'utf8')));
}

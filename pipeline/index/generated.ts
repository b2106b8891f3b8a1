// Reads what contentlayer2 wrote: one `generated` folder, or one per shard (pipeline/compile.ts),
// with each body's code from the body compile's cache (pipeline/mdx-compile.ts).
//
// A shard's articles file holds every body as written, and the index step needs a body's code only
// where it writes a body file. So each shard also gets a summary beside its articles file: every
// article without its body, with the hash of the body and the images it shows. While the articles
// file is the one the summary was made from (a shard that did not compile again), the summary stands
// in for it; a body's code is read from the cache only if asked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article, Author, Glossary, Section, SitePage, Tag } from 'contentlayer/generated';
import { imageAttributes } from '@/lib/body-components';
import { contentHash } from '../content-hash';
import { readJson, writeAtomically } from '../files';
import { compiledKey, readCompiled } from '../mdx-compile';

/** The list of generated folders the last compile (pipeline/compile.ts) wrote. */
export const generatedDirsFile = path.join('.contentlayer', 'generated-dirs.json');

/** An article's compiled body, as the index step uses it: hashes first, the code only when needed. */
type BodySource = {
  /** Hash of the body as written (the MDX), to tell whether a compile is of the file as it is now. */
  rawHash: string;
  /** Names the compiled code: the body's hash with the compiler's (pipeline/mdx-compile.ts). */
  codeHash: string;
  /** Site paths of the images the body shows (<Figure src="…" />), to be measured once, in the index step. */
  imageSources: string[];
  /** The compiled code, read from the body compile's cache. */
  code: () => string;
};

type GeneratedArticle = Omit<Article, 'body'> & { body: BodySource };
/** A site page with its body as written and compiled. */
type GeneratedSitePage = Omit<SitePage, 'body'> & { body: { raw: string; code: string } };

/** What contentlayer generated: the documents the index is built from. */
export type GeneratedContent = {
  allArticles: GeneratedArticle[];
  allSitePages: GeneratedSitePage[];
  allAuthors: Author[];
  allTags: Tag[];
  allSections: Section[];
  glossary: Glossary | undefined;
};

// An opening tag of a body component that holds an image, and the attributes in it.
const imageTags = imageAttributes.map(({ component, attribute }) => ({
  tag: new RegExp(`<${component}\\b[^>]*>`, 'g'),
  attribute,
}));
const ATTRIBUTE = /([A-Za-z]+)="([^"]*)"/g;

/** Image paths an MDX body shows (<Figure src="…" />). */
export function bodyImageSources(body: string): string[] {
  return imageTags.flatMap(({ tag, attribute }) =>
    [...body.matchAll(tag)].flatMap((m) => {
      const src = [...m[0].matchAll(ATTRIBUTE)].find((a) => a[1] === attribute)?.[2];
      return src ? [src] : [];
    }),
  );
}

/** The summary's name, beside each folder's articles file. */
export const summaryFileName = '_summary.json';

type Summarised = Omit<Article, 'body'> & { body: Omit<BodySource, 'code' | 'codeHash'> };
type Summary = { of: string; articles: Summarised[] };

/** Identifies one write of a file: contentlayer writes the articles file anew on each run. */
const stampOf = (file: string) => {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}:${s.size}`;
};

/** An article as the index step reads it: its code named by its body's hash and read when asked. */
const withCode = (a: Summarised): GeneratedArticle => {
  const codeHash = compiledKey(a.body.rawHash);
  return { ...a, body: { ...a.body, codeHash, code: () => readCompiled(codeHash, a._raw.sourceFilePath) } };
};

/** One folder's articles: from its summary while that is current, else from the full file (then summarised). */
function readArticles(dir: string): GeneratedArticle[] {
  const file = path.join(dir, 'Article', '_index.json');
  const summaryFile = path.join(dir, 'Article', summaryFileName);
  const stamp = stampOf(file);
  const summary = readJson<Summary>(summaryFile);
  if (summary?.of === stamp) return summary.articles.map(withCode);

  const articles = JSON.parse(readFileSync(file, 'utf8')) as Article[];
  const summarised: Summarised[] = articles.map((a) => ({
    ...a,
    body: { rawHash: contentHash(a.body.raw), imageSources: bodyImageSources(a.body.raw) },
  }));
  writeAtomically(summaryFile, JSON.stringify({ of: stamp, articles: summarised } satisfies Summary));
  return summarised.map(withCode);
}

/**
 * What the compile step wrote (pipeline/compile.ts): a folder per shard (one for a small site), and
 * the overlay of story folders compiled since the last full compile, whose articles replace the
 * shards' copies of those folders (a folder gone from content/ is gone from the site).
 */
export type GeneratedDirs = { dirs: string[]; overlay?: { dir: string; folders: string[]; data?: boolean } };

/** What the last compile wrote, or undefined before the first (a list of folders, from before the overlay, is read as such). */
export function readGeneratedDirs(): GeneratedDirs | undefined {
  const written = readJson<GeneratedDirs | string[]>(generatedDirsFile);
  return Array.isArray(written) ? { dirs: written } : written;
}

/**
 * The documents in the generated folders, read afresh (an import would be cached for good). Given
 * story folders (a publish's), the articles may be only theirs and the overlay's.
 * Articles are gathered from every folder; site pages, authors, tags and sections from the overlay
 * when it holds them (`data`), else from the first folder; the glossary, which every run compiles, from the
 * overlay when there is one.
 */
export function readGenerated(
  generated: GeneratedDirs | undefined = readGeneratedDirs(),
  folders?: ReadonlySet<string>,
): GeneratedContent {
  if (!generated) throw new Error(`${generatedDirsFile} is missing: run npm run content.`);
  const read = <T>(dir: string, type: string): T =>
    JSON.parse(readFileSync(path.join(dir, type, '_index.json'), 'utf8')) as T;
  const [first] = generated.dirs;
  if (!first) throw new Error(`${generatedDirsFile} lists no generated folder: run npm run content.`);
  const { overlay } = generated;
  const replaced = new Set(overlay?.folders.map((f) => `articles/${f}`));
  const data = overlay?.data ? overlay.dir : first;
  // Only some folders asked for, all in the overlay: the shards need not be read.
  const shards = folders && overlay && [...folders].every((f) => overlay.folders.includes(f)) ? [] : generated.dirs;
  return {
    allArticles: [
      ...shards.flatMap(readArticles).filter((a) => !replaced.has(path.posix.dirname(a._raw.sourceFilePath))),
      ...(overlay ? readArticles(overlay.dir) : []),
    ],
    // A compile from before the site had its own pages wrote no folder for them.
    allSitePages: existsSync(path.join(data, 'SitePage', '_index.json'))
      ? read<SitePage[]>(data, 'SitePage').map((p) => ({
          ...p,
          body: { raw: p.body.raw, code: readCompiled(compiledKey(contentHash(p.body.raw)), p._raw.sourceFilePath) },
        }))
      : [],
    allAuthors: read(data, 'Author'),
    allTags: read(data, 'Tag'),
    allSections: read(data, 'Section'),
    glossary: readGlossary(generated),
  };
}

/** The glossary as compiled: the overlay's when there is one (every run compiles it), else the first folder's. */
export function readGlossary(generated: GeneratedDirs): Glossary | undefined {
  const dir = generated.overlay?.dir ?? generated.dirs[0];
  return dir === undefined ? undefined : readJson<Glossary>(path.join(dir, 'Glossary', '_index.json'));
}

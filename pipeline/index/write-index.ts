// The index step, after the compile: checks every cross-document reference, derives the missing
// script of single-script articles, then writes the body-free index that listings read and one body
// file per article. Run by scripts/index-content.ts in the build, and in-process by the live preview
// (pipeline/preview.ts) on every save.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { locales } from '@/i18n/locales';
import type { Article, Author, Glossary, Section, Tag } from 'contentlayer/generated';
import { imageAttributes } from '@/lib/body-components';
import { bodiesDir, bodyFile, indexFile, revisionFile } from '@/lib/content-files';
import type { ArticleBody, ContentIndex } from '@/lib/content-model';
import { formatProblems } from '../check/format';
import { readJson, writeAtomically } from '../files';
import { createConverter } from '../convert';
import { imageMeasurer } from '../image-size';
import { linkRelated } from './related';
import { buildIndex } from './resolve';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const publicDir = path.join(process.cwd(), 'public');

const sizeOf = imageMeasurer(publicDir);

let cachedConverter: { key: string; converter: ReturnType<typeof createConverter> } | undefined;

// OpenCC's dictionaries take a while to load: keep the converter while the glossary is unchanged.
function converterFor(terms: { hant: string; hans: string }[]) {
  const key = JSON.stringify(terms);
  if (cachedConverter?.key !== key) cachedConverter = { key, converter: createConverter(terms) };
  return cachedConverter.converter;
}

// An opening tag of a body component that holds an image, and the attributes in it.
const imageTags = imageAttributes.map(({ component, attribute }) => ({ tag: new RegExp(`<${component}\\b[^>]*>`, 'g'), attribute }));
const ATTRIBUTE = /([A-Za-z]+)="([^"]*)"/g;

/** Image paths an MDX body shows (<Figure src="…" />), so that each is measured once, here. */
function bodyImageSources(body: string): string[] {
  return imageTags.flatMap(({ tag, attribute }) =>
    [...body.matchAll(tag)].flatMap((m) => {
      const src = [...m[0].matchAll(ATTRIBUTE)].find((a) => a[1] === attribute)?.[2];
      return src ? [src] : [];
    }),
  );
}

/** What contentlayer generated: the documents the index is built from. */
export type GeneratedContent = {
  allArticles: Article[];
  allAuthors: Author[];
  allTags: Tag[];
  allSections: Section[];
  glossary: Glossary | undefined;
};

/** The index the site serves now, or undefined before the first content build. */
export const readWrittenIndex = () => readJson<ContentIndex>(indexFile);

/** What a content build wrote: the new index, and the one it replaced (undefined on a first build). */
export type WrittenIndex = { index: ContentIndex; previous: ContentIndex | undefined };

/**
 * Builds and writes the index and body files; undefined, with the problems printed, when content is
 * wrong, and then nothing is written. Bodies are written first, each under a name made of its content
 * (a body that did not change is not written again); then the index is swapped in one rename; then
 * bodies that neither the new index nor the one before it names are deleted (a server still reading
 * the previous index finds its bodies).
 */
export function writeContentIndex({ allArticles, allAuthors, allTags, allSections, glossary }: GeneratedContent): WrittenIndex | undefined {
  const started = performance.now();
  const now = new Date();
  const terms = glossary?.terms.map((t) => ({ hant: t.hant, hans: t.hans })) ?? [];
  const converter = converterFor(terms);
  let conversionMs = 0;
  const timed = <T>(work: () => T): T => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      conversionMs += performance.now() - t0;
    }
  };

  const { index, problems } = buildIndex({
    articles: allArticles.map((a) => ({
      sourceFile: a._raw.sourceFilePath,
      title: a.title,
      summary: a.summary,
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      authors: a.authors,
      section: a.section,
      tags: a.tags,
      hero: { src: a.hero.src, alt: a.hero.alt, credit: a.hero.credit },
      draft: a.draft,
      featured: a.featured,
      syndication: a.syndication && {
        partner: a.syndication.partner,
        partnerUrl: a.syndication.partnerUrl,
        originalUrl: a.syndication.originalUrl,
      },
      sponsor: a.sponsor && { name: a.sponsor.name, url: a.sponsor.url },
      furtherReading: a.furtherReading,
      readingMinutes: a.readingMinutes,
    })),
    authors: allAuthors.map((a) => ({ sourceFile: a._raw.sourceFilePath, name: a.name, role: a.role, bio: a.bio })),
    tags: allTags.map((t) => ({ sourceFile: t._raw.sourceFilePath, name: t.name, description: t.description })),
    sections: allSections.map((s) => ({ sourceFile: s._raw.sourceFilePath, name: s.name, description: s.description })),
    glossary: glossary && { sourceFile: glossary._raw.sourceFilePath, terms },
    convert: (text, from) => timed(() => converter.convert(text, from)),
    imageSize: sizeOf,
    includeDrafts: process.env.INCLUDE_DRAFTS === '1',
    now,
  });

  if (problems.length > 0) {
    console.error(formatProblems(problems, contentDir));
    return undefined;
  }
  linkRelated(index, now);

  const previous = readWrittenIndex();
  for (const locale of locales) mkdirSync(bodiesDir(locale), { recursive: true });
  const bySource = new Map(allArticles.map((a) => [a._raw.sourceFilePath, a.body]));
  let derived = 0;
  for (const article of index.articles) {
    const source = bySource.get(article.sourceFile);
    const code = source?.code ?? '';
    const from = article.derivedFrom;
    const images = Object.fromEntries(bodyImageSources(source?.raw ?? '').flatMap((src) => {
      const size = sizeOf(src);
      return size ? [[src, size]] : [];
    }));
    const body: ArticleBody = { code: from ? timed(() => converter.convertCode(code, from)) : code, images };
    if (from) derived += 1;
    const text = JSON.stringify(body);
    article.bodyHash = createHash('sha256').update(text).digest('base64url').slice(0, 16);
    const file = bodyFile(article.locale, article.slug, article.bodyHash);
    if (!existsSync(file)) writeAtomically(file, text);
  }
  writeAtomically(indexFile, JSON.stringify(index));
  // A tiny module the app imports: when it changes, `next dev` refreshes open pages by itself.
  writeAtomically(revisionFile, JSON.stringify({ revision: new Date().toISOString() }));
  removeUnusedBodies([index, previous]);

  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `Indexed ${index.articles.length} articles (${derived} converted from the other script), ${index.tags.length} tags, ` +
      `${index.sections.length} sections, ${index.authors.length} authors in ${seconds(performance.now() - started)} s`,
  );
  if (derived > 0) {
    console.log(`Conversion: ${seconds(conversionMs)} s in all, ${(conversionMs / derived).toFixed(1)} ms per converted article`);
    // Editors want to see which files were converted; a corpus of thousands gets the first few.
    const converted = index.articles.filter((x) => x.derivedFrom);
    for (const a of converted.slice(0, 20)) console.log(`  converted ${a.derivedFrom} -> ${a.locale}: ${a.sourceFile}`);
    if (converted.length > 20) console.log(`  … and ${converted.length - 20} more`);
  }
  return { index, previous };
}

/** Deletes the body files that none of these indexes names, and anything else left in the folder. */
function removeUnusedBodies(kept: (ContentIndex | undefined)[]) {
  for (const locale of locales) {
    const names = new Set(
      kept.flatMap((index) => index?.articles.filter((a) => a.locale === locale).map((a) => path.basename(bodyFile(locale, a.slug, a.bodyHash))) ?? []),
    );
    for (const name of readdirSync(bodiesDir(locale))) {
      if (!names.has(name)) rmSync(path.join(bodiesDir(locale), name), { force: true });
    }
  }
}

// The index step, after the compile: checks every cross-document reference, derives the missing
// script of single-script articles, then writes the body-free index that listings read and one body
// file per article. Run by scripts/index-content.ts in the build, and in-process by the live preview
// (pipeline/preview.ts) on every save.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { locales } from '@/i18n/locales';
import { bodiesDir, bodyFile, sitePageBodyFile, contentOutDir, indexFile, previewProblemsFile, revisionFile } from '@/lib/content-files';
import type { ArticleBody, ContentIndex } from '@/lib/content-model';
import { formatProblems } from '../check/format';
import { readJson, writeAtomically } from '../files';
import { createConverter } from '../convert';
import { imageMeasurer } from '../image-size';
import { contentHash } from '../content-hash';
import { bodyImageSources, type GeneratedContent } from './generated';
import { linkRelated } from './related';
import { buildIndex } from './resolve';
import { feedBodyHtml, feedHtmlKey } from '../feed-html';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const publicDir = path.join(process.cwd(), 'public');

const sizeOf = imageMeasurer(publicDir);

/** The index step's record of converted bodies (see the body loop below). */
const conversionsFile = path.join(contentOutDir, 'conversions.json');

let cachedConverter: { key: string; converter: ReturnType<typeof createConverter> } | undefined;

// OpenCC's dictionaries take a while to load: keep the converter while the glossary is unchanged.
function converterFor(terms: { hant: string; hans: string }[]) {
  const key = JSON.stringify(terms);
  if (cachedConverter?.key !== key) cachedConverter = { key, converter: createConverter(terms) };
  return cachedConverter.converter;
}

/** The index the site serves now, or undefined before the first content build. */
export const readWrittenIndex = () => readJson<ContentIndex>(indexFile);

/**
 * What a content build wrote: the new index, and the one it replaced (undefined on a first build),
 * each with a hash of its file, which names that index for what is kept about it (pipeline/publish.ts).
 */
export type WrittenIndex = { index: ContentIndex; revision: string; previous: ContentIndex | undefined; previousRevision: string | undefined };

/**
 * Builds and writes the index and body files; undefined, with the problems printed, when content is
 * wrong, and then nothing is written. Bodies are written first, each under a name made of its content
 * (a body that did not change is not written again); then the index is swapped in one rename; then
 * bodies that neither the new index nor the one before it names are deleted (a server still reading
 * the previous index finds its bodies).
 */
export function writeContentIndex({ allArticles, allSitePages, allAuthors, allTags, allSections, glossary }: GeneratedContent): WrittenIndex | undefined {
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
      comments: a.comments,
      readingMinutes: a.readingMinutes,
    })),
    pages: allSitePages.map((p) => ({ sourceFile: p._raw.sourceFilePath, title: p.title, summary: p.summary, updatedAt: p.updatedAt, order: p.order })),
    authors: allAuthors.map((a) => ({ sourceFile: a._raw.sourceFilePath, name: a.name, role: a.role, bio: a.bio, photo: a.photo })),
    tags: allTags.map((t) => ({ sourceFile: t._raw.sourceFilePath, name: t.name, description: t.description })),
    sections: allSections.map((s) => ({ sourceFile: s._raw.sourceFilePath, name: s.name, description: s.description })),
    glossary: glossary && { sourceFile: glossary._raw.sourceFilePath, terms },
    convert: (text, from) => timed(() => converter.convert(text, from)),
    imageSize: sizeOf,
    imageHash: sizeOf.hash,
    includeDrafts: process.env.INCLUDE_DRAFTS === '1',
    now,
  });

  if (problems.length > 0) {
    console.error(formatProblems(problems, contentDir));
    return undefined;
  }
  linkRelated(index, now);

  const previousText = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  const previous = previousText === undefined ? undefined : (JSON.parse(previousText) as ContentIndex);
  for (const locale of locales) mkdirSync(bodiesDir(locale), { recursive: true });
  // The body files there, listed once: asking for each of 20,000 files costs a third of a second.
  const present = new Set(locales.flatMap((locale) => readdirSync(bodiesDir(locale)).map((name) => path.join(bodiesDir(locale), name))));
  const bySource = new Map(allArticles.map((a) => [a._raw.sourceFilePath, a.body]));
  // The hash of each converted body's code, by its source's code and the converter: a body converted
  // once is not converted again until its source or the glossary changes.
  const keptConversions = readJson<Record<string, string>>(conversionsFile) ?? {};
  const conversions: Record<string, string> = {};
  let derived = 0;
  let converted = 0;
  for (const article of index.articles) {
    const source = bySource.get(article.sourceFile);
    if (!source) throw new Error(`No compiled body for ${article.sourceFile}`);
    const from = article.derivedFrom;
    const images = Object.fromEntries(source.imageSources.flatMap((src) => {
      const size = sizeOf(src);
      return size ? [[src, size]] : [];
    }));
    let code: string | undefined;
    const convertedCode = () => {
      converted += 1;
      return timed(() => converter.convertCode(source.code(), from!));
    };
    let codeHash = source.codeHash;
    if (from) {
      derived += 1;
      const key = `${source.codeHash}:${from}:${converter.key}`;
      codeHash = keptConversions[key] ?? contentHash((code = convertedCode()));
      conversions[key] = codeHash;
    }
    // A body file is named by its code, its images' sizes and what its feed HTML depends on (its
    // renderer, and the sponsor flag, which sets rel="sponsored"), all known without reading the code.
    article.bodyHash = contentHash(JSON.stringify([codeHash, images, feedHtmlKey, Boolean(article.sponsor)]));
    const file = bodyFile(article.locale, article.slug, article.bodyHash);
    if (!present.has(file)) {
      code ??= from ? convertedCode() : source.code();
      const html = feedBodyHtml({ code, images }, article.locale, Boolean(article.sponsor));
      writeAtomically(file, JSON.stringify({ code, images, html } satisfies ArticleBody));
    }
  }
  // The site's own pages: a handful, converted afresh on every run.
  const pageBodies = new Map(allSitePages.map((p) => [p._raw.sourceFilePath, p.body]));
  for (const page of index.pages) {
    const source = pageBodies.get(page.sourceFile);
    if (!source) throw new Error(`No compiled body for ${page.sourceFile}`);
    const code = page.derivedFrom ? timed(() => converter.convertCode(source.code, page.derivedFrom!)) : source.code;
    const images = Object.fromEntries(bodyImageSources(source.raw).flatMap((src) => {
      const size = sizeOf(src);
      return size ? [[src, size]] : [];
    }));
    const body = JSON.stringify({ code, images } satisfies ArticleBody);
    page.bodyHash = contentHash(body);
    const file = sitePageBodyFile(page.locale, page.slug, page.bodyHash);
    if (!present.has(file)) writeAtomically(file, body);
  }
  writeAtomically(conversionsFile, JSON.stringify(conversions));
  const indexText = JSON.stringify(index);
  writeAtomically(indexFile, indexText);
  // A tiny module the app imports: when it changes, `next dev` refreshes open pages by itself.
  writeAtomically(revisionFile, JSON.stringify({ revision: new Date().toISOString() }));
  writeAtomically(previewProblemsFile, JSON.stringify({ problems: [] }));
  removeUnusedBodies([index, previous]);

  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `Indexed ${index.articles.length} articles (${derived} derived from the other script, ${converted} of them converted now), ${index.tags.length} tags, ` +
      `${index.sections.length} sections, ${index.authors.length} authors, ${index.pages.length} site pages in ${seconds(performance.now() - started)} s`,
  );
  if (derived > 0) {
    // Bodies converted before, and not changed since, are not converted again.
    console.log(
      converted === derived
        ? `Conversion: ${seconds(conversionMs)} s in all, ${(conversionMs / converted).toFixed(1)} ms per converted article`
        : `Conversion: ${seconds(conversionMs)} s in all: the titles of ${derived} articles, ${converted} bod${converted === 1 ? 'y' : 'ies'} (the others as converted before)`,
    );
    // Editors want to see which files were converted; a corpus of thousands gets the first few.
    const derivedArticles = index.articles.filter((x) => x.derivedFrom);
    for (const a of derivedArticles.slice(0, 20)) console.log(`  converted ${a.derivedFrom} -> ${a.locale}: ${a.sourceFile}`);
    if (derivedArticles.length > 20) console.log(`  … and ${derivedArticles.length - 20} more`);
  }
  return { index, revision: contentHash(indexText), previous, previousRevision: previousText === undefined ? undefined : contentHash(previousText) };
}

/** Deletes the body files that none of these indexes names, and anything else left in the folder. */
function removeUnusedBodies(kept: (ContentIndex | undefined)[]) {
  for (const locale of locales) {
    const names = new Set(
      kept.flatMap((index) => [
        ...(index?.articles.filter((a) => a.locale === locale).map((a) => path.basename(bodyFile(locale, a.slug, a.bodyHash))) ?? []),
        ...(index?.pages?.filter((p) => p.locale === locale).map((p) => path.basename(sitePageBodyFile(locale, p.slug, p.bodyHash))) ?? []),
      ]),
    );
    for (const name of readdirSync(bodiesDir(locale))) {
      if (!names.has(name)) rmSync(path.join(bodiesDir(locale), name), { force: true });
    }
  }
}

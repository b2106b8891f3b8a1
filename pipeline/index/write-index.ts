// The index step, after the compile: checks every cross-document reference, derives the missing
// script of single-script articles, then writes the body-free index that listings read and one body
// file per article. Run by scripts/index-content.ts in the build, and in-process by the live preview
// (pipeline/preview.ts) on every save.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { locales } from '@/i18n/locales';
import {
  bodiesDir,
  bodyFile,
  sitePageBodyFile,
  contentOutDir,
  indexFile,
  previewProblemsFile,
  revisionFile,
} from '@/lib/content-files';
import type { ArticleBody, ContentIndex } from '@/lib/content-model';
import { formatProblems } from '../check/format';
import { readJson, writeAtomically } from '../files';
import { createConverter, type Replacement } from '../convert';
import { vocabularyFile } from '../vocabulary';
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

// OpenCC's dictionaries take a while to load: keep the converter while the glossary and the
// vocabulary are unchanged.
function converterFor(terms: { hant: string; hans: string }[]) {
  const key = `${JSON.stringify(terms)}\n${readFileSync(vocabularyFile, 'utf8')}`;
  if (cachedConverter?.key !== key) cachedConverter = { key, converter: createConverter(terms) };
  return cachedConverter.converter;
}

/** The index the site serves now, or undefined before the first content build. */
export const readWrittenIndex = () => readJson<ContentIndex>(indexFile);

/**
 * What a content build wrote: the new index, and the one it replaced (undefined on a first build),
 * each with a hash of its file, which names that index for what is kept about it (pipeline/publish.ts).
 */
export type WrittenIndex = {
  index: ContentIndex;
  revision: string;
  previous: ContentIndex | undefined;
  previousRevision: string | undefined;
};

/**
 * Builds and writes the index and body files; undefined, with the problems printed, when content is
 * wrong, and then nothing is written. Bodies are written first, each under a name made of its content
 * (a body that did not change is not written again); then the index is swapped in one rename; then
 * bodies that neither the new index nor the one before it names are deleted (a server still reading
 * the previous index finds its bodies).
 */
export function writeContentIndex({
  allArticles,
  allSitePages,
  allAuthors,
  allTags,
  allSections,
  glossary,
}: GeneratedContent): WrittenIndex | undefined {
  const started = performance.now();
  const now = new Date();
  const terms = glossary?.terms.map((t) => ({ hant: t.hant, hans: t.hans })) ?? [];
  const converter = converterFor(terms);
  let conversionMs = 0;
  // What the converter replaced, per source file: "kind\tsource\ttarget" and how many times.
  const replaced = new Map<string, Map<string, number>>();
  const tally = (file: string, replacements: readonly Replacement[] | readonly ReplacementCount[]) => {
    const counts = replaced.get(file) ?? new Map<string, number>();
    replaced.set(file, counts);
    for (const r of replacements) {
      const [kind, source, target, n] = Array.isArray(r) ? r : [r.kind, r.source, r.target, 1];
      if (kind === 'kept') continue;
      counts.set(`${kind}\t${source}\t${target}`, (counts.get(`${kind}\t${source}\t${target}`) ?? 0) + n);
    }
  };
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
    pages: allSitePages.map((p) => ({
      sourceFile: p._raw.sourceFilePath,
      title: p.title,
      summary: p.summary,
      updatedAt: p.updatedAt,
      order: p.order,
    })),
    authors: allAuthors.map((a) => ({
      sourceFile: a._raw.sourceFilePath,
      name: a.name,
      role: a.role,
      bio: a.bio,
      photo: a.photo,
    })),
    tags: allTags.map((t) => ({ sourceFile: t._raw.sourceFilePath, name: t.name, description: t.description })),
    sections: allSections.map((s) => ({ sourceFile: s._raw.sourceFilePath, name: s.name, description: s.description })),
    glossary: glossary && { sourceFile: glossary._raw.sourceFilePath, terms },
    convert: (text, from, file) =>
      timed(() => {
        const { text: converted, replacements } = converter.convertWithReport(text, from);
        if (file) tally(file, replacements);
        return converted;
      }),
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
  const present = new Set(
    locales.flatMap((locale) => readdirSync(bodiesDir(locale)).map((name) => path.join(bodiesDir(locale), name))),
  );
  const bySource = new Map(allArticles.map((a) => [a._raw.sourceFilePath, a.body]));
  // The hash of each converted body's code and what the converter replaced in it, by its source's
  // code and the converter: a body converted once is not converted again until its source, the
  // glossary or the vocabulary changes.
  const keptConversions = readJson<Record<string, Conversion | string>>(conversionsFile) ?? {};
  const conversions: Record<string, Conversion> = {};
  let derived = 0;
  let converted = 0;
  for (const article of index.articles) {
    const source = bySource.get(article.sourceFile);
    if (!source) throw new Error(`No compiled body for ${article.sourceFile}`);
    const from = article.derivedFrom;
    const images = Object.fromEntries(
      source.imageSources.flatMap((src) => {
        const size = sizeOf(src);
        return size ? [[src, size]] : [];
      }),
    );
    let code: string | undefined;
    let replacements: ReplacementCount[] = [];
    const convertedCode = () => {
      converted += 1;
      const result = timed(() => converter.convertCodeWithReport(source.code(), from!));
      replacements = countReplacements(result.replacements);
      return result.code;
    };
    let codeHash = source.codeHash;
    if (from) {
      derived += 1;
      const key = `${source.codeHash}:${from}:${converter.key}`;
      const kept = keptConversions[key];
      // An entry from before the replacements were kept (a bare hash) is converted again.
      if (kept && typeof kept !== 'string') ({ hash: codeHash, replaced: replacements } = kept);
      else codeHash = contentHash((code = convertedCode()));
      conversions[key] = { hash: codeHash, replaced: replacements };
      tally(article.sourceFile, replacements);
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
    const images = Object.fromEntries(
      bodyImageSources(source.raw).flatMap((src) => {
        const size = sizeOf(src);
        return size ? [[src, size]] : [];
      }),
    );
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
    // Editors want to see which files were converted and what the vocabulary and glossary replaced
    // in each (to spot a wrong word); a corpus of thousands gets the first few and the totals.
    const derivedArticles = index.articles.filter((x) => x.derivedFrom);
    for (const a of derivedArticles.slice(0, 20)) {
      console.log(`  converted ${a.derivedFrom} -> ${a.locale}: ${a.sourceFile}`);
      for (const line of replacementLines(replaced.get(a.sourceFile))) console.log(`    ${line}`);
    }
    if (derivedArticles.length > 20) console.log(`  … and ${derivedArticles.length - 20} more`);
    const totals = { vocabulary: 0, glossary: 0 };
    for (const counts of replaced.values()) {
      for (const [entry, n] of counts) totals[entry.startsWith('glossary') ? 'glossary' : 'vocabulary'] += n;
    }
    console.log(
      `  replacements in ${derivedArticles.length} converted files: vocabulary ${totals.vocabulary}, glossary ${totals.glossary} (npm run check:content -- --explain FILE shows them in place)`,
    );
  }
  return {
    index,
    revision: contentHash(indexText),
    previous,
    previousRevision: previousText === undefined ? undefined : contentHash(previousText),
  };
}

/** What the converter replaced in one body: kind, source, target and how many times. */
type ReplacementCount = [kind: Replacement['kind'], source: string, target: string, count: number];
/** A converted body as conversions.json keeps it: its code's hash and what was replaced in it. */
type Conversion = { hash: string; replaced: ReplacementCount[] };

function countReplacements(replacements: readonly Replacement[]): ReplacementCount[] {
  const counts = new Map<string, ReplacementCount>();
  for (const r of replacements) {
    if (r.kind === 'kept') continue;
    const key = `${r.kind}\t${r.source}\t${r.target}`;
    const entry = counts.get(key) ?? [r.kind, r.source, r.target, 0];
    entry[3] += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/** One line per kind: how many replacements, and the most frequent few (source→target ×n). */
function replacementLines(counts: Map<string, number> | undefined, shown = 6): string[] {
  if (!counts || counts.size === 0) return [];
  return (['vocabulary', 'glossary'] as const).flatMap((kind) => {
    const entries = [...counts].filter(([key]) => key.startsWith(`${kind}\t`)).sort((a, b) => b[1] - a[1]);
    if (entries.length === 0) return [];
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    const words = entries.slice(0, shown).map(([key, n]) => {
      const [, source, target] = key.split('\t');
      return `${source}→${target}${n > 1 ? ` ×${n}` : ''}`;
    });
    const more = entries.length > shown ? `, … ${entries.length - shown} more` : '';
    return [`${kind} ${total}: ${words.join(', ')}${more}`];
  });
}

/** Deletes the body files that none of these indexes names, and anything else left in the folder. */
function removeUnusedBodies(kept: (ContentIndex | undefined)[]) {
  for (const locale of locales) {
    const names = new Set(
      kept.flatMap((index) => [
        ...(index?.articles
          .filter((a) => a.locale === locale)
          .map((a) => path.basename(bodyFile(locale, a.slug, a.bodyHash))) ?? []),
        ...(index?.pages
          ?.filter((p) => p.locale === locale)
          .map((p) => path.basename(sitePageBodyFile(locale, p.slug, p.bodyHash))) ?? []),
      ]),
    );
    for (const name of readdirSync(bodiesDir(locale))) {
      if (!names.has(name)) rmSync(path.join(bodiesDir(locale), name), { force: true });
    }
  }
}

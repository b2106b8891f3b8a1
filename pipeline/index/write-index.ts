// The index step, after the compile: checks every cross-document reference, derives the missing
// script of single-script articles, then writes the content store (pipeline/index/write-store.ts):
// the stories, names and pages, each body once by its hash, and the feed HTML of the stories feeds
// show. Run by scripts/index-content.ts in the build, and in-process by the live preview
// (pipeline/preview.ts) on every save.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '@/i18n/locales';
import { contentOutDir, previewProblemsFile, revisionFile, storeFile } from '@/lib/content-files';
import type { ArticleBody, ArticleSummary, ContentIndex } from '@/lib/content-model';
import { formatProblems } from '../check/format';
import { readJson, writeAtomically } from '../files';
import { createConverter, type Converter, type Replacement } from '../convert';
import { vocabularyFile } from '../vocabulary';
import { imageMeasurer } from '../image-size';
import { contentHash } from '../content-hash';
import { compiledKey } from '../mdx-compile';
import { bodyImageSources, type GeneratedContent } from './generated';
import { linkRelated } from './related';
import { feedStories } from './feed-stories';
import { buildIndex, type ResolveInput } from './resolve';
import { feedBodyHtml, feedHtmlKey } from '../feed-html';
import { BodyWriter, openStoreForWriting, readIndexFromStore, writeIndexToStore } from './write-store';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const publicDir = path.join(process.cwd(), 'public');

const sizeOf = imageMeasurer(publicDir);

/** The index step's record of converted bodies (see writeArticleBodies below). */
const conversionsFile = path.join(contentOutDir, 'conversions.json');

let cachedConverter: { key: string; converter: ReturnType<typeof createConverter> } | undefined;

// OpenCC's dictionaries take a while to load: keep the converter while the glossary and the
// vocabulary are unchanged.
/** The glossary's terms as the converter takes them. */
export const glossaryTerms = (glossary: GeneratedContent['glossary']) =>
  glossary?.terms.map((t) => ({ hant: t.hant, hans: t.hans })) ?? [];

export function converterFor(terms: { hant: string; hans: string }[]) {
  const key = `${JSON.stringify(terms)}\n${readFileSync(vocabularyFile, 'utf8')}`;
  if (cachedConverter?.key !== key) cachedConverter = { key, converter: createConverter(terms) };
  return cachedConverter.converter;
}

/** What a content build wrote: the new index, and the one it replaced (undefined on a first build). */
export type WrittenIndex = { index: ContentIndex; previous: ContentIndex | undefined };

/** The time the converter took and what it replaced, per source file, for the step's report. */
export type ConversionLog = {
  ms: number;
  /** What the converter replaced, per source file: "kind\tsource\ttarget" and how many times. */
  replaced: Map<string, Map<string, number>>;
};

/** Adds what the converter replaced in one source file to the log. */
function tally(log: ConversionLog, file: string, replacements: readonly Replacement[] | readonly ReplacementCount[]) {
  const counts = log.replaced.get(file) ?? new Map<string, number>();
  log.replaced.set(file, counts);
  for (const r of replacements) {
    const [kind, source, target, n] = Array.isArray(r) ? r : [r.kind, r.source, r.target, 1];
    if (kind === 'kept') continue;
    counts.set(`${kind}\t${source}\t${target}`, (counts.get(`${kind}\t${source}\t${target}`) ?? 0) + n);
  }
}

/** Runs a conversion, adding its time to the log. */
function timed<T>(log: ConversionLog, work: () => T): T {
  const t0 = performance.now();
  try {
    return work();
  } finally {
    log.ms += performance.now() - t0;
  }
}

/** What contentlayer generated, as buildIndex takes it; its conversions of text are timed and tallied. */
export function resolveInput(
  { allArticles, allSitePages, allAuthors, allTags, allSections, glossary }: GeneratedContent,
  terms: { hant: string; hans: string }[],
  converter: Converter,
  log: ConversionLog,
  now: Date,
): ResolveInput {
  return {
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
      timed(log, () => {
        const { text: converted, replacements } = converter.convertWithReport(text, from);
        if (file) tally(log, file, replacements);
        return converted;
      }),
    imageSize: sizeOf,
    imageHash: sizeOf.hash,
    includeDrafts: process.env.INCLUDE_DRAFTS === '1',
    now,
  };
}

/** The sizes of the images a body shows, by path (an image not found is left out). */
const measuredImages = (sources: string[]) =>
  Object.fromEntries(
    sources.flatMap((src) => {
      const size = sizeOf(src);
      return size ? [[src, size]] : [];
    }),
  );

type ArticleSource = GeneratedContent['allArticles'][number]['body'];

/** This run's article bodies: the converter, the conversions kept from before and made now, and counts. */
export type BodyRun = {
  converter: Converter;
  log: ConversionLog;
  /** conversions.json as the last run left it, by the source's code hash, script and converter key. */
  kept: Record<string, Conversion | string>;
  /** What this run leaves in conversions.json. */
  conversions: Record<string, Conversion>;
  /** Bodies derived from the other script, and how many of them were converted now. */
  derived: number;
  converted: number;
};

/** Converts a derived article's compiled body into the other script, counting it and what was replaced. */
function convertArticleCode(run: BodyRun, source: ArticleSource, from: Locale) {
  run.converted += 1;
  const result = timed(run.log, () => run.converter.convertCodeWithReport(source.code(), from));
  return { code: result.code, replaced: countReplacements(result.replacements) };
}

/**
 * A derived body's code hash: as converted before while its source and the converter are the same,
 * else converted now (and then the code too, not to convert it twice).
 */
function derivedCode(run: BodyRun, article: ArticleSummary, source: ArticleSource, from: Locale) {
  run.derived += 1;
  const key = `${source.codeHash}:${from}:${run.converter.key}`;
  const kept = run.kept[key];
  let code: string | undefined;
  let codeHash: string;
  let replacements: ReplacementCount[];
  // An entry from before the replacements were kept (a bare hash) is converted again.
  if (kept && typeof kept !== 'string') ({ hash: codeHash, replaced: replacements } = kept);
  else {
    ({ code, replaced: replacements } = convertArticleCode(run, source, from));
    codeHash = contentHash(code);
  }
  run.conversions[key] = { hash: codeHash, replaced: replacements };
  tally(run.log, article.sourceFile, replacements);
  return { codeHash, code };
}

/**
 * Sets an article's body hash, and puts its body in the store unless a body of that hash is there,
 * with its feed HTML when a feed shows it.
 */
export function writeArticleBody(
  run: BodyRun,
  article: ArticleSummary,
  source: ArticleSource,
  bodies: BodyWriter,
  inFeeds: boolean,
) {
  const from = article.derivedFrom;
  const images = measuredImages(source.imageSources);
  const { codeHash, code } = from ? derivedCode(run, article, source, from) : { codeHash: source.codeHash };
  // A body is named by its code, its images' sizes and what its feed HTML depends on (its
  // renderer, and the sponsor flag, which sets rel="sponsored"), all known without reading the code.
  article.bodyHash = contentHash(JSON.stringify([codeHash, images, feedHtmlKey, Boolean(article.sponsor)]));
  const needsHtml = inFeeds && !bodies.hasFeedHtml(article.bodyHash, article.locale);
  if (bodies.has(article.bodyHash) && !needsHtml) return;
  const body =
    code ??
    (bodies.has(article.bodyHash) ? bodies.body(article.bodyHash)?.code : undefined) ??
    (from ? convertArticleCode(run, source, from).code : source.code());
  bodies.add(article.bodyHash, JSON.stringify({ code: body, images } satisfies ArticleBody));
  if (needsHtml)
    bodies.addFeedHtml(
      article.bodyHash,
      article.locale,
      feedBodyHtml({ code: body, images }, article.locale, Boolean(article.sponsor)),
    );
}

/**
 * Puts in the store the articles' bodies not there before. The hash of each converted body's code and
 * what the converter replaced in it are kept by its source's code and the converter: a body converted
 * once is not converted again until its source, the glossary or the vocabulary changes.
 */
function writeArticleBodies(
  index: ContentIndex,
  allArticles: GeneratedContent['allArticles'],
  bodies: BodyWriter,
  run: BodyRun,
  now: Date,
) {
  const bySource = new Map(allArticles.map((a) => [a._raw.sourceFilePath, a.body]));
  const inFeeds = feedStories(index.articles, now);
  for (const article of index.articles) {
    const source = bySource.get(article.sourceFile);
    if (!source) throw new Error(`No compiled body for ${article.sourceFile}`);
    writeArticleBody(run, article, source, bodies, inFeeds.has(article));
  }
}

/** A run over article bodies, with the conversions kept by the last one. */
export function startBodyRun(converter: Converter, log: ConversionLog): BodyRun {
  const kept = readJson<Record<string, Conversion | string>>(conversionsFile) ?? {};
  return { converter, log, kept, conversions: {}, derived: 0, converted: 0 };
}

/**
 * Keeps the conversions of this run for the next: only this run's after a full index step (what
 * no body uses any more goes), the earlier ones too after a publish's update of a few stories.
 */
export function saveConversions(run: BodyRun, { keepEarlier }: { keepEarlier: boolean }) {
  const earlier = keepEarlier
    ? Object.fromEntries(Object.entries(run.kept).filter((e): e is [string, Conversion] => typeof e[1] !== 'string'))
    : {};
  writeAtomically(conversionsFile, JSON.stringify({ ...earlier, ...run.conversions }));
}

/**
 * Names what the stored bodies were made with: the converter (glossary and vocabulary), the body
 * compiler and the feed HTML's renderer. A publish updates the store in place only while it is the same.
 */
export const indexKey = (converter: Converter) =>
  contentHash(JSON.stringify([converter.key, compiledKey(''), feedHtmlKey]));

/** Puts in the store the site's own pages' bodies: a handful, converted afresh on every run. */
function writeSitePageBodies(
  index: ContentIndex,
  allSitePages: GeneratedContent['allSitePages'],
  bodies: BodyWriter,
  converter: Converter,
  log: ConversionLog,
) {
  const pageBodies = new Map(allSitePages.map((p) => [p._raw.sourceFilePath, p.body]));
  for (const page of index.pages) {
    const source = pageBodies.get(page.sourceFile);
    if (!source) throw new Error(`No compiled body for ${page.sourceFile}`);
    const from = page.derivedFrom;
    const code = from ? timed(log, () => converter.convertCode(source.code, from)) : source.code;
    const images = measuredImages(bodyImageSources(source.raw));
    const body = JSON.stringify({ code, images } satisfies ArticleBody);
    page.bodyHash = contentHash(body);
    bodies.add(page.bodyHash, body);
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/**
 * What the derived articles' conversion took, and what it replaced. Editors want to see which files
 * were converted and what the vocabulary and glossary replaced in each (to spot a wrong word); a
 * corpus of thousands gets the first few and the totals.
 */
export function reportConversions(articles: readonly ArticleSummary[], run: BodyRun) {
  const { derived, converted, log } = run;
  // Bodies converted before, and not changed since, are not converted again.
  console.log(
    converted === derived
      ? `Conversion: ${seconds(log.ms)} s in all, ${(log.ms / converted).toFixed(1)} ms per converted article`
      : `Conversion: ${seconds(log.ms)} s in all: the titles of ${derived} articles, ${converted} bod${converted === 1 ? 'y' : 'ies'} (the others as converted before)`,
  );
  const derivedArticles = articles.filter((x) => x.derivedFrom);
  for (const a of derivedArticles.slice(0, 20)) {
    console.log(`  converted ${a.derivedFrom} -> ${a.locale}: ${a.sourceFile}`);
    for (const line of replacementLines(log.replaced.get(a.sourceFile))) console.log(`    ${line}`);
  }
  if (derivedArticles.length > 20) console.log(`  … and ${derivedArticles.length - 20} more`);
  const totals = { vocabulary: 0, glossary: 0 };
  for (const counts of log.replaced.values()) {
    for (const [entry, n] of counts) totals[entry.startsWith('glossary') ? 'glossary' : 'vocabulary'] += n;
  }
  console.log(
    `  replacements in ${derivedArticles.length} converted files: vocabulary ${totals.vocabulary}, glossary ${totals.glossary} (npm run check:content -- --explain FILE shows them in place)`,
  );
}

/**
 * Builds the index and writes it to the store; undefined, with the problems printed, when content is
 * wrong, and then nothing is written. Bodies go in first, each under a hash of its content (a body
 * that did not change is not written again); then the stories, names and pages in one transaction,
 * which also removes the bodies nothing names any more (pipeline/index/write-store.ts).
 */
export function writeContentIndex(content: GeneratedContent): WrittenIndex | undefined {
  const started = performance.now();
  const now = new Date();
  const terms = glossaryTerms(content.glossary);
  const converter = converterFor(terms);
  const log: ConversionLog = { ms: 0, replaced: new Map() };

  const { index, problems } = buildIndex(resolveInput(content, terms, converter, log, now));
  if (problems.length > 0) {
    console.error(formatProblems(problems, contentDir));
    return undefined;
  }
  const takingLater = linkRelated(index, now);

  const previous = readIndexFromStore(storeFile);
  const db = openStoreForWriting(storeFile);
  try {
    const bodies = new BodyWriter(db);
    const run = startBodyRun(converter, log);
    writeArticleBodies(index, content.allArticles, bodies, run, now);
    writeSitePageBodies(index, content.allSitePages, bodies, converter, log);
    bodies.flush();
    saveConversions(run, { keepEarlier: false });
    writeIndexToStore(db, index, { at: now.getTime(), key: indexKey(converter) }, takingLater);
    // A tiny module the app imports: when it changes, `next dev` refreshes open pages by itself.
    writeAtomically(revisionFile, JSON.stringify({ revision: new Date().toISOString() }));
    writeAtomically(previewProblemsFile, JSON.stringify({ problems: [] }));
    console.log(
      `Indexed ${index.articles.length} articles (${run.derived} derived from the other script, ${run.converted} of them converted now), ${index.tags.length} tags, ` +
        `${index.sections.length} sections, ${index.authors.length} authors, ${index.pages.length} site pages in ${seconds(performance.now() - started)} s`,
    );
    if (run.derived > 0) reportConversions(index.articles, run);
    return { index, previous };
  } finally {
    db.close();
  }
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

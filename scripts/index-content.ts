// Runs after `contentlayer2 build`: checks every cross-document reference, then writes the
// body-free index that listings read and one body file per article. Any problem stops the build.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { readFileSync } from 'node:fs';
import { allArticles, allAuthors, allSections, allTags } from 'contentlayer/generated';
import { buildIndex } from '@/lib/catalog';
import { bodyFile, contentOutDir, indexFile } from '@/lib/content-files';
import type { ArticleBody } from '@/lib/content-model';
import { formatProblems } from './problems';

const publicDir = path.join(process.cwd(), 'public');

function sizeOf(src: string) {
  const file = path.join(publicDir, src);
  if (!file.startsWith(publicDir + path.sep)) return undefined;
  try {
    const { width, height } = imageSize(readFileSync(file));
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

const started = performance.now();
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
  imageSize: sizeOf,
  includeDrafts: process.env.INCLUDE_DRAFTS === '1',
});

if (problems.length > 0) {
  console.error(formatProblems(problems, process.env.CONTENT_DIR ?? 'content'));
  process.exit(1);
}

rmSync(contentOutDir, { recursive: true, force: true });
mkdirSync(contentOutDir, { recursive: true });
writeFileSync(indexFile, JSON.stringify(index));
const codeBySource = new Map(allArticles.map((a) => [a._raw.sourceFilePath, a.body.code]));
for (const article of index.articles) {
  const file = bodyFile(article.locale, article.slug);
  mkdirSync(path.dirname(file), { recursive: true });
  const body: ArticleBody = { code: codeBySource.get(article.sourceFile) ?? '' };
  writeFileSync(file, JSON.stringify(body));
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`Indexed ${index.articles.length} articles, ${index.tags.length} tags, ${index.sections.length} sections, ${index.authors.length} authors in ${seconds} s`);

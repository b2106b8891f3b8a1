// Reads what contentlayer2 wrote: one `generated` folder, or one per shard (pipeline/compile.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedContent } from './write-index';

/** The list of generated folders the last compile (pipeline/compile.ts) wrote. */
export const generatedDirsFile = path.join('.contentlayer', 'generated-dirs.json');

/** The folder `contentlayer2 build` and `contentlayer2 dev` write to when run in the project. */
export const defaultGeneratedDir = path.join('.contentlayer', 'generated');

/**
 * The documents in the given generated folders, read afresh (an import would be cached for good).
 * Articles are gathered from every folder; authors, tags, sections and the glossary, which every
 * shard compiles alike, from the first.
 */
export function readGenerated(dirs: string[] = JSON.parse(readFileSync(generatedDirsFile, 'utf8')) as string[]): GeneratedContent {
  const read = <T>(dir: string, type: string): T => JSON.parse(readFileSync(path.join(dir, type, '_index.json'), 'utf8')) as T;
  const [first] = dirs;
  if (!first) throw new Error(`${generatedDirsFile} lists no generated folder: run npm run content.`);
  return {
    allArticles: dirs.flatMap((dir) => read<GeneratedContent['allArticles']>(dir, 'Article')),
    allAuthors: read(first, 'Author'),
    allTags: read(first, 'Tag'),
    allSections: read(first, 'Section'),
    glossary: read(first, 'Glossary'),
  };
}

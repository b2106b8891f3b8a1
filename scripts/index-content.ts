// `tsx scripts/index-content.ts`, after `contentlayer2 build`: writes the content index (see
// scripts/content-index.ts). Any content problem stops the build.
import { allArticles, allAuthors, allSections, allTags, glossary } from 'contentlayer/generated';
import { writeContentIndex } from './content-index';

if (!writeContentIndex({ allArticles, allAuthors, allSections, allTags, glossary })) process.exit(1);

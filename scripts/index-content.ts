// `tsx scripts/index-content.ts`, after scripts/contentlayer-build.ts: writes the content index (see
// scripts/content-index.ts) from every folder contentlayer wrote. Any content problem stops the build.
import { writeContentIndex } from './content-index';
import { readGenerated } from './generated-content';

if (!writeContentIndex(readGenerated())) process.exit(1);

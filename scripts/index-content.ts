// `npm run content`, third step, after scripts/compile-content.ts: writes the content index
// (pipeline/index/write-index.ts) from every folder contentlayer wrote. Any content problem stops the build.
import '@/pipeline/react-production';
import { readGenerated } from '@/pipeline/index/generated';
import { writeContentIndex } from '@/pipeline/index/write-index';
import { recordBuild } from '@/pipeline/publish-state';

if (!writeContentIndex(readGenerated())) process.exit(1);
recordBuild();

// `npm run content`, second step: contentlayer2 compiles the content (pipeline/compile.ts).
import { compileContent } from '@/pipeline/compile';

await compileContent();

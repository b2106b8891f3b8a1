// `npm run build`, the pages: `next build` for the production server, which fails when Turbopack
// traced the whole project (pipeline/next-build.ts).
import { runNextBuild } from '@/pipeline/next-build';

try {
  await runNextBuild(process.cwd(), process.env);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  process.exit(1);
}

// `npm run export:static`, first step: the static export's `next build`, apart from the project's .next
// (pipeline/static-build.ts).
import { buildStaticExport } from '@/pipeline/static-build';

try {
  await buildStaticExport();
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  process.exit(1);
}

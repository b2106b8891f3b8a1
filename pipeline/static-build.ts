// `npm run export:static`, first step: `next build` of the static export, made in a copy of the site's
// sources, .static-build/, and moved to out/. Next builds an export in its project's .next whatever
// its distDir, which in the project itself would replace the build a running production server reads
// (its styles and scripts answered 500). The copy is a folder inside the project, not links to it:
// Turbopack refuses a node_modules linked from outside its root; packages resolve from the project's
// own node_modules, one folder up. The copy's .next keeps Turbopack's cache from one export to the next.
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contentOutDir } from '@/lib/content-files';
import { runNextBuild } from './next-build';

const root = process.cwd();

/** Where the static export is built: ignored by git, lint, the type check and the tests. */
const staticBuildDir = path.join(root, '.static-build');

/** What `next build` reads of the project: the site's code, its settings and public/. */
const siteSources = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'public',
  'next.config.js',
  'tsconfig.json',
  'postcss.config.mjs',
  'global.d.ts',
];

/** Builds the static export in .static-build/ and puts it in the project's out/. */
export async function buildStaticExport(): Promise<void> {
  const started = performance.now();
  mkdirSync(staticBuildDir, { recursive: true });
  // Copied anew each time, so that a file removed from the project is gone from the copy too.
  for (const source of siteSources) {
    rmSync(path.join(staticBuildDir, source), { recursive: true, force: true });
    cpSync(path.join(root, source), path.join(staticBuildDir, source), {
      recursive: true,
      filter: (file) => !file.endsWith('.test.ts'),
    });
  }
  // The content is the project's own: read where it is, not copied (next.config.js, lib/content-files.ts).
  await runNextBuild(staticBuildDir, { ...process.env, STATIC_EXPORT: '1', CONTENT_DATA_DIR: contentOutDir });
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
  renameSync(path.join(staticBuildDir, 'out'), path.join(root, 'out'));
  console.log(
    `Static export built in ${((performance.now() - started) / 1000).toFixed(1)} s, in .static-build/, moved to out/.`,
  );
}

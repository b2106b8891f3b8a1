import type { KnipConfig } from 'knip';

// What `npm run lint` holds the code to: no file, dependency or export that nothing uses. Lint runs it
// with --no-config-hints: knip would otherwise remind it on every run that stories' .mdx is left out of
// the project, which is meant (stories import nothing; the content check refuses imports).
const config: KnipConfig = {
  entry: [
    // Next loads these by convention or by path (next.config.js names the cache handler).
    'app/robots.tsx',
    'lib/cache-handler.mjs',
    // contentlayer2's own CLI reads it (pipeline/compile.ts).
    'contentlayer.config.ts',
    // Command-line entries, each run by its npm script.
    'scripts/*.{ts,mjs}',
    'bench/*.ts',
    // Loaded into the soak's servers by path (bench/soak.ts); bench/publish.ts's load thread.
    'bench/heap-probe.mjs',
    'bench/load-thread.mjs',
    // The body compile's worker threads load it by path (pipeline/mdx-compile.ts).
    'pipeline/mdx-worker.mjs',
  ],
  project: ['**/*.{ts,tsx,mts,mjs,js,css}'],
  // Declarations for a .mjs module that TypeScript finds beside it, not through an import.
  ignore: ['lib/*.d.mts'],
  ignoreDependencies: [
    // Read from disk by package name: the social cards' fonts (lib/card-fonts.ts) and the static
    // export's file server (e2e/static-export.spec.ts starts its script).
    '@fontsource/noto-sans-sc',
    '@fontsource/noto-sans-tc',
    'serve',
    // `contentlayer/generated` (knip names it by its first segment): a tsconfig path into what
    // contentlayer generates, which a fresh clone has only after `npm run content`, and lint runs first.
    'contentlayer',
  ],
  // Programs from Debian's packages, not npm's.
  ignoreBinaries: ['fc-list', 'uptime', 'pg_dump'],
  compilers: {
    // The stylesheet's @import and @plugin name packages too.
    css: (text: string) => [...text.matchAll(/(?<=@)(?:import|plugin)[^;]+/g)].join('\n').replace(/plugin/g, 'import'),
  },
};

export default config;

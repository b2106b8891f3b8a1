import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

// The project's layers, and which may import which (docs/architecture.md). Arrows point down:
// app -> components -> lib -> i18n; scripts -> pipeline -> lib, i18n; bench beside scripts.
// Each pattern catches a folder by its alias (@/lib/…) and by a relative path (../lib/…).
const folder = (name, message) => ({ regex: `^(@/|(\\.{1,2}/)+)${name}(/|$)`, message });
const generated = {
  regex: '^contentlayer/generated$',
  message: 'Only the index step (pipeline/index/) reads what contentlayer generates; pages read lib/content.ts.',
};
const pipeline = folder(
  'pipeline',
  'pipeline/ runs at build and publish time; nothing that serves pages may import it.',
);
const bench = folder(
  'bench',
  'bench/ holds benchmarks and tools; nothing that builds or serves the site may import it.',
);
const app = folder('app', 'app/ holds routes: import from components/ or lib/ instead.');
const components = folder('components', 'components/ is presentation: lib/ and the build may not depend on it.');
// The search index and the feeds are made of the articles' text as readers see it, drawn by the
// page's own renderer: the build may import those two components, and nothing else of components/.
const componentsButSearchDocument = {
  ...components,
  regex: '^(@/|(\\.{1,2}/)+)components/(?!search/search-document$|feed/feed-body$)',
  message:
    'components/ is presentation: the build may import only components/search/search-document and components/feed/feed-body.',
};
// bench/cards.ts times the drawing of a social card: the one component bench/ may import.
const componentsButSocialCard = {
  ...components,
  regex: '^(@/|(\\.{1,2}/)+)components/(?!social/social-card$)',
  message: 'components/ is presentation: bench/ may import only components/social/social-card (to time it).',
};
const lib = folder('lib', 'i18n/ sits below lib/: it may not import it.');
// The database layer is for routes: a component shows what its route read, and never opens the database.
const database = {
  ...folder('lib/engage', ''),
  message: 'components/ never reach the database layer (lib/engage/): the route reads it and passes the result down.',
};
// Components present what their route resolved; the one door to content is for routes and lib/.
const contentQueries = {
  regex: '^@/lib/(content|listings)$',
  allowTypeImports: true,
  message: 'Components do not query content: the route asks lib/content.ts and passes the result down.',
};
// The serving code's door to content is server-only; the build writes the index it reads.
const contentDoor = {
  regex: '^@/lib/(content|listings)$',
  allowTypeImports: true,
  message: 'The build writes the content index; it does not read it through lib/content.ts.',
};

const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Generated output stays out of lint: at scale it is hundreds of megabytes of JSON (the content
  // index and the search index live under .contentlayer/site; a static export under out/).
  globalIgnores([
    '.next/**',
    '.contentlayer/**',
    // The body compile's cache: compiled code (pipeline/mdx-compile.ts).
    '.cache/**',
    'out/**',
    '.static-build/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  restrict(['app/**', 'proxy.ts'], [pipeline, bench, generated]),
  restrict(['components/**'], [pipeline, bench, app, generated, contentQueries, database]),
  restrict(['lib/**'], [pipeline, bench, app, components, generated]),
  restrict(['i18n/**'], [pipeline, bench, app, components, lib, generated]),
  restrict(['pipeline/**'], [bench, app, componentsButSearchDocument, generated, contentDoor], ['pipeline/index/**']),
  restrict(['pipeline/index/**'], [bench, app, components, contentDoor]),
  restrict(['scripts/**'], [app, components, generated]),
  restrict(['bench/**'], [app, componentsButSocialCard, generated]),
  // A function a reader can hold: past 80 lines, split it where its parts have names of their own. A
  // component that is one JSX tree reading top to bottom may stay long, with a directive saying so.
  // Suites are left out: a describe block groups tests, and a spec reads as a list of steps.
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    ignores: ['**/*.test.ts', 'e2e/**/*.spec.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  // A rule switched off in one place says why, on the same line after `--`.
  comments.recommended,
  { rules: { '@eslint-community/eslint-comments/require-description': 'error' } },
  // Layout is Prettier's (`npm run format`; `npm run lint` runs `prettier --check`): no style rules here.
  prettier,
]);

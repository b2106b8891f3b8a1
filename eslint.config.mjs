import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Generated output stays out of lint: at scale it is hundreds of megabytes of JSON.
  // public/pagefind/ is the search index that `npm run search:index` writes after a build.
  globalIgnores(['.next/**', '.contentlayer/**', 'out/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'public/pagefind/**']),
]);

import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Generated output stays out of lint: at scale it is hundreds of megabytes of JSON.
  globalIgnores(['.next/**', '.contentlayer/**', 'out/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
]);

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Tests run outside React's server environment, where `server-only` would throw on import.
      'server-only': fileURLToPath(new URL('node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'i18n/**/*.test.ts',
      'pipeline/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    environment: 'node',
    // One PostgreSQL server for every test file of the site's database (tests/test-databases.ts).
    globalSetup: ['tests/postgres-setup.ts'],
    // Vitest's default (one worker fewer than cores) ran the files one at a time on two cores, while
    // the longest wait on the editors' scripts they start (tests/project-copy.ts) and on databases.
    maxWorkers: 2,
  },
});

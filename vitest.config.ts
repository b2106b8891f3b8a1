import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'i18n/**/*.test.ts',
      'pipeline/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    environment: 'node',
  },
});

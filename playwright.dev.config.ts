import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The live preview (`npm run dev`), tested on its own port after the production suite, at localhost
// (and at 127.0.0.1 in one test: next.config.js allows both origins).
const port = Number(process.env.DEV_E2E_PORT ?? 3200);

export default defineConfig({
  ...base,
  testDir: 'e2e/dev',
  testIgnore: [],
  workers: 1,
  projects: [{ name: 'dev', use: base.projects?.[0]?.use }],
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: {
    command: `npm run dev -- -p ${port}`,
    url: `http://localhost:${port}/zh-Hant`,
    reuseExistingServer: false,
    timeout: 180_000,
    // Stopped as a terminal stops it, so that the preview stops what it started (pipeline/preview.ts):
    // Playwright's default SIGKILL leaves them running, holding its output open.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});

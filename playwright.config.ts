import { defineConfig, devices } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, chromiumPath } from './bench/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh database for each run, which the tests read too (e2e/comments.spec.ts): what one run
// posted never counts against the next one's limits. Workers inherit it from here.
process.env.E2E_DATABASE_FILE ??= path.join(os.tmpdir(), `e2e-site-${Date.now()}.db`);
// Mail the server sends (no SMTP here) lands in this folder, which e2e/outbox.ts reads.
process.env.E2E_OUTBOX_DIR ??= path.join(os.tmpdir(), `e2e-outbox-${Date.now()}`);
// Debian's Chromium: Playwright's own browser download is not possible here (bench/chromium.ts).
const launchOptions = { executablePath: chromiumPath, args: chromiumArgs };

export default defineConfig({
  testDir: 'e2e',
  // e2e/dev runs against the live preview, with its own config (playwright.dev.config.ts).
  testIgnore: ['dev/**', 'dev-stop/**'],
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Sums the Content-Security-Policy watch of every test (e2e/fixtures.ts).
  globalTeardown: './e2e/csp-teardown.ts',
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A trace for a failure's retry (CI retries once): recording one for every test took a third of
    // the run's time. `--trace on` records them all.
    trace: 'on-first-retry',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, grep: /@phone/ },
  ],
  webServer: {
    // The production server, as `npm start` runs it.
    command: 'node --import tsx/esm scripts/start.ts',
    url: `http://127.0.0.1:${port}/zh-Hant`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Tests act as many readers: each names its address in X-Forwarded-For, as a CDN would.
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_FILE: process.env.E2E_DATABASE_FILE,
      OUTBOX_DIR: process.env.E2E_OUTBOX_DIR,
      TRUST_PROXY_HOPS: '1',
    },
  },
});

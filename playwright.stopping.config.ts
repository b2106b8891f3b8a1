import { defineConfig } from '@playwright/test';
import dev from './playwright.dev.config';

// Stopping the live preview: the test starts its own `npm run dev`, so no other preview may run in
// the project (Next allows one `next dev` per folder), which is why it is not in the dev suite.
export default defineConfig({ ...dev, testDir: 'e2e/dev-stop', webServer: undefined });

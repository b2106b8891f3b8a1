import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';

// Editors for the e2e tests, added with the command editors use (npm run editors), and signing in
// at /admin as they do.

export const databaseFile = process.env.E2E_DATABASE_FILE!;
export const editorPassword = 'tide-watcher-2026';
export const editorAddress = { 'X-Forwarded-For': '192.0.2.1, 198.18.0.1' };

export function addEditor(name: string) {
  execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/editors.ts', 'add', name], {
    input: `${editorPassword}\n`,
    env: { ...process.env, DATABASE_FILE: databaseFile },
  });
}

export async function signIn(page: Page, name: string, secret = editorPassword, address = editorAddress) {
  await page.setExtraHTTPHeaders(address);
  await page.goto('/admin');
  const form = page.getByTestId('admin-login');
  await form.getByLabel('帳號').fill(name);
  await form.getByLabel('密碼').fill(secret);
  await form.getByRole('button', { name: '登入' }).click();
}

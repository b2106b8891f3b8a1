import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { changedFiles, filesOf } from '../output-files';
import { readIndexFromStore } from '../../pipeline/index/write-store';

// Runs against `npm run dev` (playwright.dev.config.ts): what an editor sees while writing.
const file = 'content/articles/editors-draft-example/zh-Hant.mdx';

/**
 * Opens a page of the preview and waits until it takes refreshes, as an editor's page does by the
 * time they type: its refresh channel open, and Next's router running (next dev sets `window.nd`
 * once it is). A refresh that comes before is lost (Next logs "Router action dispatched before
 * initialization"), and that page stops updating.
 */
async function openPreview(page: Page, url: string) {
  const listening = page.waitForEvent('websocket', (ws) => ws.url().includes('/_next/'));
  await page.goto(url);
  await listening;
  await page.waitForFunction(() => 'nd' in window);
}

/**
 * Puts the file back, and waits until the open page shows it so: the next test then opens its page
 * with no refresh in flight.
 */
async function restore(page: Page, original: string, sentence: string) {
  writeFileSync(file, original);
  await expect(page.getByText(sentence)).toBeHidden({ timeout: 20_000 });
}

test('a draft is visible in the preview, with its banner', async ({ page }) => {
  await page.goto('/zh-Hant/articles/editors-draft-example');
  await expect(page.getByTestId('draft-banner')).toBeVisible();
  await page.goto('/zh-Hant/tags/media');
  await expect(
    page.getByTestId('article-card').filter({ hasText: '草稿範例' }).getByText('草稿', { exact: true }),
  ).toBeVisible();
});

test('saving the article updates the open page by itself, and a mistake keeps the last good version', async ({
  page,
}) => {
  const original = readFileSync(file, 'utf8');
  try {
    await openPreview(page, '/zh-Hant/articles/editors-draft-example');
    const sentence = `即時預覽測試${Date.now()}`;
    const saved = Date.now();
    writeFileSync(file, `${original}\n${sentence}\n`);
    await expect(page.getByText(sentence)).toBeVisible({ timeout: 20_000 });
    test.info().annotations.push({ type: 'seconds to update', description: ((Date.now() - saved) / 1000).toFixed(1) });

    // A broken save: the page keeps the last good text, and says above it what is wrong, where.
    writeFileSync(file, `${original}\n${sentence}\n\n<Chart />\n`);
    const banner = page.getByTestId('preview-problems');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText('content/articles/editors-draft-example/zh-Hant.mdx:');
    await expect(banner).toContainText('未知的元件 <Chart>');
    await expect(page.getByText(sentence)).toBeVisible();
    await page.reload();
    await expect(page.getByText(sentence)).toBeVisible();
    await expect(banner).toBeVisible();
    // Fixed: the banner goes by itself.
    writeFileSync(file, `${original}\n${sentence}\n`);
    await expect(banner).toBeHidden({ timeout: 20_000 });
    await restore(page, original, sentence);
  } finally {
    writeFileSync(file, original);
  }
});

test('the preview updates by itself at 127.0.0.1 too', async ({ page }) => {
  const original = readFileSync(file, 'utf8');
  try {
    await openPreview(
      page,
      `http://127.0.0.1:${process.env.DEV_E2E_PORT ?? 3200}/zh-Hant/articles/editors-draft-example`,
    );
    const sentence = `本機位址預覽測試${Date.now()}`;
    writeFileSync(file, `${original}\n${sentence}\n`);
    await expect(page.getByText(sentence)).toBeVisible({ timeout: 20_000 });
    await restore(page, original, sentence);
  } finally {
    writeFileSync(file, original);
  }
});

test('the preview writes only its own folder: what the production server reads stays as it was', async ({ page }) => {
  // What a production server in this folder reads: the content store (where a draft would go
  // live) and its build. next dev writes .next/dev, beside the build, not in it. A reader of the
  // store makes SQLite's own shared-memory and log files beside it: they hold no content.
  const production = () => ({
    content: filesOf('.contentlayer/site', (f) => /\.db-(?:wal|shm)$/.test(f)),
    build: filesOf('.next', (f) => f === 'dev'),
  });
  const before = production();
  const served = readIndexFromStore('.contentlayer/site/content.db');
  if (served)
    expect(
      served.articles.some((a) => a.slug === 'editors-draft-example'),
      'the production store lists the draft',
    ).toBe(false);
  const original = readFileSync(file, 'utf8');
  try {
    await openPreview(page, '/zh-Hant/articles/editors-draft-example');
    const sentence = `只在預覽${Date.now()}`;
    writeFileSync(file, `${original}\n${sentence}\n`);
    await expect(page.getByText(sentence)).toBeVisible({ timeout: 20_000 });
    await restore(page, original, sentence);
  } finally {
    writeFileSync(file, original);
  }
  const after = production();
  expect(changedFiles(before.content, after.content)).toEqual([]);
  expect(changedFiles(before.build, after.build)).toEqual([]);
  expect(existsSync('.next/dev')).toBe(true);
});

import path from 'node:path';

/**
 * Where the index step writes the content store that pages read: in the project (the server runs
 * there, so that a publish updates what it serves), or where CONTENT_DATA_DIR says.
 */
export const contentOutDir = process.env.CONTENT_DATA_DIR
  ? path.resolve(process.env.CONTENT_DATA_DIR)
  : // turbopackIgnore: else every route traces the whole folder, the search index's 120,000 files at
    // 50,000 stories among them, and a build after the first takes minutes and gigabytes more.
    path.join(/* turbopackIgnore: true */ process.cwd(), '.contentlayer', 'site');

/**
 * The content store (lib/content-store.ts): stories, names, listings and compiled bodies, written
 * in transactions by each content build or publish, so a reader never sees half of one.
 */
export const storeFile = path.join(contentOutDir, 'content.db');

/** Changes with every content build; lib/content.ts imports it so that dev reloads on change. */
export const revisionFile = path.join(contentOutDir, 'revision.json');

/**
 * What the live preview could not publish from the last save, for the open page to show (the app
 * imports it, so a change refreshes the page); empty whenever an index is written.
 */
export const previewProblemsFile = path.join(contentOutDir, 'preview-problems.json');

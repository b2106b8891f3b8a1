import type { ContentIndex } from './content-model';
import { currentRawIndex, loadIndex, type LoadedIndex } from './content-index';
import { changedPages, pageFingerprints } from './page-paths';
import { sitemapPaths } from './sitemap';
import { internalPublishToken } from './publish';

// Scheduled stories: an article dated later than its publish stays in the index, invisible; every
// server checks a few times a minute whether one's time has come, and then revalidates the pages
// that now show it, exactly as a publish would (started by instrumentation.ts).

const CHECK_EVERY_MS = 5_000;

let seen: { raw: ContentIndex; loaded: LoadedIndex } | undefined;

async function check() {
  const raw = currentRawIndex();
  const now = Date.now();
  // A new index was published: the publish revalidated what it changed.
  if (!seen || seen.raw !== raw) {
    seen = { raw, loaded: loadIndex(raw, now) };
    return;
  }
  if (now < seen.loaded.visibleUntil) return;
  const loaded = loadIndex(raw, now);
  const changed = changedPages(pageFingerprints(seen.loaded), pageFingerprints(loaded));
  seen = { raw, loaded };
  if (changed.length === 0) return;
  const host = !process.env.HOSTNAME || process.env.HOSTNAME === '0.0.0.0' ? '127.0.0.1' : process.env.HOSTNAME;
  const response = await fetch(`http://${host}:${process.env.PORT ?? 3000}/api/publish`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${internalPublishToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ paths: [...changed, ...sitemapPaths(loaded)] }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  console.log(`Scheduled stories went live: ${changed.length} page(s) revalidated.`);
}

/** Starts the check; it never keeps the process alive by itself. */
export function startSchedule(): void {
  setInterval(() => {
    check().catch((error: unknown) => console.error(`Scheduled publishing failed: ${(error as Error).message}`));
  }, CHECK_EVERY_MS).unref();
}

import type { ContentIndex } from './content-model';
import { currentRawIndex, loadIndex, type LoadedIndex } from './content-index';
import { changedPages, pageFingerprints } from './page-paths';
import { sitemapPaths } from './sitemap';
import { internalPublishToken } from './publish';

// Scheduled stories: an article dated later than its publish stays in the index, invisible; every
// server checks a few times a minute whether one's time has come, and then revalidates the pages
// that now show it, exactly as a publish would (started by instrumentation.ts).

const CHECK_EVERY_MS = 5_000;

type NoticeState = 'idle' | 'waiting' | 'sent';

/**
 * The pages a scheduled story changed, held until a notice naming them is delivered: a failed
 * notice is sent again (with every page gathered meanwhile) after a wait that doubles each time.
 */
export function retryingNotice(
  send: (paths: string[]) => Promise<void>,
  { firstDelayMs = CHECK_EVERY_MS, maxDelayMs = 5 * 60_000 } = {},
) {
  const pending = new Set<string>();
  let failures = 0;
  let notBefore = 0;
  let sending = false;
  return {
    add(paths: string[]) {
      for (const path of paths) pending.add(path);
    },
    async flush(now = Date.now()): Promise<NoticeState> {
      if (pending.size === 0) return 'idle';
      if (now < notBefore || sending) return 'waiting';
      const paths = [...pending];
      sending = true;
      try {
        await send(paths);
      } catch (error) {
        failures += 1;
        notBefore = now + Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - 1));
        throw error;
      } finally {
        sending = false;
      }
      for (const path of paths) pending.delete(path);
      failures = 0;
      notBefore = 0;
      return 'sent';
    },
  };
}

async function sendNotice(paths: string[]) {
  const host = !process.env.HOSTNAME || process.env.HOSTNAME === '0.0.0.0' ? '127.0.0.1' : process.env.HOSTNAME;
  const response = await fetch(`http://${host}:${process.env.PORT ?? 3000}/api/publish`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${internalPublishToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ paths }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  console.log(`Scheduled stories went live: ${paths.length} page(s) revalidated.`);
}

const notice = retryingNotice(sendNotice);
let seen: { raw: ContentIndex; loaded: LoadedIndex } | undefined;

/** Gathers the pages a story whose time has come changed. */
function gatherChanged() {
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
  if (changed.length > 0) notice.add([...changed, ...sitemapPaths(loaded)]);
}

/** Starts the check; it never keeps the process alive by itself. */
export function startSchedule(): void {
  setInterval(() => {
    try {
      gatherChanged();
    } catch (error) {
      console.error(`Scheduled stories could not be checked: ${(error as Error).message}`);
    }
    notice
      .flush()
      .catch((error: unknown) => console.error(`Scheduled publishing failed, will retry: ${(error as Error).message}`));
  }, CHECK_EVERY_MS).unref();
}

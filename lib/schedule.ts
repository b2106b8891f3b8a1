import { contentStore } from './content-store';
import { storyChangeTags } from './page-tags';
import { internalPublishToken } from './publish';

// Scheduled stories: an article dated later than its publish stays in the store, invisible; every
// server checks a few times a minute whether one's time has come, and then revalidates the tags of
// the pages that now show it, exactly as a publish would (started by instrumentation.ts).

const CHECK_EVERY_MS = 5_000;

type NoticeState = 'idle' | 'waiting' | 'sent';

/**
 * The tags a scheduled story changed, held until a notice naming them is delivered: a failed
 * notice is sent again (with every tag gathered meanwhile) after a wait that doubles each time.
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

async function sendNotice(tags: string[]) {
  const host = !process.env.HOSTNAME || process.env.HOSTNAME === '0.0.0.0' ? '127.0.0.1' : process.env.HOSTNAME;
  const response = await fetch(`http://${host}:${process.env.PORT ?? 3000}/api/publish`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${internalPublishToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ tags }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  console.log(`Scheduled stories went live: ${tags.length} tag(s) revalidated.`);
}

const notice = retryingNotice(sendNotice);
let checkedUpTo: number | undefined;

/** Gathers the tags of the stories whose time came since the last check. */
function gatherChanged() {
  const store = contentStore();
  const now = Date.now();
  // The first check only marks the time: what was live at the start was live at the build or publish.
  if (checkedUpTo === undefined || store.preview) {
    checkedUpTo = now;
    return;
  }
  for (const story of store.wentLive(checkedUpTo, now)) {
    notice.add(storyChangeTags(story, { card: true, feed: true, pointing: store.pointing(story.locale, story.slug) }));
  }
  checkedUpTo = now;
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

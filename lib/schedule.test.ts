import { describe, expect, it } from 'vitest';
import { retryingNotice } from './schedule';

// A scheduled story's notice that fails (the server busy, restarting, refusing) is sent again
// later, with a growing wait, until it goes through: its pages must not stay stale.

describe('the scheduled publish notice', () => {
  it('is retried with backoff until it is delivered, with every path gathered meanwhile', async () => {
    const sent: string[][] = [];
    let failures = 2;
    const notice = retryingNotice(
      async (paths) => {
        if (failures-- > 0) throw new Error('503 Service Unavailable');
        sent.push(paths);
      },
      { firstDelayMs: 5_000, maxDelayMs: 60_000 },
    );
    expect(await notice.flush(0)).toBe('idle');
    notice.add(['/zh-Hant', '/zh-Hant/articles/a']);
    await expect(notice.flush(0)).rejects.toThrow('503');
    expect(await notice.flush(4_999)).toBe('waiting');
    notice.add(['/zh-Hans']);
    await expect(notice.flush(5_000)).rejects.toThrow('503');
    // The second wait is twice the first.
    expect(await notice.flush(14_999)).toBe('waiting');
    expect(await notice.flush(15_000)).toBe('sent');
    expect(sent).toEqual([['/zh-Hant', '/zh-Hant/articles/a', '/zh-Hans']]);
    expect(await notice.flush(15_001)).toBe('idle');
  });

  it('waits no longer than the longest delay', async () => {
    const notice = retryingNotice(
      async () => {
        throw new Error('down');
      },
      { firstDelayMs: 5_000, maxDelayMs: 20_000 },
    );
    notice.add(['/zh-Hant']);
    let now = 0;
    for (let i = 0; i < 6; i++) {
      await expect(notice.flush(now)).rejects.toThrow('down');
      now += 20_000;
    }
  });
});

import type { EventEmitter } from 'node:events';

// The publish route runs in Next's bundle and the front door is loaded apart (scripts/start.ts):
// two copies of this module in one process, which meet on the process's own events.

const EVENT = 'guanchao:pages-changed';
const events = process as unknown as EventEmitter;

/** Says that pages were revalidated (app/api/publish): the door forgets the pages it keeps. */
export function announcePagesChanged(): void {
  events.emit(EVENT);
}

/** Calls `listener` whenever pages were revalidated in this process. */
export function onPagesChanged(listener: () => void): void {
  events.on(EVENT, listener);
}

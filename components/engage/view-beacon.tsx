'use client';

import { useEffect } from 'react';

/**
 * Tells the server a story was seen, once it is on screen (a page opened in the background or
 * prerendered is not a view), unless the reader asked not to be tracked (Do-Not-Track, Global
 * Privacy Control). No cookie; app/api/views/[story] counts a reader once a day without knowing them.
 */
export function ViewBeacon({ story, locale }: { story: string; locale: string }) {
  useEffect(() => {
    const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
    if (nav.doNotTrack === '1' || nav.globalPrivacyControl) return;
    const send = () => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', send);
      nav.sendBeacon(`/api/views/${encodeURIComponent(story)}`, locale);
    };
    send();
    if (document.visibilityState !== 'visible') document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [story, locale]);
  return null;
}

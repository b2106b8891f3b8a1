'use client';

import { useEffect } from 'react';

/**
 * Fills in the comment counts on a page's cards and story header (each a hidden CommentCountSlot the
 * server drew), in one request after the page; a page without cards asks nothing. The pages stay
 * prerendered: counts change with every approval, the cards do not.
 */
export function CommentCounts({ label }: { label: string }) {
  useEffect(() => {
    const fill = () => {
      const slots = [...document.querySelectorAll<HTMLElement>('[data-comment-count]')];
      const stories = [...new Set(slots.map((s) => s.dataset['commentCount']!))];
      if (stories.length === 0) return;
      fetch(`/api/comment-counts?stories=${stories.slice(0, 60).join(',')}`)
        .then((r): Promise<Record<string, number>> | Record<string, number> => (r.ok ? r.json() : {}))
        .then((counts) => {
          for (const slot of slots) {
            const n = counts[slot.dataset['commentCount']!] ?? 0;
            if (n === 0) continue;
            // The number beside the bubble, and the words for screen readers (components/engage/comment-count-slot.tsx).
            slot.querySelector('[data-count-number]')!.textContent = String(n);
            slot.querySelector('[data-count-text]')!.textContent = label.replace('{count}', String(n));
            slot.hidden = false;
          }
        })
        .catch(() => undefined);
    };
    fill();
  }, [label]);
  return null;
}

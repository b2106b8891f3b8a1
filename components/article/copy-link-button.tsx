'use client';

import { Check, Link } from 'lucide-react';
import { useState } from 'react';

type CopyLinkButtonProps = { url: string; label: string; copied: string };

/** Copies the article's address; the one piece of the share bar that needs a script. */
export function CopyLinkButton({ url, label, copied }: CopyLinkButtonProps) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard.writeText(url);
        setDone(true);
      }}
      className="inline-flex h-10 items-center gap-2 rounded-full border border-neutral-300 px-4 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
    >
      {done ? <Check aria-hidden="true" className="size-5" /> : <Link aria-hidden="true" className="size-5" />}
      <span aria-live="polite">{done ? copied : label}</span>
    </button>
  );
}

'use client';

import { useEffect, useState } from 'react';

// 熱門文章: the most-read stories of the reader's script, asked for after the page (the page itself
// stays prerendered), over the last 24 hours or 7 days. Nothing shows until there is something to show.

type Item = { path: string; title: string; sponsored: boolean };
type MostReadLabels = { title: string; day: string; week: string; sponsored: string };

type MostReadProps = {
  locale: string;
  labels: MostReadLabels;
  /**
   * The front page: a row across a wide screen, closed behind its heading on a phone (the page stays
   * short). Without it, the story's side rail, which shows from the lg breakpoint only.
   */
  wide?: boolean;
};

type Lists = { day: Item[]; week: Item[] };
type Span = 'day' | 'week';

/** The two lists, asked for once the page has run, and whether the front page's row starts open. */
function useMostReadLists(locale: string, wide: boolean) {
  const [lists, setLists] = useState<Lists>();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    const wideScreen = window.matchMedia('(min-width: 1024px)');
    const load = () => {
      wideScreen.removeEventListener('change', load);
      fetch(`/api/most-read?locale=${locale}`)
        .then((r) => (r.ok ? r.json() : undefined))
        .then((data: Lists | undefined) => {
          if (!current || !data) return;
          setLists(data);
          setOpen(wideScreen.matches);
        })
        .catch(() => undefined);
    };
    // The side rail is hidden below the lg breakpoint: there, a phone asks for nothing (a request,
    // a render and a style pass less while the story loads), unless the window grows that wide.
    if (wide || wideScreen.matches) load();
    else wideScreen.addEventListener('change', load);
    return () => {
      current = false;
      wideScreen.removeEventListener('change', load);
    };
  }, [locale, wide]);
  return { lists, open, setOpen };
}

type MostReadListProps = {
  lists: Lists;
  shown: Span;
  onSpan: (span: Span) => void;
  labels: MostReadLabels;
  wide: boolean;
};

/** The tabs for the last 24 hours and the last 7 days, and the list of the one shown. */
function MostReadList({ lists, shown, onSpan, labels, wide }: MostReadListProps) {
  const tab = (which: Span) => (
    <button
      type="button"
      aria-pressed={shown === which}
      onClick={() => onSpan(which)}
      disabled={which === 'day' && lists.day.length === 0}
      className="rounded-full px-3 py-1 text-sm font-bold disabled:opacity-50 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
    >
      {labels[which]}
    </button>
  );
  return (
    <>
      <div className="mt-2 flex gap-2">
        {tab('day')}
        {tab('week')}
      </div>
      <ol
        className={`mt-2 divide-y divide-neutral-200 dark:divide-neutral-800 ${wide ? 'lg:grid lg:grid-cols-5 lg:gap-6 lg:divide-y-0' : ''}`}
        data-testid="most-read-list"
      >
        {lists[shown].map((item, i) => (
          <li key={item.path} className="flex gap-3 py-3">
            <span className="text-lg font-black text-accent-700 dark:text-accent-300" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              <a href={item.path} className="leading-snug font-bold hover:underline">
                {item.title}
              </a>
              {item.sponsored && (
                <span
                  className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
                  data-testid="sponsored-label"
                >
                  {labels.sponsored}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

export function MostRead({ locale, labels, wide = false }: MostReadProps) {
  const { lists, open, setOpen } = useMostReadLists(locale, wide);
  const [span, setSpan] = useState<Span>('day');
  if (!lists || lists.week.length === 0) return null;
  const shown = span === 'day' && lists.day.length > 0 ? 'day' : 'week';
  const body = <MostReadList lists={lists} shown={shown} onSpan={setSpan} labels={labels} wide={wide} />;
  const heading = <span className="text-lg font-black">{labels.title}</span>;
  return wide ? (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="border-t-2 border-neutral-900 pt-2 dark:border-neutral-100"
      data-testid="most-read"
    >
      <summary className="cursor-pointer py-1">{heading}</summary>
      {body}
    </details>
  ) : (
    <section
      aria-label={labels.title}
      className="border-t-2 border-neutral-900 pt-2 dark:border-neutral-100"
      data-testid="most-read"
    >
      <h2>{heading}</h2>
      {body}
    </section>
  );
}

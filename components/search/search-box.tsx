'use client';

import { SiteLink } from '@/components/layout/site-link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Locale } from '@/i18n/locales';
import { excerptSegments, searchQuery } from '@/lib/search-text';

// The parts of pagefind's browser API the search page uses.
type PagefindResultData = { url: string; excerpt: string; meta: Record<string, string | undefined> };
type PagefindResult = { id: string; data: () => Promise<PagefindResultData> };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string) => Promise<void>;
  search: (query: string) => Promise<{ results: PagefindResult[] }>;
};

/** Every text the box shows, in the reader's script; `{count}` is replaced by the number of results. */
export type SearchLabels = {
  label: string;
  placeholder: string;
  submit: string;
  searching: string;
  results: string;
  noResults: string;
  more: string;
  failed: string;
};

type SearchBoxProps = { locale: Locale; manifestUrl: string; labels: SearchLabels };

type State =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'failed' }
  | { status: 'done'; query: string; results: PagefindResult[]; shown: PagefindResultData[] };

const batchSize = 10;
const typingDelay = 300;

/** One script's index, ready to search, and the ids of results to leave out. */
type LoadedSearch = { pagefind: Pagefind; hidden: Set<string> };

let loaded: Promise<LoadedSearch> | undefined;

/**
 * Loads the index parts of one script once per page: the first part, then the others merged into it.
 * The manifest also names results to leave out: the older copy of a page a publish indexed again in
 * the fresh part, and pages gone (pipeline/search-index.tsx).
 */
function loadPagefind(manifestUrl: string, locale: Locale): Promise<LoadedSearch> {
  loaded ??= (async () => {
    const manifest = (await (await fetch(manifestUrl)).json()) as Record<string, { parts: string[]; hidden: string[] } | undefined>;
    const [first, ...rest] = manifest[locale]?.parts ?? [];
    if (!first) throw new Error(`No search index for ${locale}`);
    const pagefind = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${first}pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 40 });
    for (const url of rest) await pagefind.mergeIndex(url);
    return { pagefind, hidden: new Set(manifest[locale]?.hidden) };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** The search form and its results. The query lives in the address (?q=), so results can be shared. */
export function SearchBox({ locale, manifestUrl, labels }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  const latest = useRef(0);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function run(text: string) {
    const q = text.trim();
    const ticket = ++latest.current;
    const url = new URL(window.location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (!q) return setState({ status: 'idle' });
    setState({ status: 'searching', query: q });
    try {
      const { pagefind, hidden } = await loadPagefind(manifestUrl, locale);
      // Pages with the query's characters side by side come first, then pages with its words anywhere:
      // the index and the browser do not always cut a long phrase into the same words, and a phrase
      // copied from a title must still find its article. A page held by two parts the same is shown once.
      const [exact, loose] = await Promise.all([pagefind.search(searchQuery(q)), pagefind.search(q)]);
      const seen = new Set(hidden);
      const results: PagefindResult[] = [];
      for (const result of [...exact.results, ...loose.results]) {
        if (seen.has(result.id)) continue;
        seen.add(result.id);
        results.push(result);
      }
      const shown = await Promise.all(results.slice(0, batchSize).map((r) => r.data()));
      if (ticket === latest.current) setState({ status: 'done', query: q, results, shown });
    } catch {
      if (ticket === latest.current) setState({ status: 'failed' });
    }
  }

  async function showMore() {
    if (state.status !== 'done') return;
    const next = state.results.slice(state.shown.length, state.shown.length + batchSize);
    const more = await Promise.all(next.map((r) => r.data()));
    setState({ ...state, shown: [...state.shown, ...more] });
  }

  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q') ?? '';
    if (initial) {
      // The page is prerendered without a query: the address is known only once it runs here.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setQuery(initial);
      void run(initial);
    }
    return () => clearTimeout(typing.current);
    // Runs once: the address is read only when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(typing.current);
    void run(query);
  }

  function onChange(text: string) {
    setQuery(text);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => void run(text), typingDelay);
  }

  return (
    <div>
      <form role="search" onSubmit={onSubmit} className="flex gap-2">
        <label htmlFor="search-query" className="sr-only">
          {labels.label}
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          value={query}
          onChange={(e) => onChange(e.target.value)}
          placeholder={labels.placeholder}
          autoComplete="off"
          enterKeyHint="search"
          className="min-h-11 w-full min-w-0 flex-1 rounded-lg border border-neutral-300 bg-white px-4 text-lg dark:border-neutral-700 dark:bg-neutral-900"
        />
        <button
          type="submit"
          className="min-h-11 shrink-0 rounded-lg bg-accent-700 px-5 font-bold text-white hover:bg-accent-600 dark:bg-accent-300 dark:text-neutral-950"
        >
          {labels.submit}
        </button>
      </form>

      <p role="status" aria-live="polite" className="mt-6 text-neutral-600 dark:text-neutral-400" data-testid="search-status" data-state={state.status}>
        {state.status === 'searching' && labels.searching}
        {state.status === 'failed' && labels.failed}
        {state.status === 'done' &&
          (state.results.length === 0 ? labels.noResults : labels.results.replace('{count}', String(state.results.length)))}
      </p>

      {state.status === 'done' && state.shown.length > 0 && (
        <ol className="mt-4 divide-y divide-neutral-200 dark:divide-neutral-800" data-testid="search-results">
          {state.shown.map((result) => (
            <li key={result.url} className="py-5">
              <p className="text-sm text-neutral-500 dark:text-neutral-400">
                {[result.meta.section, result.meta.date].filter(Boolean).join(' · ')}
              </p>
              <h2 className="mt-1 text-xl font-bold leading-snug">
                <SiteLink href={result.url} className="hover:text-accent-700 hover:underline dark:hover:text-accent-300">
                  {result.meta.title}
                </SiteLink>
              </h2>
              <p className="mt-2 text-neutral-700 dark:text-neutral-300">
                {excerptSegments(result.excerpt).map((segment, i) =>
                  segment.match ? (
                    <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-800">
                      {segment.text}
                    </mark>
                  ) : (
                    segment.text
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      )}

      {state.status === 'done' && state.shown.length < state.results.length && (
        <button
          type="button"
          onClick={() => void showMore()}
          className="mt-4 min-h-11 w-full rounded-lg border border-neutral-300 font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          {labels.more}
        </button>
      )}
    </div>
  );
}

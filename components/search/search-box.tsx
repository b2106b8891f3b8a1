'use client';

import { SiteLink } from '@/components/layout/site-link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Locale } from '@/i18n/locales';
import { findArticles, type PagefindResult, type PagefindSearch } from '@/lib/search-engine';
import { loadQueryConverter, mayNeedConversion, type QueryConversion } from '@/lib/search-convert';
import { bodyText, excerpt, maxQueryLength, normalizeQuery, type ExcerptSegment } from '@/lib/search-text';

// The parts of pagefind's browser API the search page uses.
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string) => Promise<void>;
  search: (
    query: string,
    options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] }>;
};

/** Every text the box shows, in the reader's script; `{count}` is replaced by the number of results. */
type SearchLabels = {
  label: string;
  placeholder: string;
  submit: string;
  searching: string;
  results: string;
  noResults: string;
  more: string;
  failed: string;
  section: string;
  tag: string;
  any: string;
  /** `{query}` is the query as converted from the other script. */
  converted: string;
  sponsored: string;
};

/** A section or tag a search can be narrowed to: its slug in the address, its name in the index. */
type SearchFilterOption = { slug: string; name: string };

type SearchBoxProps = {
  locale: Locale;
  manifestUrl: string;
  labels: SearchLabels;
  sections: SearchFilterOption[];
  tags: SearchFilterOption[];
};

/** One result as the page shows it. */
type Shown = {
  url: string;
  title: ExcerptSegment[];
  section?: string;
  date?: string;
  sponsored: boolean;
  excerpt: ExcerptSegment[];
};

type Criteria = { query: string; section: string; tag: string };

type State =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'failed' }
  | { status: 'done'; converted?: string; results: PagefindResult[]; terms: string[]; shown: Shown[] };

const batchSize = 10;
const typingDelay = 300;

/** One script's index, ready to search, the ids of results to leave out, and what converts a query. */
type LoadedSearch = { pagefind: Pagefind; hidden: Set<string>; conversion?: QueryConversion };

// Per script: a reader who switches script goes on in the same page.
const loaded = new Map<Locale, Promise<LoadedSearch>>();
const converters = new Map<Locale, Promise<(query: string) => string>>();

/**
 * Loads the index parts of one script once per page: the first part, then the others merged into it.
 * The manifest also names results to leave out: the older copy of a page a publish indexed again in
 * the fresh part, and pages gone (pipeline/search-index.tsx).
 */
function loadPagefind(manifestUrl: string, locale: Locale): Promise<LoadedSearch> {
  const known = loaded.get(locale);
  if (known) return known;
  const loading = (async () => {
    const manifest = (await (await fetch(manifestUrl)).json()) as Record<
      string,
      { parts: string[]; hidden: string[]; conversion?: QueryConversion } | undefined
    >;
    const [first, ...rest] = manifest[locale]?.parts ?? [];
    if (!first) throw new Error(`No search index for ${locale}`);
    const pagefind = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ `${first}pagefind.js`
    )) as Pagefind;
    await pagefind.options({ excerptLength: 40 });
    for (const url of rest) await pagefind.mergeIndex(url);
    return { pagefind, hidden: new Set(manifest[locale]?.hidden), conversion: manifest[locale]?.conversion };
  })();
  loaded.set(locale, loading);
  loading.catch(() => loaded.delete(locale));
  return loading;
}

/** The forms a query is searched in: as typed, and converted from the other script when it may be written in it. */
async function queryForms(query: string, locale: Locale, conversion: QueryConversion | undefined): Promise<string[]> {
  if (!conversion || !mayNeedConversion(query, locale, conversion)) return [query];
  let converter = converters.get(locale);
  if (!converter) {
    converter = loadQueryConverter(locale, conversion);
    converters.set(locale, converter);
    converter.catch(() => converters.delete(locale));
  }
  const converted = normalizeQuery((await converter)(query));
  return converted === query ? [query] : [query, converted];
}

async function show(results: PagefindResult[], terms: string[]): Promise<Shown[]> {
  return Promise.all(
    results.map(async (result) => {
      const { url, content, meta } = await result.data();
      return {
        url,
        title: excerpt(meta.title ?? url, terms, Infinity),
        section: meta.section,
        date: meta.date,
        sponsored: Boolean(meta.sponsored),
        excerpt: excerpt(bodyText(content, meta), terms),
      };
    }),
  );
}

type FilterSelectProps = {
  name: 'section' | 'tag';
  label: string;
  any: string;
  options: SearchFilterOption[];
  value: string;
  onChange: (slug: string) => void;
};

/** One filter of the search: any, or one section or tag, by slug. */
function FilterSelect({ name, label, any, options, value, onChange }: FilterSelectProps) {
  return (
    <label className="flex min-w-0 flex-1 items-center gap-2">
      <span className="shrink-0 text-neutral-600 dark:text-neutral-400">{label}</span>
      <select
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 min-w-0 flex-1 rounded-lg border border-neutral-300 bg-white px-3 dark:border-neutral-700 dark:bg-neutral-900"
        data-testid={`search-${name}`}
      >
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Text with the query's words marked; rendered as text, never as HTML. */
function Marked({ segments }: { segments: ExcerptSegment[] }) {
  return segments.map((segment, i) =>
    segment.match ? (
      <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-800">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}

/** Puts a search in the address (?q=, &section=, &tag=), so that its results can be shared. */
function writeAddress(q: string, section: string, tag: string) {
  const url = new URL(window.location.href);
  for (const [key, value] of [
    ['q', q],
    ['section', section],
    ['tag', tag],
  ] as const) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  window.history.replaceState(null, '', url);
}

type SearchScope = Pick<SearchBoxProps, 'locale' | 'manifestUrl' | 'sections' | 'tags'>;

/** Searches the script's index for a query, narrowed to a section and a tag, and draws the first results. */
async function searchIndex(
  q: string,
  section: string,
  tag: string,
  { locale, manifestUrl, sections, tags }: SearchScope,
): Promise<State> {
  const { pagefind, hidden, conversion } = await loadPagefind(manifestUrl, locale);
  const filters: Record<string, string> = {};
  const sectionName = sections.find((s) => s.slug === section)?.name;
  const tagName = tags.find((t) => t.slug === tag)?.name;
  if (sectionName) filters.section = sectionName;
  if (tagName) filters.tag = tagName;
  const search: PagefindSearch = async (query, only) =>
    (await pagefind.search(query, { filters: only, sort: { date: 'desc' } })).results;
  const forms = await queryForms(q, locale, conversion);
  const { results, terms } = await findArticles(search, forms, { filters, hidden });
  const shown = await show(results.slice(0, batchSize), terms);
  return { status: 'done', converted: forms[1], results, terms, shown };
}

/**
 * The search's criteria and state. A search runs as the reader types (after a pause), at once when a
 * filter changes or the form is sent, and when the page opens with a query in its address.
 */
function useSearch(scope: SearchScope) {
  const [criteria, setCriteria] = useState<Criteria>({ query: '', section: '', tag: '' });
  const [state, setState] = useState<State>({ status: 'idle' });
  const latest = useRef(0);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function run({ query: text, section, tag }: Criteria) {
    const q = normalizeQuery(text);
    const ticket = ++latest.current;
    writeAddress(q, section, tag);
    if (!q) return setState({ status: 'idle' });
    setState({ status: 'searching' });
    try {
      const done = await searchIndex(q, section, tag, scope);
      if (ticket === latest.current) setState(done);
    } catch {
      if (ticket === latest.current) setState({ status: 'failed' });
    }
  }

  async function showMore() {
    if (state.status !== 'done') return;
    const more = await show(state.results.slice(state.shown.length, state.shown.length + batchSize), state.terms);
    setState({ ...state, shown: [...state.shown, ...more] });
  }

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const initial = {
      query: params.get('q') ?? '',
      section: params.get('section') ?? '',
      tag: params.get('tag') ?? '',
    };
    if (initial.query || initial.section || initial.tag) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the page is prerendered without a query: the address is known only once it runs here
      setCriteria(initial);
      if (initial.query) void run(initial);
    }
    return () => clearTimeout(typing.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once: the address is read only when the page opens
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(typing.current);
    void run(criteria);
  }

  function onChange(change: Partial<Criteria>, delay: number) {
    const next = { ...criteria, ...change };
    setCriteria(next);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => void run(next), delay);
  }

  return { criteria, state, onSubmit, onChange, showMore };
}

type SearchFormProps = {
  labels: SearchLabels;
  sections: SearchFilterOption[];
  tags: SearchFilterOption[];
  criteria: Criteria;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onChange: (change: Partial<Criteria>, delay: number) => void;
};

/** The query, the button that sends it, and the section and tag filters. */
function SearchForm({ labels, sections, tags, criteria, onSubmit, onChange }: SearchFormProps) {
  return (
    <form role="search" onSubmit={onSubmit}>
      <div className="flex gap-2">
        <label htmlFor="search-query" className="sr-only">
          {labels.label}
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          value={criteria.query}
          maxLength={maxQueryLength}
          onChange={(e) => onChange({ query: e.target.value }, typingDelay)}
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
      </div>
      <div className="mt-3 flex gap-2 text-sm">
        <FilterSelect
          name="section"
          label={labels.section}
          any={labels.any}
          options={sections}
          value={criteria.section}
          onChange={(section) => onChange({ section }, 0)}
        />
        <FilterSelect
          name="tag"
          label={labels.tag}
          any={labels.any}
          options={tags}
          value={criteria.tag}
          onChange={(tag) => onChange({ tag }, 0)}
        />
      </div>
    </form>
  );
}

type SearchStatusProps = { labels: SearchLabels; state: State };

/** What the search is doing, read out as it changes: searching, failed, or how many results it found. */
function SearchStatus({ labels, state }: SearchStatusProps) {
  return (
    <p
      role="status"
      aria-live="polite"
      className="mt-6 text-neutral-600 dark:text-neutral-400"
      data-testid="search-status"
      data-state={state.status}
    >
      {state.status === 'searching' && labels.searching}
      {state.status === 'failed' && labels.failed}
      {state.status === 'done' &&
        (state.results.length === 0
          ? labels.noResults
          : labels.results.replace('{count}', String(state.results.length)))}
      {state.status === 'done' && state.converted && (
        <span className="ms-2" data-testid="search-converted">
          {labels.converted.replace('{query}', state.converted)}
        </span>
      )}
    </p>
  );
}

type SearchResultProps = { result: Shown; sponsored: string };

/** One result: its section and date, its title and an excerpt, the query's words marked in both. */
function SearchResult({ result, sponsored }: SearchResultProps) {
  return (
    <li className="py-5">
      <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-600 dark:text-neutral-400">
        {result.sponsored && (
          <span
            className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
            data-testid="sponsored-label"
          >
            {sponsored}
          </span>
        )}
        <span>{[result.section, result.date].filter(Boolean).join(' · ')}</span>
      </p>
      <h2 className="mt-1 text-xl leading-snug font-bold">
        <SiteLink href={result.url} className="hover:text-accent-700 hover:underline dark:hover:text-accent-300">
          <Marked segments={result.title} />
        </SiteLink>
      </h2>
      <p className="mt-2 text-neutral-700 dark:text-neutral-300" data-testid="search-excerpt">
        <Marked segments={result.excerpt} />
      </p>
    </li>
  );
}

/** The search form and its results. The query lives in the address (?q=), so results can be shared. */
export function SearchBox({ locale, manifestUrl, labels, sections, tags }: SearchBoxProps) {
  const { criteria, state, onSubmit, onChange, showMore } = useSearch({ locale, manifestUrl, sections, tags });

  return (
    <div>
      <SearchForm
        labels={labels}
        sections={sections}
        tags={tags}
        criteria={criteria}
        onSubmit={onSubmit}
        onChange={onChange}
      />

      <SearchStatus labels={labels} state={state} />

      {state.status === 'done' && state.shown.length > 0 && (
        <ol className="mt-4 divide-y divide-neutral-200 dark:divide-neutral-800" data-testid="search-results">
          {state.shown.map((result) => (
            <SearchResult key={result.url} result={result} sponsored={labels.sponsored} />
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

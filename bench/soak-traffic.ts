// The traffic of the festival-night soak (bench/soak.ts): what readers, scripts and scanners send,
// spread over several servers, and a tally of what came back that keeps the request behind every
// 5xx, error and timeout, so that a failure can be named rather than counted.
import http from 'node:http';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';

export type Kind = 'read' | 'search' | 'comment' | 'view' | 'signup' | 'hostile' | 'check';

export type Outgoing = { method: string; path: string; headers?: Record<string, string>; body?: string };

/** One kind of request; `make` builds it afresh for each send (a comment's text, a reader's address). */
type Planned = { kind: Kind; make: (origin: string) => Outgoing };

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

type Finding = { second: number; origin: string; kind: Kind; request: string; answer: string };

export type Tally = {
  requests: number;
  classes: Record<'1xx' | '2xx' | '3xx' | '4xx' | '5xx', number>;
  errors: number;
  timeouts: number;
  /** Status (or error/timeout) counts per kind of request. */
  byKind: Map<Kind, Map<string, number>>;
  /** The first 5xx answers, errors and timeouts, each with its request. */
  findings: Finding[];
  /** Milliseconds of every answered request. */
  latencies: number[];
  started: number;
};

export const newTally = (): Tally => ({
  requests: 0,
  classes: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
  errors: 0,
  timeouts: 0,
  byKind: new Map(),
  findings: [],
  latencies: [],
  started: performance.now(),
});

const TIMEOUT_MS = 10_000;
const KEEP_FINDINGS = 30;
const agents = new Map<string, http.Agent>();
/**
 * The publish checks ask every few seconds: a kept-alive connection idle that long may be closed by
 * the server (its 5 s keep-alive) just as it is reused, a reset of the client's making. A browser
 * would retry; the checks open a connection each instead.
 */
const freshConnections = new http.Agent({ keepAlive: false });

/** Sends one request and reads its whole answer; rejects on a socket error, or after 10 s ('timeout'). */
function exchange(origin: string, out: Outgoing, timeoutMs: number, fresh: boolean): Promise<Answer> {
  const url = new URL(origin);
  let agent = fresh ? freshConnections : agents.get(origin);
  if (!agent) agents.set(origin, (agent = new http.Agent({ keepAlive: true, maxSockets: 64 })));
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: out.method, path: out.path, headers: out.headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('error', reject);
    request.end(out.body);
  });
}

/** Sends a request, counts its answer in the tally and keeps it among the findings if it failed. */
export async function send(
  tally: Tally,
  origin: string,
  kind: Kind,
  out: Outgoing,
  timeoutMs = TIMEOUT_MS,
): Promise<Answer | undefined> {
  const counts = tally.byKind.get(kind) ?? new Map<string, number>();
  tally.byKind.set(kind, counts);
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const keep = (answer: string) => {
    if (tally.findings.length >= KEEP_FINDINGS) return;
    const second = (performance.now() - tally.started) / 1000;
    tally.findings.push({
      second,
      origin,
      kind,
      request: `${out.method} ${out.path}${out.body ? ` ${out.body}` : ''}`,
      answer,
    });
  };
  tally.requests++;
  try {
    const sent = performance.now();
    const answer = await exchange(origin, out, timeoutMs, kind === 'check');
    tally.latencies.push(performance.now() - sent);
    const cls = `${Math.floor(answer.status / 100)}xx` as keyof Tally['classes'];
    if (cls in tally.classes) tally.classes[cls]++;
    count(String(answer.status));
    if (answer.status >= 500) keep(`${answer.status} ${answer.body.toString('utf8', 0, 300).replace(/\s+/g, ' ')}`);
    return answer;
  } catch (error) {
    const timedOut = error instanceof Error && error.message === 'timeout';
    if (timedOut) tally.timeouts++;
    else tally.errors++;
    count(timedOut ? 'timeout' : 'error');
    keep(timedOut ? `no answer in ${timeoutMs / 1000} s` : String(error));
    return undefined;
  }
}

/** Pages, listings, stories, pictures and redirects of both scripts, as readers ask for them. */
function readerRequests(stories: ArticleSummary[]): Planned[] {
  const story = stories[0]!;
  const picture = story.hero.src;
  const get = (kind: Kind, path: string, headers?: Record<string, string>): Planned => ({
    kind,
    make: () => ({ method: 'GET', path, headers }),
  });
  return [
    get('read', '/zh-Hant'),
    get('read', '/zh-Hans'),
    ...stories.map((a) => get('read', a.path)),
    get('read', `/zh-Hant/tags/${story.tagSlugs[0]}`),
    get('read', `/zh-Hans/sections/${story.sectionSlug}`),
    get('read', `/zh-Hant/authors/${story.authorIds[0]}`),
    get('search', '/zh-Hant/search'),
    get('search', `/zh-Hans/search?q=${encodeURIComponent('人工智能')}`),
    get('search', '/pagefind/manifest.json'),
    get('read', '/sitemap.xml'),
    get('read', picture),
    get('read', `/_next/image?url=${encodeURIComponent(picture)}&w=640&q=75`),
    get('read', '/', { 'Accept-Language': 'zh-CN' }),
    get('read', '/zh-Hant/'),
  ];
}

/** What scanners and broken links ask for. */
function hostileRequests(picture: string): Planned[] {
  const ask = (method: string, path: string, headers?: Record<string, string>): Planned => ({
    kind: 'hostile',
    make: () => ({ method, path, headers }),
  });
  return [
    ask('GET', '/zh-Hant/articles/no-such-story'),
    ask('GET', '/wp-login.php'),
    ask('GET', '/.env'),
    ask('GET', '/zh-Hant/tags/%ZZ'),
    ask('GET', '/images/..%2f..%2fpackage.json'),
    ask('GET', '/_next/static/%E0%A4%A.js'),
    ask('POST', '/zh-Hant'),
    ask('TRACE', '/zh-Hans'),
    ask('DELETE', picture),
    ask('GET', picture, { Range: 'bytes=99999999-' }),
    ask('GET', '/_next/image?url=/robots.txt&w=640&q=75'),
    ask('GET', `/_next/image?url=${encodeURIComponent(picture)}&w=641&q=75`),
    ask('POST', '/api/publish', { Authorization: 'Bearer wrong' }),
    ask('GET', `/zh-Hant/search?q=${encodeURIComponent('<script>alert(1)</script>')}`),
    ask('POST', '/api/comments/no-such-story', { 'Content-Type': 'application/json', Origin: 'https://evil.example' }),
  ];
}

let readers = 0;
/** Another reader each time, as the one proxy the servers trust (TRUST_PROXY_HOPS=1) forwards them. */
const reader = (origin: string) => {
  const n = ++readers;
  return {
    'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    Origin: origin,
    'Sec-Fetch-Site': 'same-origin',
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36',
  };
};

/** A comment, a view beacon and a newsletter sign-up as a story page's scripts send them. */
function writerRequests(open: ArticleSummary[]): Planned[] {
  const json = { 'Content-Type': 'application/json' };
  const pick = () => open[readers % open.length]!;
  return [
    {
      kind: 'comment',
      make: (origin) => {
        const headers = { ...reader(origin), ...json };
        const story = pick();
        const body = `燈節夜的第 ${readers} 則留言：謝謝整理，寫得很清楚。`;
        return {
          method: 'POST',
          path: `/api/comments/${story.slug}`,
          headers,
          body: JSON.stringify({ name: `讀者${readers}`, body, locale: story.locale }),
        };
      },
    },
    ...Array.from({ length: 3 }, (): Planned => ({
      kind: 'view',
      make: (origin) => {
        const headers = { ...reader(origin), 'Content-Type': 'text/plain;charset=UTF-8' };
        const story = pick();
        return { method: 'POST', path: `/api/views/${story.slug}`, headers, body: story.locale };
      },
    })),
    {
      kind: 'signup',
      make: (origin) => {
        const headers = { ...reader(origin), ...json };
        const body = JSON.stringify({ email: `reader${readers}-${Date.now()}@example.com`, locale: 'zh-Hant' });
        return { method: 'POST', path: '/api/newsletter', headers, body };
      },
    },
  ];
}

/** The request mix, from the content index: `avoid` names a story the soak withdraws (left out). */
export function requestPlan(index: ContentIndex, avoid: string): Planned[] {
  const now = Date.now();
  const live = index.articles.filter((a) => !a.draft && Date.parse(a.publishedAt) <= now && a.slug !== avoid);
  const stories = live.slice(0, 8);
  const open = live.filter((a) => !a.commentsClosed);
  const reads = readerRequests(stories);
  const hostile = hostileRequests(stories[0]!.hero.src);
  const writes = writerRequests(open);
  // Interleaved, so that every stretch of the run holds some of each.
  const plan: Planned[] = [];
  for (let i = 0; i < Math.max(reads.length, hostile.length, writes.length); i++)
    plan.push(...[reads[i], hostile[i], writes[i]].filter((p): p is Planned => p !== undefined));
  return plan;
}

/** `connections` loops, each sending the plan in turn to one server, until stopped. */
export function startTraffic(origins: string[], plan: Planned[], connections: number, tally: Tally) {
  let running = true;
  const loops = Array.from({ length: connections }, async (_, w) => {
    const origin = origins[w % origins.length]!;
    for (let i = w * 7; running; i++) {
      const planned = plan[i % plan.length]!;
      await send(tally, origin, planned.kind, planned.make(origin));
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

/**
 * Sends every kind of request once to each server, one at a time, before the clock starts: a server
 * freshly started loads each route, and opens and migrates the database, on its first request.
 * Returns how long each first answer took; up to 60 s is waited for one.
 */
export async function warmUp(origins: string[], plan: Planned[], tally: Tally) {
  const firsts: { origin: string; request: string; seconds: number; status: number | undefined }[] = [];
  for (const origin of origins)
    for (const planned of plan) {
      const out = planned.make(origin);
      const started = performance.now();
      const answer = await send(tally, origin, planned.kind, out, 60_000);
      const seconds = (performance.now() - started) / 1000;
      firsts.push({ origin, request: `${out.method} ${out.path}`, seconds, status: answer?.status });
    }
  return firsts.sort((a, b) => b.seconds - a.seconds);
}

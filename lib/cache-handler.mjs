// The page cache several servers share through Redis (next.config.js sets it as Next's `cacheHandler`
// when REDIS_URL is set; without it, Next's own file cache serves alone). Plain JavaScript: Next
// loads it at run time, outside the bundler.
//
// An entry is one key per page and build (`<prefix><build id>:e:<Next's cache key>`), serialised with
// its Buffers and Maps; revalidation times of tags (revalidatePath('/x') is the tag `_N_T_/x`) are one
// hash shared by all builds, and an entry older than any of its tags is stale, so one publish on one
// server is seen by all. A page not yet in Redis is rendered once and stored for every server. Redis
// unreachable: pages come from this process's memory or are rendered, never an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@redis/client';

const REDIS_URL = process.env.REDIS_URL;
const PREFIX = process.env.REDIS_CACHE_PREFIX ?? 'guanchao:';
const TAGS_KEY = `${PREFIX}tags`;
const TIMEOUT_MS = Number(process.env.REDIS_CACHE_TIMEOUT_MS ?? 300);
/** Pages are revalidated on publish, not by time: an entry nobody reads for a month may go. */
const TTL_SECONDS = 30 * 24 * 3600;
const TAGS_HEADER = 'x-next-cache-tags';

/** @type {import('@redis/client').RedisClientType | undefined} */
let client;
let connecting;
let lastWarning = 0;

function warn(message, error) {
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  console.warn(`[cache] ${message}: ${error?.message ?? error}`);
}

/** One client per process (Next makes a handler per request); null while not connected. */
function redis() {
  if (!REDIS_URL || process.env.NEXT_PHASE === 'phase-production-build') return null;
  if (!client) {
    client = createClient({
      url: REDIS_URL,
      // While disconnected, commands fail at once instead of waiting in a queue.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5000) },
    });
    client.on('error', (error) => warn('Redis', error));
    connecting = client.connect().catch((error) => warn('Redis connection', error));
  }
  return client.isReady ? client : null;
}

const withTimeout = (promise) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('Redis timed out')), TIMEOUT_MS).unref()),
  ]);

// Buffers and Maps (a page's RSC payload and its segments) do not survive JSON as they are.
function replacer(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { $b: raw.toString('base64') };
  if (raw instanceof Map) return { $m: [...raw] };
  return value;
}
function reviver(_key, value) {
  if (value && typeof value === 'object') {
    if (typeof value.$b === 'string') return Buffer.from(value.$b, 'base64');
    if (Array.isArray(value.$m)) return new Map(value.$m);
  }
  return value;
}

function tagsOf(data, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
  const header = data?.headers?.[TAGS_HEADER];
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

// What this process saw, for while Redis is unreachable: the last hundred pages, and tag times.
const recent = new Map();
const recentTags = new Map();
function remember(key, entry) {
  recent.delete(key);
  recent.set(key, entry);
  if (recent.size > 100) recent.delete(recent.keys().next().value);
}

export default class CacheHandler {
  constructor(ctx) {
    let buildId = 'dev';
    try {
      buildId = readFileSync(path.join(ctx.serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    } catch {}
    // Per build: an older build's HTML names script files the new build does not serve.
    this.prefix = `${PREFIX}${buildId}:e:`;
    redis();
  }

  async get(key, ctx) {
    const connection = redis();
    let entry = null;
    try {
      if (connection) {
        const text = await withTimeout(connection.get(this.prefix + key));
        if (text) entry = JSON.parse(text, reviver);
      } else entry = recent.get(key) ?? null;
    } catch (error) {
      warn('Reading a page', error);
      entry = recent.get(key) ?? null;
    }
    if (!entry) return null;

    const tags = [...new Set([...(entry.tags ?? []), ...tagsOf(null, ctx)])];
    if (tags.length > 0) {
      let times = null;
      try {
        if (connection) times = await withTimeout(connection.hmGet(TAGS_KEY, tags));
      } catch (error) {
        warn('Reading revalidations', error);
      }
      times ??= tags.map((tag) => recentTags.get(tag));
      tags.forEach((tag, i) => times[i] && recentTags.set(tag, Number(times[i])));
      // Revalidated since this copy was made: Next renders the page afresh.
      if (times.some((time) => time && Number(time) > entry.lastModified)) return null;
    }
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, data, ctx) {
    const entry = {
      lastModified: Date.now(),
      value: data,
      tags: tagsOf(data, ctx?.fetchCache ? ctx : null),
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
    };
    remember(key, entry);
    const connection = redis();
    if (!connection) return;
    const expire = entry.cacheControl?.expire;
    const ttl = Number.isFinite(expire) && expire > 0 ? Math.ceil(expire) : TTL_SECONDS;
    try {
      await withTimeout(connection.set(this.prefix + key, JSON.stringify(entry, replacer), { EX: ttl }));
    } catch (error) {
      // The page is still served; the next request renders it again.
      warn('Storing a page', error);
    }
  }

  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    const now = Date.now();
    for (const tag of list) recentTags.set(tag, now);
    for (const [key, entry] of recent) if (entry.tags?.some((tag) => list.includes(tag))) recent.delete(key);
    if (!redis()) await connecting;
    const connection = redis();
    if (!connection) throw new Error('Redis is unreachable: the other servers were not told of this revalidation.');
    for (let attempt = 1; ; attempt += 1) {
      try {
        await withTimeout(connection.hSet(TAGS_KEY, Object.fromEntries(list.map((tag) => [tag, String(now)]))));
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  resetRequestCache() {}
}

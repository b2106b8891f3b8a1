// The three publishes of the festival-night soak (bench/soak.ts), each made in the site's throwaway
// copy as an editor would (a file changed, committed, `npm run publish`), and watched on every
// server until it serves the change: the seconds that took are what readers wait.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';
import type { SiteCopy } from '../tests/site-copy';
import { send, type Answer, type Tally } from './soak-traffic';

/** Whether one server serves the change yet; undefined when a request of the check failed (counted as such). */
type Live = (origin: string) => Promise<boolean | undefined>;
const verdict = (answers: (Answer | undefined)[], test: () => boolean) =>
  answers.some((a) => a === undefined) ? undefined : test();
type Publish = { name: string; make: (site: SiteCopy) => Live };

export type PublishResult = {
  name: string;
  /** Seconds of `npm run publish`, and its exit status. */
  seconds: number;
  status: number;
  output: string;
  /** Seconds from the start of the publish until each server served the change; undefined if never. */
  liveAfter: (number | undefined)[];
  /** Asks each server again whether it serves the change (a page may fall back); undefined: a request failed. */
  stillLive: () => Promise<(boolean | undefined)[]>;
};

/** Taipei wall-clock time, as editors write publishedAt, `seconds` from now. */
const taipeiTime = (seconds: number) => new Date(Date.now() + seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 19);

/** The stories the publishes change, picked from the index as built. */
export function publishTargets(index: ContentIndex) {
  const now = Date.now();
  const written = index.articles.filter(
    (a) => a.locale === 'zh-Hant' && !a.derivedFrom && !a.draft && Date.parse(a.publishedAt) <= now,
  );
  if (written.length < 3) throw new Error('The soak needs three published stories written in zh-Hant.');
  // The newest is read most (bench/soak-traffic.ts reads it): fixed under load. The oldest that no
  // other story names as further reading is withdrawn (the check refuses a link to a draft).
  const named = new Set(index.articles.flatMap((a) => a.furtherReading));
  const withdrawn = written.slice(2).findLast((a) => !named.has(a.slug));
  if (!withdrawn) throw new Error('No story to withdraw: every older one is named as further reading.');
  return { fixed: written[0]!, template: written[1]!, withdrawn };
}

/** A JPEG with a comment of its own after its start marker: the same picture, bytes no server has seen. */
function newPicture(source: string, note: string): Buffer {
  const jpeg = readFileSync(source);
  const text = Buffer.from(note);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)]);
}

function fixStory(tally: Tally, story: ArticleSummary): Publish {
  const token = `soakfix${Date.now().toString(36)}`;
  return {
    name: 'a fix to a story',
    make(site) {
      const file = path.posix.join('content', story.sourceFile);
      const text = site.read(file);
      const split = text.indexOf('\n---', 4) + 5;
      site.write(file, `${text.slice(0, split)}\n更正：本文初版的數字有誤，已修正（${token}）。\n${text.slice(split)}`);
      const pages = [story.path, story.path.replace(/^\/zh-Hant\//, '/zh-Hans/')];
      return async (origin) => {
        const answers = await Promise.all(pages.map((p) => send(tally, origin, 'check', { method: 'GET', path: p })));
        return verdict(answers, () => answers.every((a) => a!.status === 200 && a!.body.toString().includes(token)));
      };
    },
  };
}

function newStory(tally: Tally, template: ArticleSummary): Publish {
  const slug = `festival-night-${Date.now().toString(36)}`;
  const picture = `/images/articles/${slug}/hero.jpg`;
  const title = `燈節夜新稿：邊緣運算晶片的下一步 ${slug.slice(-4)}`;
  return {
    name: 'a new story with a new picture',
    make(site) {
      const bytes = newPicture(site.file(path.join('public', template.hero.src)), slug);
      const file = site.file(path.join('public', picture));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      const text = site
        .read(path.posix.join('content', template.sourceFile))
        .replace(/^title: .*$/m, `title: ${title}`)
        .replace(/^publishedAt: .*$/m, `publishedAt: ${taipeiTime(-60)}`)
        .replace(/^(updatedAt|featured): .*\n/gm, '')
        .replace(/^furtherReading:[\s\S]*?(?=^---)/m, '')
        .replace(/^ {2}src: .*$/m, `  src: ${picture}`);
      site.write(`content/articles/${slug}/zh-Hant.mdx`, text);
      const get = (origin: string, p: string) => send(tally, origin, 'check', { method: 'GET', path: p });
      const isImage = (a: Answer | undefined) => a?.status === 200 && /^image\//.test(a.headers['content-type'] ?? '');
      return async (origin) => {
        const [hant, hans, raw, resized] = await Promise.all([
          get(origin, `/zh-Hant/articles/${slug}`),
          get(origin, `/zh-Hans/articles/${slug}`),
          get(origin, picture),
          get(origin, `/_next/image?url=${encodeURIComponent(picture)}&w=640&q=75`),
        ]);
        return verdict(
          [hant, hans, raw, resized],
          () =>
            hant!.status === 200 &&
            hant!.body.toString().includes(title) &&
            hans!.status === 200 &&
            isImage(raw) &&
            raw!.body.equals(bytes) &&
            isImage(resized),
        );
      };
    },
  };
}

function withdrawStory(tally: Tally, story: ArticleSummary): Publish {
  return {
    name: 'a withdrawal',
    make(site) {
      // Every script's file of the story: the two must agree on being a draft.
      const folder = path.posix.join('content', path.posix.dirname(story.sourceFile));
      for (const file of readdirSync(site.file(folder)).filter((f) => f.endsWith('.mdx'))) {
        const source = path.posix.join(folder, file);
        site.write(source, site.read(source).replace(/^publishedAt: (.*)$/m, 'publishedAt: $1\ndraft: true'));
      }
      const pages = [story.path, story.path.replace(/^\/zh-Hant\//, '/zh-Hans/')];
      return async (origin) => {
        const answers = await Promise.all(pages.map((p) => send(tally, origin, 'check', { method: 'GET', path: p })));
        return verdict(answers, () => answers.every((a) => a!.status === 404 || a!.status === 410));
      };
    },
  };
}

/** The three publishes of the night, in order. */
export function festivalPublishes(tally: Tally, index: ContentIndex): Publish[] {
  const { fixed, template, withdrawn } = publishTargets(index);
  return [fixStory(tally, fixed), newStory(tally, template), withdrawStory(tally, withdrawn)];
}

/** Makes the change, commits it, publishes it to `origins` and watches each server until it serves the change. */
export async function runPublish(
  site: SiteCopy,
  origins: string[],
  publish: Publish,
  giveUpSeconds: number,
): Promise<PublishResult> {
  const live = publish.make(site);
  site.commit(publish.name);
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  let done: number | undefined;
  const publishing = site.publish({ PUBLISH_SERVERS: origins.join(',') }).then((r) => {
    done = since();
    return r;
  });
  const watch = async (origin: string) => {
    // Until it is live, or the publish has failed, or it is given up on.
    while (since() < giveUpSeconds) {
      if (await live(origin)) return since();
      if (done !== undefined && (await publishing).status !== 0) return undefined;
      await new Promise((r) => setTimeout(r, 500));
    }
    return undefined;
  };
  const liveAfter = await Promise.all(origins.map(watch));
  const { status, output } = await publishing;
  const stillLive = () => Promise.all(origins.map(live));
  return { name: publish.name, seconds: done ?? since(), status, output, liveAfter, stillLive };
}

/** A change that a server had served and then did not: the old page back, say. */
export type Relapse = { second: number; name: string; origin: string };

/** Every 5 s, asks each server again for every publish live on both; returns a stop that resolves with the relapses. */
export function watchRelapses(results: PublishResult[], origins: string[], started: number) {
  const relapses: Relapse[] = [];
  let watching = true;
  const loop = (async () => {
    while (watching) {
      await new Promise((r) => setTimeout(r, 5000));
      for (const result of results.filter((r) => r.liveAfter.every((s) => s !== undefined))) {
        const live = await result.stillLive();
        const second = (performance.now() - started) / 1000;
        for (const [i, ok] of live.entries())
          if (ok === false) relapses.push({ second, name: result.name, origin: origins[i]! });
      }
    }
  })();
  return async () => {
    watching = false;
    await loop;
    return relapses;
  };
}

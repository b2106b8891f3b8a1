// The compile step (`npm run content`, second step, scripts/compile-content.ts): contentlayer2
// reads the content, in shards when there is a lot, and then the bodies it read are compiled by
// pipeline/mdx-compile.ts (each body once, by its content's hash, on every core).
//
// Contentlayer compiles every document on one thread and holds the whole collection in memory as
// one JSON string (its cache and `_index.json`): past V8's limit on a string's length the build dies.
// So a large content tree is cut into shards of about CONTENT_SHARD_SIZE article files (default
// 2,500) and at most CONTENT_SHARD_BYTES of them (default 100 MB, far inside that limit however long
// the stories), made of story folders or whole grouping folders; each shard is one
// `contentlayer2 build` in its own working folder under .contentlayer/shards/, over a content folder
// of links to its articles and to the rest of content/, and as many run at once as there are cores.
// A small site (the usual case) is one shard, built in place exactly as `contentlayer2 build` would.
// A piece goes to the shard its path's hash names, so adding a story moves no other story between
// shards, and each shard keeps its contentlayer cache from run to run.
//
// A publish (given the files changed) does not run the shards: even with every document cached, a
// shard's run reads, hashes and writes a thousand documents. It compiles the story folders changed
// since the last full compile in one more, small run, the overlay (.contentlayer/shards/overlay,
// with the glossary, and all of authors, tags and sections once one of them changed), whose
// documents the index step takes in place of the shards' copies. When the overlay passes CONTENT_OVERLAY_SIZE article files (default a
// quarter of a shard), the publish runs the shards that hold its stories instead, and the overlay
// starts empty.
// A full compile skips a shard whose inputs (its files' content, the data files it reads and the
// document model: the config's own files, contentlayer's version and patches/) are those of its last
// run, when every body it read is still compiled: after a fresh clone with .contentlayer/ restored,
// or a second `npm run content`, no contentlayer run reads and hashes 2,500 unchanged documents.
// The folders written are listed in .contentlayer/generated-dirs.json for the index step.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContentProblem } from '@/lib/content-model';
import { contentHash } from './content-hash';
import { readJson, writeAtomically } from './files';
import { generatedDirsFile, readGeneratedDirs, type GeneratedDirs } from './index/generated';
import { compileBodies, compiledBodies, type SourceBody } from './mdx-compile';

const root = process.cwd();
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
/** The document types whose bodies are MDX (pipeline/schema.ts). */
const withBodies = ['Article', 'SitePage'];
// Each contentlayer run costs about 2.5 s of CPU to start: fewer, larger shards cost less in all.
const shardSize = Number(process.env.CONTENT_SHARD_SIZE ?? 2500);
const shardBytes = Number(process.env.CONTENT_SHARD_BYTES ?? 100_000_000);
const overlaySize = Number(process.env.CONTENT_OVERLAY_SIZE ?? shardSize / 4);
const cli = path.join(root, 'node_modules', 'contentlayer2', 'bin', 'cli.cjs');
const shardsDir = path.join(root, '.contentlayer', 'shards');
const overlayDir = path.join(shardsDir, 'overlay');

/** The article files under a folder and their bytes. */
function measureFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

// The pieces shards are made of: a story's folder, or a grouping folder (a year, a month) small enough
// to go whole; a larger grouping folder is opened up. Paths are relative to articles/.
type Unit = { path: string; files: number; bytes: number };
function unitsIn(dir: string, prefix: string): Unit[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      const unit = { path: `${prefix}${e.name}`, ...measureFiles(full) };
      const isStory = readdirSync(full).some((f) => f.endsWith('.mdx'));
      return (unit.files > shardSize || unit.bytes > shardBytes) && !isStory ? unitsIn(full, `${unit.path}/`) : [unit];
    });
}

/**
 * contentlayer's own .contentlayer/package.json, left empty or cut short when a process writing it
 * was stopped (a live preview closed at the wrong moment): contentlayer then refuses to start, and
 * every later build with it. It writes the file anew when missing, so a broken one is removed.
 */
export function removeBrokenPackageFile(cwd: string) {
  const file = path.join(cwd, '.contentlayer', 'package.json');
  try {
    JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(file, { force: true });
  }
}

/**
 * One `contentlayer2 build` in a working folder. `quiet`: its output kept back, and given only in the
 * error when it fails (a publish compiles while it checks, and an editor should read the check's
 * words about a broken file, not contentlayer's).
 */
function run(cwd: string, env: Record<string, string>, quiet = false): Promise<void> {
  removeBrokenPackageFile(cwd);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', '--config', path.join(root, 'contentlayer.config.ts')], {
      cwd,
      // contentlayer takes its working folder from PWD when set, not from the process's cwd.
      env: { ...process.env, CONTENT_DIR: contentDir, PWD: cwd, ...env },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${Buffer.concat(output).toString('utf8')}contentlayer2 build exited with ${code} in ${cwd}`.trimStart(),
            ),
          ),
    );
  });
}

/** Links into a run's own content folder: everything at the top of content/ but articles, and these article folders. */
function linkContent(target: string, articleFolders: string[], withData: boolean) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.join(target, 'articles'), { recursive: true });
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (entry.name === 'articles' || (!withData && entry.isDirectory())) continue;
    symlinkSync(path.join(contentDir, entry.name), path.join(target, entry.name));
  }
  for (const folder of articleFolders) {
    const link = path.join(target, 'articles', folder);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(contentDir, 'articles', folder), link);
  }
}

/** The story folders changed since the last full compile: the overlay's, and those changed now. */
function overlayFolders(changed: ReadonlySet<string> | undefined, previous: GeneratedDirs | undefined): Set<string> {
  const folders = new Set(previous?.overlay?.folders ?? []);
  for (const file of changed ?? [])
    if (file.startsWith('articles/')) folders.add(path.posix.dirname(file.slice('articles/'.length)));
  return folders;
}

/**
 * What makes contentlayer write the same documents from the same files: the files of the config's
 * own import graph (the document types, the reading time), contentlayer's version and our patches.
 */
function documentModelKey(): string {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import [^;]*?from '((?:\.{1,2}|@)\/[^']+)'/gm)) {
      const base = spec!.startsWith('@/') ? path.join(root, spec!.slice(2)) : path.resolve(path.dirname(file), spec!);
      visit(existsSync(`${base}.ts`) ? `${base}.ts` : `${base}.tsx`);
    }
  };
  visit(path.join(root, 'contentlayer.config.ts'));
  const patches = path.join(root, 'patches');
  for (const name of existsSync(patches) ? readdirSync(patches) : []) files.add(path.join(patches, name));
  files.add(path.join(root, 'node_modules', 'contentlayer2', 'package.json'));
  return contentHash(
    [...files]
      .sort()
      .map((f) => `${path.relative(root, f)}\0${readFileSync(f, 'utf8')}`)
      .join('\0'),
  );
}

/** A file's bytes' hash (a data folder may hold pictures). */
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('base64url');

/** Every file under a content folder (links followed), by its path inside content/ and its content's hash. */
function hashFiles(dir: string, into: string[]) {
  for (const entry of readdirSync(path.join(contentDir, dir), { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (statSync(full).isFile()) into.push(`${path.relative(contentDir, full)}\0${fileHash(full)}`);
  }
}

/** Shard k's inputs: its article files and the data files its run reads (see linkContent), and the document model. */
function shardInputsKey(k: number, members: Unit[], modelKey: string): string {
  const lines: string[] = [];
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (entry.isFile()) lines.push(`${entry.name}\0${fileHash(path.join(contentDir, entry.name))}`);
    else if (entry.isDirectory() && entry.name !== 'articles' && k === 0) hashFiles(entry.name, lines);
  }
  for (const unit of members) hashFiles(path.join('articles', unit.path), lines);
  return contentHash([modelKey, ...lines.sort()].join('\n'));
}

/** What a shard's last run read (its inputs' key) and the bodies it handed to the compile. */
type ShardRun = { inputs: string; bodies: string[] };
const shardRunFile = (k: number) => path.join(shardsDir, String(k), 'last-run.json');

/** Where shard k's run writes what it generates. */
const generatedIn = (k: number) => path.join(shardsDir, String(k), '.contentlayer', 'generated');

/** True when shard k's run has written its articles: what it compiled stands. */
const shardCompiled = (k: number) => existsSync(path.join(generatedIn(k), 'Article', '_index.json'));

/** Lists the generated folders for the index step. */
function writeGeneratedDirs(generated: GeneratedDirs) {
  mkdirSync(path.dirname(generatedDirsFile), { recursive: true });
  writeFileSync(generatedDirsFile, JSON.stringify(generated));
}

/**
 * A publish: the story folders changed since the last full compile, compiled in the overlay; false,
 * with nothing run, when they are past CONTENT_OVERLAY_SIZE article files.
 */
async function compileOverlay(changed: ReadonlySet<string>, previous: GeneratedDirs, quiet: boolean): Promise<boolean> {
  const folders = overlayFolders(changed, previous);
  // Authors, tags and sections come along only once one of them changed: 350 more documents a run.
  const data =
    Boolean(previous.overlay?.data) || [...changed].some((f) => !f.startsWith('articles/') && f.includes('/'));
  const existing = [...folders].filter((f) => existsSync(path.join(contentDir, 'articles', f)));
  const overlayFiles = existing.reduce((n, f) => n + measureFiles(path.join(contentDir, 'articles', f)).files, 0);
  if (overlayFiles > overlaySize) return false;
  const started = performance.now();
  linkContent(path.join(overlayDir, 'content'), existing, data);
  await run(overlayDir, { CONTENT_DIR: path.join(overlayDir, 'content') }, quiet);
  writeGeneratedDirs({
    dirs: previous.dirs,
    overlay: {
      dir: path.relative(root, path.join(overlayDir, '.contentlayer', 'generated')),
      folders: [...folders].sort(),
      data,
    },
  });
  console.log(
    `Compiled ${existing.length} story folder(s) changed since the last full compile in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return true;
}

/** The articles' units in their shards, the shard a unit's path goes to, and the article files counted. */
type ShardLayout = { files: number; shards: Unit[][]; shardOf: (unitPath: string) => number };

/** Cuts the articles into shards by the hash of each unit's path. */
function shardLayout(previous: GeneratedDirs | undefined): ShardLayout {
  const units = unitsIn(path.join(contentDir, 'articles'), '');
  const files = units.reduce((n, u) => n + u.files, 0);
  // How many shards the content fills, by files or by bytes, whichever is more.
  const needed = Math.max(files / shardSize, units.reduce((n, u) => n + u.bytes, 0) / shardBytes);
  // The number of shards is kept while they stay between half and one and a half times the size:
  // another count sends most stories to another shard, whose cache lacks them.
  const before = previous?.dirs.length ?? 0;
  const count =
    before > 0 && needed <= before * 1.5 && needed >= before * 0.5 ? before : Math.max(1, Math.ceil(needed));
  const shardOf = (unitPath: string) => createHash('sha256').update(unitPath).digest().readUInt32BE(0) % count;
  const shards: Unit[][] = Array.from({ length: count }, () => []);
  for (const unit of units) shards[shardOf(unit.path)]!.push(unit);
  return { files, shards, shardOf };
}

/**
 * The shards that hold what changed. A changed article is in the shard of its story folder or of a
 * grouping folder above it (a deleted one's unit is unknown: each is run). Authors, tags, sections and
 * the glossary: shard 0, which also runs when an overlay is folded back into the shards, as it held
 * them meanwhile.
 */
function dirtyShards(
  changed: ReadonlySet<string> | undefined,
  folders: Set<string>,
  shardOf: (unitPath: string) => number,
): Set<number> {
  const dirty = new Set<number>(folders.size > 0 ? [0] : []);
  for (const file of [...(changed ?? []), ...[...folders].map((f) => `articles/${f}/-`)]) {
    if (!file.startsWith('articles/')) dirty.add(0);
    const parents = path.posix.dirname(file.slice('articles/'.length)).split('/');
    for (let depth = 1; depth <= parents.length; depth++) dirty.add(shardOf(parents.slice(0, depth).join('/')));
  }
  return dirty;
}

/** Removes the shards' folders past the count (all of them for a single run); the others keep their cache. */
function removeShardsPast(count: number) {
  if (!existsSync(shardsDir)) return;
  for (const name of readdirSync(shardsDir)) {
    if (!(Number(name) < count && count > 1)) rmSync(path.join(shardsDir, name), { recursive: true, force: true });
  }
}

/** Compiles one shard in its own working folder. */
async function compileShard(k: number, members: Unit[], quiet: boolean) {
  // The shard's own content folder: links to its article folders and to the rest of content/,
  // so each run sees a small site. Authors, tags and sections are read from the first shard
  // only; the others get just the files at the top (the glossary, which every run needs).
  const cwd = path.join(shardsDir, String(k));
  const shardContent = path.join(cwd, 'content');
  linkContent(
    shardContent,
    members.map((u) => u.path),
    k === 0,
  );
  await run(cwd, { CONTENT_DIR: shardContent }, quiet);
}

/** The document types are the same in every shard; the type check finds them where a single run puts them. */
function copyDocumentTypes(fromDir: string) {
  const typesDir = path.join(root, '.contentlayer', 'generated');
  rmSync(typesDir, { recursive: true, force: true });
  mkdirSync(typesDir, { recursive: true });
  for (const file of ['types.d.ts', 'index.d.ts']) copyFileSync(path.join(fromDir, file), path.join(typesDir, file));
}

/**
 * Compiles the shards that may need to run, as many at once as there are cores, each unless its
 * inputs are those of its last run and its bodies are still compiled (hashed just before it would
 * run, beside the other shards' runs). Returns the shards that ran, with their inputs' keys.
 */
async function compileShards(
  shards: Unit[][],
  candidates: ReadonlySet<number>,
  files: number,
  shardDirs: string[],
  quiet: boolean,
): Promise<Map<number, string>> {
  const started = performance.now();
  console.log(`Compiling ${files} article files in ${shards.length} shards.`);
  const modelKey = documentModelKey();
  const compiled = compiledBodies();
  const ran = new Map<number, string>();
  const queue = shards.map((members, k) => ({ k, members })).filter(({ k }) => candidates.has(k));
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const inputs = shardInputsKey(job.k, job.members, modelKey);
      const last = shardCompiled(job.k) ? readJson<ShardRun>(shardRunFile(job.k)) : undefined;
      if (last?.inputs === inputs && last.bodies.every((key) => compiled.has(key))) continue;
      ran.set(job.k, inputs);
      // Written again once its bodies compiled: a run that fails, or whose bodies do not, stands for nothing.
      rmSync(shardRunFile(job.k), { force: true });
      await compileShard(job.k, job.members, quiet);
    }
  };
  await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), queue.length) }, worker));
  copyDocumentTypes(path.join(root, shardDirs[0]!));
  console.log(
    `Compiled ${ran.size === shards.length ? '' : `${ran.size} of `}${shards.length} shards in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return ran;
}

/** The bodies contentlayer kept as written in one generated folder. */
function bodiesIn(dir: string): SourceBody[] {
  return withBodies.flatMap((type) => {
    const file = path.resolve(root, dir, type, '_index.json');
    if (!existsSync(file)) return [];
    const documents = JSON.parse(readFileSync(file, 'utf8')) as {
      _raw: { sourceFilePath: string };
      body: { raw: string };
    }[];
    return documents.map((d) => ({ sourceFile: d._raw.sourceFilePath, body: d.body.raw }));
  });
}

/** One folder's bodies at a time: a shard's are tens of megabytes, 84 shards' gigabytes. */
function* bodiesByFolder(dirs: string[]) {
  for (const dir of dirs) yield bodiesIn(dir);
}

/**
 * Compiles the bodies contentlayer read into these generated folders (those not compiled before);
 * the live preview calls it after each of contentlayer's writes. With the problems, each folder's
 * bodies by their compiled keys.
 */
export async function compileBodiesIn(dirs: string[]): Promise<{ problems: ContentProblem[]; keys: string[][] }> {
  const started = performance.now();
  const { compiled, cached, threads, problems, keys } = await compileBodies(bodiesByFolder(dirs), { contentDir });
  console.log(
    `Compiled ${compiled} bodies on ${threads.size} thread(s) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${cached} as compiled before.`,
  );
  return { problems, keys };
}

/**
 * Compiles the content folder (CONTENT_DIR, default content/) and lists the generated folders for the
 * index step. Given the content files changed since the last compile (the publish step), only those
 * files' story folders are compiled (the overlay above); the shards' output stands. Returns the
 * bodies that did not compile, as problems for the editor. `quiet`: contentlayer's own output is
 * given only when it fails.
 */
export async function compileContent(
  changed?: ReadonlySet<string>,
  { quiet = false }: { quiet?: boolean } = {},
): Promise<ContentProblem[]> {
  const previous = readGeneratedDirs();

  // A publish while the shards stand needs no walk of every story folder (half a second at 10,000
  // stories): the shards' number is counted again when the overlay is folded back into them, and
  // the overlay is too small to move the count past its bounds before then.
  const shardCount = previous?.dirs.length ?? 0;
  if (changed && shardCount > 1 && previous!.dirs.every((_, k) => shardCompiled(k))) {
    if (changed.size === 0) return [];
    if (await compileOverlay(changed, previous!, quiet))
      return (await compileBodiesIn([path.relative(root, path.join(overlayDir, '.contentlayer', 'generated'))]))
        .problems;
  }

  const { files, shards, shardOf } = shardLayout(previous);
  const shardDirs = shards.map((_, k) => path.relative(root, generatedIn(k)));
  const shardsStand =
    shards.length > 1 && previous?.dirs.length === shards.length && shards.every((_, k) => shardCompiled(k));

  // A publish of nothing new: what was compiled stands.
  if (changed?.size === 0 && previous && (shardsStand || shards.length === 1)) return [];
  rmSync(overlayDir, { recursive: true, force: true });

  const dirty = dirtyShards(changed, overlayFolders(changed, previous), shardOf);
  const mustRun = (k: number) => !changed || !shardsStand || dirty.has(k);

  removeShardsPast(shards.length);
  if (shards.length <= 1) {
    await run(root, {}, quiet);
    writeGeneratedDirs({ dirs: [path.join('.contentlayer', 'generated')] });
    return (await compileBodiesIn([path.join('.contentlayer', 'generated')])).problems;
  }
  const ran = await compileShards(shards, new Set(shards.map((_, k) => k).filter(mustRun)), files, shardDirs, quiet);
  writeGeneratedDirs({ dirs: shardDirs });
  // The bodies of the shards that did not run were compiled when they last did.
  const order = [...ran.keys()];
  const { problems, keys } = await compileBodiesIn(order.map((k) => shardDirs[k]!));
  if (problems.length === 0)
    order.forEach((k, i) =>
      writeAtomically(shardRunFile(k), JSON.stringify({ inputs: ran.get(k)!, bodies: keys[i]! } satisfies ShardRun)),
    );
  return problems;
}

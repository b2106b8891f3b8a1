// `npm run compare:builds -- BEFORE AFTER`: tells whether two production builds (project folders,
// each after `npm run build`) serve the same pages, for a change meant not to alter behaviour.
//
// Every prerendered file (HTML, RSC payloads, route bodies) is read with the build id and chunk names
// replaced. A file counts as the same when its bytes are; an HTML page also when its markup outside
// the RSC payload is byte-identical and the payload encodes the same tree; an RSC file when it encodes
// the same tree. "The same tree" resolves the payload's row references and drops what renders nothing
// (undefined children, fragments), so rows streamed in another order or an extra component boundary
// compare equal, while any changed element, attribute, text or client component does not. Failing
// that, a file counts as the same when it is so with every class list's classes sorted: the order of
// classes in an attribute changes nothing a browser draws (Prettier's Tailwind plugin reorders them).
// Exits non-zero when any file differs, is missing or is new.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { nextBuildDir, prerenderedPagesDir } from '@/lib/prerendered';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

const buildIds = new Map<string, string>();

/** A file's text with what changes on every build (build id, hashed asset names) replaced. */
function normalised(root: string, file: string): string {
  let buildId = buildIds.get(root);
  if (buildId === undefined) {
    buildId = readFileSync(path.join(nextBuildDir(root), 'BUILD_ID'), 'utf8').trim();
    buildIds.set(root, buildId);
  }
  return readFileSync(path.join(prerenderedPagesDir(root), file), 'utf8')
    .replaceAll(buildId, 'BUILD_ID')
    .replace(/static\/chunks\/[\w./~-]+\.(js|css)/g, 'static/chunks/CHUNK.$1')
    .replace(/static\/css\/[\w./~-]+\.css/g, 'static/css/CHUNK.css')
    .replace(/static\/media\/[\w./~-]+/g, 'static/media/MEDIA');
}

/** The rows of an RSC payload by id, and its hints (rows without an id), sorted. */
function payloadRows(payload: string): { rows: Map<string, Json>; hints: string[] } {
  const bytes = Buffer.from(payload, 'utf8');
  const rows = new Map<string, Json>();
  const hints: string[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const colon = bytes.indexOf(':', pos);
    if (colon < 0) break;
    const id = bytes.subarray(pos, colon).toString();
    pos = colon + 1;
    if (bytes[pos] === 0x54 /* T: a text row, its length in bytes before a comma */) {
      const comma = bytes.indexOf(',', pos);
      const length = parseInt(bytes.subarray(pos + 1, comma).toString(), 16);
      rows.set(id, ['$text', bytes.subarray(comma + 1, comma + 1 + length).toString()]);
      pos = comma + 1 + length;
      continue;
    }
    let end = bytes.indexOf('\n', pos);
    if (end < 0) end = bytes.length;
    const text = bytes.subarray(pos, end).toString();
    pos = end + 1;
    if (id === '') hints.push(text);
    // A client module reference: its fields may point at other rows.
    else if (text.startsWith('I[')) rows.set(id, ['$import', JSON.parse(text.slice(1)) as Json]);
    else if (/^[\[{"\d\-tfn]/.test(text)) rows.set(id, JSON.parse(text) as Json);
    else rows.set(id, ['$raw', text]);
  }
  return { rows, hints: hints.sort() };
}

const REFERENCE = /^\$[LQW@FK]?([0-9a-f]+)$/;
const NOTHING = new Set<Json>(['$undefined', null, true, false]);

/** What a payload renders: references resolved, holes dropped, fragments and nested lists flattened. */
function rendered(value: Json, rows: Map<string, Json>, seen: readonly string[] = []): Json {
  if (typeof value === 'string') {
    const id = REFERENCE.exec(value)?.[1];
    if (id === undefined || !rows.has(id)) return value;
    if (seen.includes(id)) return ['$cycle', id];
    return rendered(rows.get(id) ?? null, rows, [...seen, id]);
  }
  if (value === null || typeof value !== 'object') return value;
  if (!Array.isArray(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rendered(v, rows, seen)]));
  const isElement = (v: Json): boolean => Array.isArray(v) && v.length === 4 && v[0] === '$';
  if (isElement(value)) {
    const type = rendered(value[1] ?? null, rows, seen);
    const props = rendered(value[3] ?? null, rows, seen);
    if (type === '$Sreact.fragment')
      return props && typeof props === 'object' && !Array.isArray(props) ? (props['children'] ?? null) : null;
    return ['$', type, value[2] ?? null, props];
  }
  const out: Json[] = [];
  for (const item of value) {
    const r = rendered(item, rows, seen);
    if (NOTHING.has(r)) continue;
    if (Array.isArray(r) && !isElement(r)) out.push(...r);
    else out.push(r);
  }
  return out.length === 1 ? (out[0] ?? null) : out;
}

const sortedClasses = (list: string) => list.split(/\s+/).filter(Boolean).sort().join(' ');

/** A tree with every `className` prop's classes sorted. */
function classesInOrder(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(classesInOrder);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'className' && typeof v === 'string' ? sortedClasses(v) : classesInOrder(v),
    ]),
  );
}

function payloadTree(payload: string, sortClasses = false): Json {
  const { rows, hints } = payloadRows(payload);
  const root = rendered(rows.get('0') ?? null, rows);
  return { root: sortClasses ? classesInOrder(root) : root, hints };
}

const markupWithClassesSorted = (markup: string) =>
  markup.replace(/ class="([^"]*)"/g, (_, list: string) => ` class="${sortedClasses(list)}"`);

const INLINE_PAYLOAD = /<script>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g;

/** An HTML page's markup without its inline RSC payload, and the payload. */
function htmlParts(html: string): Parts {
  let payload = '';
  for (const match of html.matchAll(INLINE_PAYLOAD)) {
    const pushed = JSON.parse(match[1] ?? '[]') as Json[];
    if (typeof pushed[1] === 'string') payload += pushed[1];
  }
  return { markup: html.replace(INLINE_PAYLOAD, ''), payload };
}

type Parts = { markup: string; payload: string };

function sameTree(x: Parts, y: Parts, sortClasses: boolean): 'markup differs' | 'RSC tree differs' | undefined {
  const markup = sortClasses ? markupWithClassesSorted : (m: string) => m;
  if (markup(x.markup) !== markup(y.markup)) return 'markup differs';
  return isDeepStrictEqual(payloadTree(x.payload, sortClasses), payloadTree(y.payload, sortClasses))
    ? undefined
    : 'RSC tree differs';
}

function compare(before: string, after: string, file: string): 'bytes' | 'tree' | 'classes' | string {
  const a = normalised(before, file);
  const b = normalised(after, file);
  if (a === b) return 'bytes';
  if (!file.endsWith('.html') && !file.endsWith('.rsc')) return 'differs';
  // An .rsc file is all payload: a page with no markup.
  const parts = (text: string): Parts => (file.endsWith('.rsc') ? { markup: '', payload: text } : htmlParts(text));
  const [x, y] = [parts(a), parts(b)];
  if (sameTree(x, y, false) === undefined) return 'tree';
  return sameTree(x, y, true) ?? 'classes';
}

const [before, after] = process.argv.slice(2).map((dir) => path.resolve(dir));
if (!before || !after)
  throw new Error('Usage: npm run compare:builds -- BEFORE AFTER (two project folders, each built)');
const pageFiles = (root: string) =>
  new Set(filesUnder(prerenderedPagesDir(root)).filter((f) => /\.(html|rsc|body)$/.test(f)));
const a = pageFiles(before);
const b = pageFiles(after);
const problems = [
  ...[...a].filter((f) => !b.has(f)).map((f) => `only before: ${f}`),
  ...[...b].filter((f) => !a.has(f)).map((f) => `only after: ${f}`),
];
let bytes = 0;
let trees = 0;
let classes = 0;
const common = [...a].filter((f) => b.has(f)).sort();
for (const file of common) {
  const result = compare(before, after, file);
  if (result === 'bytes') bytes += 1;
  else if (result === 'tree') trees += 1;
  else if (result === 'classes') classes += 1;
  else problems.push(`${result}: ${file}`);
}
console.log(
  `${common.length} page files compared: ${bytes} byte-identical, ${trees} with identical markup and the same RSC tree, ${classes} the same but for the order of classes, ${problems.length} different`,
);
for (const problem of problems) console.log(`  ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);

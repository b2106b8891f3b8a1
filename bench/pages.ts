// `npm run bench:pages`: what each kind of page makes a reader download, read from the production
// build (run after `npm run build`). For one zh-Hant page of each template (bench/common.ts) it
// prints the gzip size of the HTML, of the JavaScript (<script src>, noModule polyfills left out:
// only browsers without ES modules load them) and of the CSS, and splits the JavaScript into the
// framework's share (react, react-dom, scheduler, next and the Turbopack runtime) and our own (the
// project's code and the libraries it chose). The split follows the source maps the build
// publishes: every byte of a chunk is charged to the module it came from, and each side's bytes are
// gzipped on their own. It also names any module of components/mdx/ that reached the browser:
// article bodies must ship no client JavaScript.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { nextBuildDir, prerenderedHtmlFile } from '@/lib/prerendered';
import { samplePages } from './common';

const nextDir = nextBuildDir();
const locale = 'zh-Hant';
const pages = samplePages(locale);

const frameworkSource = /\[turbopack\]\/|\/node_modules\/(react|react-dom|scheduler|next|@next|@swc\/helpers)\//;
const articleBodySource = /(^|\/)components\/mdx\//;

type ChunkSplit = { framework: string; own: string; ownSources: Set<string> };
const splits = new Map<string, ChunkSplit>();

/** Cuts a chunk into the text that came from framework modules and the text that came from ours. */
function splitChunk(file: string): ChunkSplit {
  const cached = splits.get(file);
  if (cached) return cached;
  const code = readFileSync(file, 'utf8');
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const mapFile = path.join(path.dirname(file), mapName ?? `${path.basename(file)}.map`);
  if (!existsSync(mapFile))
    throw new Error(`${mapFile} is missing: build with productionBrowserSourceMaps (next.config.js).`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as {
    sources: string[];
    mappings?: string;
    sections?: { offset: { line: number; column: number }; map: { sources: string[]; mappings: string } }[];
  };
  const lines = code.split('\n');
  const framework: string[] = [];
  const own: string[] = [];
  const ownSources = new Set<string>();
  // A flat map, or an index map of sections (Turbopack writes one section per module).
  const sections = map.sections ?? [
    { offset: { line: 0, column: 0 }, map: { sources: map.sources, mappings: map.mappings ?? '' } },
  ];
  // Bytes no mapping covers are the bundler's glue: counted as framework.
  const owner: (string | undefined)[][] = lines.map((line) => new Array<string | undefined>(line.length));
  for (const section of sections) {
    decode(section.map.mappings).forEach((segments, i) => {
      const lineNo = section.offset.line + i;
      const line = lines[lineNo];
      if (line === undefined) return;
      const shift = i === 0 ? section.offset.column : 0;
      segments.forEach((segment, k) => {
        const start = segment[0] + shift;
        const end = (segments[k + 1]?.[0] ?? line.length - shift) + shift;
        const source = segment.length > 1 ? section.map.sources[segment[1]!] : undefined;
        for (let c = start; c < Math.min(end, line.length); c++) owner[lineNo]![c] = source;
      });
    });
  }
  lines.forEach((line, lineNo) => {
    let run = '';
    let runOwn = false;
    const flush = () => (runOwn ? own : framework).push(run);
    for (let c = 0; c < line.length; c++) {
      const source = owner[lineNo]![c];
      const isOwn = source !== undefined && !frameworkSource.test(source);
      if (isOwn) ownSources.add(source);
      if (isOwn !== runOwn && run) {
        flush();
        run = '';
      }
      runOwn = isOwn;
      run += line[c];
    }
    if (run) flush();
  });
  const split = { framework: framework.join('\n'), own: own.join('\n'), ownSources };
  splits.set(file, split);
  return split;
}

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const assetFile = (url: string) => path.join(nextDir, url.replace(/^\/_next\//, ''));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);

console.log(
  `${'page'.padEnd(11)}${'html'.padStart(10)}${'js'.padStart(10)}${'framework'.padStart(11)}${'own js'.padStart(10)}${'css'.padStart(10)}  files`,
);
const bodyModules = new Set<string>();
for (const [name, pagePath] of Object.entries(pages)) {
  // The proxy answers an unknown path with the page the build wrote at /<locale>/404.
  const htmlFile = prerenderedHtmlFile(name === 'not-found' ? `/${locale}/404` : pagePath);
  const html = readFileSync(htmlFile, 'utf8');
  const scripts = [
    ...new Set(
      [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
        .map((m) => m[2]!),
    ),
  ];
  const styles = [...new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!))];
  let js = 0;
  let framework = 0;
  let own = 0;
  for (const url of scripts) {
    const file = assetFile(url);
    js += gzip(readFileSync(file));
    const split = splitChunk(file);
    framework += gzip(split.framework);
    if (split.own) own += gzip(split.own);
    if (name === 'article')
      for (const source of split.ownSources) if (articleBodySource.test(source)) bodyModules.add(source);
  }
  const css = styles.reduce((sum, url) => sum + gzip(readFileSync(assetFile(url))), 0);
  console.log(
    `${name.padEnd(11)}${kb(gzip(readFileSync(htmlFile)))}${kb(js)}${kb(framework).padStart(11)}${kb(own)}${kb(css)}  ${scripts.length} js, ${styles.length} css`,
  );
}
console.log(
  '\nTargets on the article page: own JavaScript at most 10 KB gzip, CSS at most 15 KB gzip, no client component in article bodies.',
);
console.log(
  bodyModules.size === 0
    ? 'Client modules from article bodies (components/mdx/): none'
    : `Client modules from article bodies (components/mdx/): ${[...bodyModules].join(', ')}`,
);
console.log('Framework and own parts are gzipped separately, so together they may differ slightly from the whole.');

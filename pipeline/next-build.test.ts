import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTraced, wholeProjectTraced } from './next-build';

// Turbopack's warning, as `next build` printed it when lib/prerendered.ts lost its turbopackIgnore.
const warned = `✓ Generating static pages using 2 workers (209/209) in 15.6s
Turbopack build encountered 1 warning:
./lib/prerendered.ts:12:3
Warning: Dynamic filesystem access causes tracing of the whole project
  10 | // turbopackIgnore: a path computed at run time would make the build trace the whole project.
  11 | export const nextBuildDir = (root = process.cwd()) =>
> 12 |   path.join(root, staticExport ? 'out' : '.next');

Static analysis determined that this filesystem access causes the whole project to be traced and included in the output.
`;

describe('wholeProjectTraced', () => {
  it("finds Turbopack's warning that the build traced the whole project", () => {
    expect(wholeProjectTraced(warned)).toEqual([
      './lib/prerendered.ts:12:3 Warning: Dynamic filesystem access causes tracing of the whole project',
    ]);
  });

  it('finds nothing in a clean build', () => {
    expect(wholeProjectTraced('✓ Compiled successfully in 82s\n  Running TypeScript ...\n')).toEqual([]);
  });
});

describe('contentTraced', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'content-traced-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const trace = (file: string, files: string[]) => {
    mkdirSync(path.dirname(path.join(root, '.next', file)), { recursive: true });
    writeFileSync(path.join(root, '.next', file), JSON.stringify({ version: 1, files }));
  };
  // Paths as Next writes them: relative to the trace's own folder.
  trace('server/app/[locale]/page.js.nft.json', ['../../chunks/a.js', '../../../../node_modules/next/package.json']);

  it('finds nothing when no trace reaches the content folder', () => {
    expect(contentTraced(path.join(root, '.next'), path.join(root, '.contentlayer'))).toEqual([]);
  });

  it('names each trace that lists files of the content folder, with how many', () => {
    trace('server/app/[locale]/tags/[slug]/page.js.nft.json', [
      '../../../../chunks/b.js',
      '../../../../../../.contentlayer/site/content.db',
      '../../../../../../.contentlayer/site/search/zh-Hant/pagefind.js',
    ]);
    trace('server/middleware.js.nft.json', ['../../.contentlayer-other/x.json']);
    expect(contentTraced(path.join(root, '.next'), path.join(root, '.contentlayer'))).toEqual([
      `server/app/[locale]/tags/[slug]/page.js.nft.json: 2 file(s), ${path.join(root, '.contentlayer', 'site', 'content.db')} first`,
    ]);
  });

  it('finds nothing when there is no build', () => {
    expect(contentTraced(path.join(root, 'missing'), path.join(root, '.contentlayer'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { wholeProjectTraced } from './next-build';

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

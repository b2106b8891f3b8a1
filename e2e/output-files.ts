import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// What a build or a server reads from disk, recorded so a test can show another build left it alone.

/**
 * Every file under `dir` (relative path to size and modification time), leaving out the paths
 * `skip` names: what a running server writes there itself (its page cache) is not a build's doing.
 */
export function filesOf(dir: string, skip: (relative: string) => boolean = () => false): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (skip(relative)) continue;
      if (entry.isDirectory()) walk(relative);
      else {
        const stat = statSync(path.join(dir, relative));
        files.set(relative, `${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}

/** The paths added, removed or changed between two records, for a readable failure. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}

/**
 * What the production server reads from its build, `.next`, without what the running server writes
 * there itself: the page cache (cache/, and the prerendered pages it rewrites when they are revalidated).
 */
export const productionBuildFiles = () =>
  filesOf(
    '.next',
    (relative) => relative === 'cache' || relative === 'dev' || /\.(html|rsc|meta|body)$/.test(relative),
  );

// docs/architecture.md is the map a newcomer reads first, and comments in the code point at the
// files they depend on. Both go stale when a file moves or is renamed; this test keeps every path
// they name pointing at a file or folder that exists, and every module of lib/ and pipeline/ on
// the map.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const skipped = new Set(['node_modules', '.git', '.next', '.contentlayer', 'out', 'test-results', 'playwright-report']);

/** Every file and folder of the project (folders with a trailing slash), relative to its root. */
function projectPaths(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    const relative = path.relative(root, full);
    return entry.isDirectory() ? [`${relative}/`, ...projectPaths(full)] : [relative];
  });
}
const existing = projectPaths();

// Paths are named from one of the project's own folders; generated output (.contentlayer/site, .next)
// is not in git and is left out.
const FOLDERS = 'app|components|lib|pipeline|scripts|bench|e2e|tests|docs|i18n|messages|content|public|patches';
const NAMED_PATH = new RegExp(`(?<![\\w./@-])(?:${FOLDERS})/(?:\\{[^}\\s]*\\}|<[\\w-]+>|[^\\s\`'"()<>,;|{])*`, 'g');

/**
 * A named path as a pattern over project paths: `<slug>` and `*` stand for one name, `{a,b}` for
 * either, and a path cut short by an ellipsis (`app/[locale]/…`) names the folder before it.
 */
function pathPattern(named: string): RegExp {
  const cut = named.split(/…|(?<!\[)\.\.\./)[0]!.replace(/[.:]+$/, '');
  const escaped = cut
    .replace(/[.+?^$()[\]\\]/g, '\\$&')
    .replace(/<[\w-]+>/g, '[^/]+')
    .replace(/\*/g, '[^/]*')
    .replace(/\{([^}]*)\}/g, (_, options: string) => `(?:${options.split(',').join('|')})`);
  return new RegExp(`^${escaped}/?$`);
}

/** The paths a text names that no file or folder answers. */
function missing(text: string): string[] {
  const named = [...text.matchAll(NAMED_PATH)].map((m) => m[0]);
  return [...new Set(named)].filter((name) => {
    const pattern = pathPattern(name);
    return !existing.some((p) => pattern.test(p));
  });
}

/** The comment lines of a source file (line comments, block comment lines, JSX comments). */
const commentLines = (source: string) =>
  source
    .split('\n')
    .filter((line) => /^\s*(\/\/|\/\*|\*|\{\/\*)/.test(line) || /\s\/\/\s/.test(line))
    .join('\n');

describe('named paths', () => {
  it('finds paths in the forms the docs use, and refuses a wrong one', () => {
    expect(missing('`lib/content.ts`, `app/[locale]/…`, `e2e/*.spec.ts`, `messages/*.json`')).toEqual([]);
    expect(
      missing('`content/articles/<slug>/zh-Hant.mdx` and `app/[locale]/{feed.xml,atom.xml,feed.json}/route.ts`'),
    ).toEqual([]);
    expect(missing('see lib/engage/attempts.ts and `e2e/structured-data.spec.ts`.')).toEqual([
      'lib/engage/attempts.ts',
      'e2e/structured-data.spec.ts',
    ]);
  });

  // The README and the editors' guide name example stories that are not in the tree; this page and
  // the code's comments name only real files.
  it('docs/architecture.md names only files and folders that exist', () => {
    expect(missing(readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8'))).toEqual([]);
  });

  it('comments in the code name only files and folders that exist', () => {
    const sources = existing.filter((p) => /\.(ts|tsx|mjs|mts|js)$/.test(p) && !p.startsWith('tests/fixtures/'));
    const stale = sources.flatMap((file) =>
      missing(commentLines(readFileSync(path.join(root, file), 'utf8'))).map((name) => `${file}: ${name}`),
    );
    expect(stale).toEqual([]);
  });

  it('docs/architecture.md names every module of lib/ and pipeline/', () => {
    const doc = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
    const modules = existing.filter(
      (p) => /^(lib|pipeline)\/.*\.(ts|tsx|mjs)$/.test(p) && !/\.(test|d)\.m?tsx?$/.test(p),
    );
    expect(modules.filter((file) => !doc.includes(file))).toEqual([]);
  });
});

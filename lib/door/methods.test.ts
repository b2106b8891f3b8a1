import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodsOf, ROUTE_METHODS, routePattern } from './methods';

// The door's table of methods against what the route files export: a route file's HTTP methods
// are what it answers (GET brings HEAD along), and the door must let exactly those through.

const APP = path.join(process.cwd(), 'app');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The URL route of a route file: its folders, without route groups. */
function routeOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join('/')}`;
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = HTTP_METHODS.filter((method) =>
    new RegExp(
      `export\\s+(?:async\\s+)?(?:function\\s+${method}\\b|const\\s+${method}\\b)|export\\s*\\{[^}]*\\b${method}\\b`,
    ).test(text),
  );
  // Next answers HEAD for every GET route.
  return [...new Set(found.includes('GET') ? [...found, 'HEAD'] : found)].sort();
}

const routes = routeFiles(APP).map((file) => ({ file, route: routeOf(file), methods: exportedMethods(file) }));

describe('the front door’s methods', () => {
  it('finds the site’s route files and their methods', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.find((r) => r.route === '/api/publish')?.methods).toEqual(['POST']);
  });

  it.each(routes.map((r) => [path.relative(process.cwd(), r.file), r] as const))(
    '%s is let through with its own methods',
    (_, r) => {
      // A request path that the route matches: each [param] filled in.
      const sample = r.route.replace(/\[\.\.\.[^\]]+\]/g, 'a/b').replace(/\[[^\]]+\]/g, 'x');
      expect([...methodsOf(sample)].sort()).toEqual(r.methods);
    },
  );

  it('names only routes that exist, in the route files’ own notation', () => {
    const known = new Set(routes.map((r) => r.route));
    for (const route of Object.keys(ROUTE_METHODS)) expect(known, route).toContain(route);
  });

  it('matches a parameter within one segment and nothing past the route', () => {
    expect(routePattern('/api/comments/[story]').test('/api/comments/a%2Fb')).toBe(true);
    expect(routePattern('/api/comments/[story]').test('/api/comments/a/b')).toBe(false);
    expect(methodsOf('/api/publish/x')).toEqual(['GET', 'HEAD']);
    expect(methodsOf('/zh-Hant/articles/x')).toEqual(['GET', 'HEAD']);
  });
});

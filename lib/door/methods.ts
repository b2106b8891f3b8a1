// The methods each route of the site answers, in one table: the front door refuses any other with
// 405 and Allow before Next sees the request, and lib/door/methods.test.ts holds the table against
// the route files' exports, so a new POST route cannot work under `next dev` and fail in production.

type Method = 'GET' | 'HEAD' | 'POST';

/** Routes in Next's notation ([param], [...param]) that answer more than GET and HEAD, or other methods. */
export const ROUTE_METHODS: Readonly<Record<string, readonly Method[]>> = {
  '/api/publish': ['POST'],
  '/api/admin/login': ['POST'],
  '/api/admin/logout': ['POST'],
  '/api/admin/comments': ['POST'],
  '/api/admin/newsletter': ['POST'],
  '/api/admin/words': ['POST'],
  '/api/newsletter': ['POST'],
  '/api/newsletter/confirm': ['POST'],
  '/api/newsletter/unsubscribe': ['GET', 'HEAD', 'POST'],
  '/api/comments/[story]': ['GET', 'HEAD', 'POST'],
  '/api/views/[story]': ['POST'],
};

/** Every other path: pages, feeds, files, Next's own assets. */
const DEFAULT_METHODS: readonly Method[] = ['GET', 'HEAD'];

/** A route pattern as a regular expression over a request's (still encoded) path. */
export function routePattern(route: string): RegExp {
  const source = route
    .split('/')
    .map((segment) =>
      /^\[\.\.\.[^\]]+\]$/.test(segment)
        ? '[^?#]+'
        : /^\[[^\]]+\]$/.test(segment)
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

const compiled = Object.entries(ROUTE_METHODS).map(([route, methods]) => ({ pattern: routePattern(route), methods }));

/** The methods a path answers. */
export function methodsOf(pathname: string): readonly Method[] {
  return compiled.find(({ pattern }) => pattern.test(pathname))?.methods ?? DEFAULT_METHODS;
}

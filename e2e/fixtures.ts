// Every e2e test imports `test` and `expect` from here: each browser context it opens reports, from
// the page itself, every Content-Security-Policy violation (a blocked inline script, style, frame or
// request), and a test whose pages caused one fails. e2e/csp-teardown.ts sums what was watched.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext } from '@playwright/test';

export type Violation = { page: string; directive: string; blocked: string; sample: string };

export const cspTally = path.join(process.cwd(), 'test-results', 'csp-tally');

/**
 * Listens in every document of a context for `securitypolicyviolation`, before any of the page's
 * own scripts run; the listener is added by the browser (not an inline script the CSP could block).
 */
async function watchPolicy(context: BrowserContext, violations: Violation[], documents: Set<string>) {
  await context.exposeBinding('__reportViolation', (_source, violation: Violation) => {
    violations.push(violation);
  });
  await context.exposeBinding('__reportDocument', (_source, url: string) => {
    documents.add(url);
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __reportViolation(v: unknown): void; __reportDocument(u: string): void };
    if (window.top === window) w.__reportDocument(location.href);
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__reportViolation({
        page: location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
}

export const test = base.extend<{ policyViolations: Violation[] }>({
  policyViolations: [
    async ({ context, browser }, use, testInfo) => {
      const violations: Violation[] = [];
      const documents = new Set<string>();
      await watchPolicy(context, violations, documents);
      // Contexts a test opens itself (another browser language) are watched as well.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const opened = await newContext.apply(browser, args);
        await watchPolicy(opened, violations, documents);
        return opened;
      };
      await use(violations).finally(() => {
        browser.newContext = newContext;
      });
      // A test that expects violations (the watcher's own test) takes them out of the list.
      mkdirSync(cspTally, { recursive: true });
      appendFileSync(
        path.join(cspTally, `${testInfo.workerIndex}.jsonl`),
        `${JSON.stringify({ test: testInfo.titlePath.join(' › '), documents: documents.size, violations: violations.length })}\n`,
      );
      expect(violations, 'Content-Security-Policy violations reported by the pages').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';

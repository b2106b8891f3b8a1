// What the site ships must not carry known holes: Next at or above the release that fixed the
// middleware and cache advisories this project was built against, and no high or critical advisory
// in the production dependencies (npm audit), checked whenever the registry answers.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const version = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;

describe('dependencies', () => {
  it('installs Next 16.2.6 or later', () => {
    expect(semver.gte(version('next'), '16.2.6'), `next ${version('next')}`).toBe(true);
  });

  it('has no high or critical advisory in what production runs (npm audit --omit=dev)', (context) => {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 90_000 });
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string; error?: unknown } = {};
    try {
      report = JSON.parse(run.stdout) as typeof report;
    } catch {
      report = { message: run.error?.message ?? (run.stderr || 'no answer') };
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts) {
      // Some registry mirrors refuse the advisory endpoint (405); there is then nothing to check against.
      console.warn(
        `npm audit could not ask the registry (${String(report.message ?? 'no report').split('\n')[0]}): advisories not checked.`,
      );
      context.skip();
      return;
    }
    expect({ high: counts['high'] ?? 0, critical: counts['critical'] ?? 0 }).toEqual({ high: 0, critical: 0 });
  });
});

// After the e2e run: how many documents the suite opened under the site's Content-Security-Policy,
// and how many violations they reported (each one already failed its test: e2e/fixtures.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cspTally } from './fixtures';

export default function reportPolicy() {
  if (!existsSync(cspTally)) return;
  const rows = readdirSync(cspTally).flatMap((file) =>
    readFileSync(path.join(cspTally, file), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { documents: number; violations: number }),
  );
  const documents = rows.reduce((sum, row) => sum + row.documents, 0);
  const violations = rows.reduce((sum, row) => sum + row.violations, 0);
  console.log(
    `Content-Security-Policy: ${rows.length} tests opened ${documents} documents; ${violations} violations reported.`,
  );
}

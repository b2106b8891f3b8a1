import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';

// The messages the test server wrote to its outbox (lib/engage/mail.ts), parsed as a mail program would.

const outbox = process.env.E2E_OUTBOX_DIR!;

async function messagesTo(address: string): Promise<ParsedMail[]> {
  let files: string[];
  try {
    files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  const parsed = await Promise.all(files.sort().map((f) => simpleParser(readFileSync(path.join(outbox, f)))));
  return parsed.filter((m) =>
    (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.value.some((v) => v.address === address)),
  );
}

/** Waits for the `count`-th message to `address` and returns it. */
export async function nthMessageTo(address: string, count = 1): Promise<ParsedMail> {
  let found: ParsedMail[] = [];
  await expect
    .poll(async () => (found = await messagesTo(address)).length, { timeout: 15_000, message: `mail to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return found[count - 1]!;
}

/** A link of the site in a message, moved to the server under test (the site's own address is SITE_URL). */
export function siteLink(text: string, pattern: RegExp, baseURL: string): string {
  const found = pattern.exec(text)?.[0];
  expect(found, `a link matching ${pattern}`).toBeTruthy();
  const url = new URL(found!);
  return new URL(url.pathname + url.search, baseURL).toString();
}

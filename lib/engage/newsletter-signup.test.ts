import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabases } from '@/tests/test-databases';
import type { SiteDatabase } from './database';
import { signUpReader } from './newsletter-signup';

// A new address and a known one take the same path to the answer: the confirmation is handed to
// `later` (Next's after()) and written by the real mail module only once the answer is made.

let databases: TestDatabases;
const outbox = mkdtempSync(path.join(os.tmpdir(), 'signup-outbox-'));
beforeAll(async () => {
  databases = await testDatabases('signup');
  process.env.OUTBOX_DIR = outbox;
}, 60_000);
afterAll(async () => {
  delete process.env.OUTBOX_DIR;
  rmSync(outbox, { recursive: true, force: true });
  await databases?.stop();
});

const mails = () => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []);

describe.each(['sqlite', 'postgres'] as const)('sign-up on %s', (kind) => {
  let site: SiteDatabase;
  beforeAll(async () => {
    site = await databases.open(kind);
    rmSync(outbox, { recursive: true, force: true });
  }, 60_000);

  const signUp = async (email: string, client: string) => {
    const tasks: (() => Promise<void>)[] = [];
    const outcome = await signUpReader(site.db, {
      form: { email },
      locale: 'zh-Hant',
      client,
      later: (task) => void tasks.push(task),
    });
    return { outcome, tasks };
  };

  it('answers a new and a known address alike, and mails only after the answer', async () => {
    const first = await signUp('known@example.tw', 'c1');
    expect(first.outcome).toEqual({ ok: true });
    expect(mails()).toHaveLength(0);
    await Promise.all(first.tasks.map((t) => t()));
    expect(mails()).toHaveLength(1);

    await site.db.updateTable('subscribers').set({ status: 'confirmed' }).execute();
    const known = await signUp('known@example.tw', 'c2');
    const fresh = await signUp('fresh@example.tw', 'c3');
    expect(known.outcome).toEqual(fresh.outcome);
    expect(mails()).toHaveLength(1);
    expect(known.tasks).toHaveLength(0);
    await Promise.all(fresh.tasks.map((t) => t()));
    expect(mails()).toHaveLength(2);
  });

  it('lets the next sign-up mail again when the mail could not be written', async () => {
    const blocked = path.join(os.tmpdir(), `signup-blocked-${kind}`);
    writeFileSync(blocked, 'a file where the folder should be');
    process.env.OUTBOX_DIR = blocked;
    const failed = await signUp('retry@example.tw', 'c4');
    await Promise.all(failed.tasks.map((t) => t()));
    rmSync(blocked);
    const again = await signUp('retry@example.tw', 'c5');
    expect(again.tasks).toHaveLength(1);
    process.env.OUTBOX_DIR = outbox;
  });

  it('refuses a bad address at once, mailing nothing', async () => {
    const bad = await signUp('not-an-address', 'c6');
    expect(bad.outcome).toEqual({ ok: false, refusal: 'invalid-email' });
    expect(bad.tasks).toHaveLength(0);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMail } from './mail';

// The site's mail, to the outbox folder and through a real SMTP conversation (smtp-server, the
// server nodemailer's authors test it against), with a sign-in and a refused recipient.

const outbox = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
const received: { from: string; to: string[]; raw: Buffer }[] = [];
const server = new SMTPServer({
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, _session, done) {
    if (auth.username === 'newsletter' && auth.password === 's3cret') done(null, { user: auth.username });
    else done(new Error('Invalid username or password'));
  },
  onRcptTo(address, _session, done) {
    if (address.address.endsWith('@refused.example'))
      done(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    else done();
  },
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks),
      });
      done();
    });
  },
});

const message = (to: string) => ({
  to,
  subject: '觀潮科技週報｜測試',
  text: '這一週值得一讀的報導',
  html: '<p>這一週值得一讀的報導</p>',
  headers: {
    'List-Unsubscribe': '<https://example.com/api/newsletter/unsubscribe?token=1.x>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
});

beforeAll(async () => {
  process.env.OUTBOX_DIR = outbox;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.OUTBOX_DIR;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(outbox, { recursive: true, force: true });
});

describe('the site’s mail', () => {
  it('without SMTP_URL, writes each message whole to the outbox as .eml', async () => {
    delete process.env.SMTP_URL;
    await sendMail(message('reader@example.com'));
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9a-f]{8}\.eml$/);
    const mail = await simpleParser(readFileSync(path.join(outbox, files[0]!)));
    expect(mail.subject).toBe('觀潮科技週報｜測試');
    expect(mail.text?.trim()).toBe('這一週值得一讀的報導');
    expect(mail.from?.text).toMatch(/newsletter@localhost/);
  });

  it('with SMTP_URL, signs in and sends through the SMTP server, and a refused recipient is an error', async () => {
    const { port } = server.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://newsletter:s3cret@127.0.0.1:${port}`;
    await sendMail(message('reader@example.com'));
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['reader@example.com']);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe('觀潮科技週報｜測試');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    await expect(sendMail(message('nobody@refused.example'))).rejects.toThrow(/Mailbox unavailable|550/);
    expect(received).toHaveLength(1);
    // Nothing went to the outbox meanwhile.
    expect(readdirSync(outbox)).toHaveLength(1);
  });
});

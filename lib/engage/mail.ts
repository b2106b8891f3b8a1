import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { site } from '@/lib/site';

// The site's outgoing mail (newsletter confirmations and digests): through the SMTP server SMTP_URL
// names (smtp://user:pass@host:587, smtps://… for TLS from the start), or, when it is not set, into
// a local outbox folder as .eml files an operator can open, so a fresh install sends nothing by surprise.

export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

/** Where unsent mail is written without SMTP: OUTBOX_DIR, or .data/outbox in the project. */
const outboxDir = () => path.resolve(/*turbopackIgnore: true*/ process.env.OUTBOX_DIR ?? path.join('.data', 'outbox'));

/** The sender: MAIL_FROM, or the site's name at its own host. */
function mailFrom(): string {
  return process.env.MAIL_FROM || `"${site.name['zh-Hant']}" <newsletter@${new URL(site.url).hostname}>`;
}

let smtp: Transporter | undefined;
// Builds the raw message without sending it: what the outbox keeps.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** Sends one message; throws when the SMTP server refuses it or the outbox cannot be written. */
export async function sendMail(mail: Mail): Promise<void> {
  const message = { from: mailFrom(), ...mail };
  if (process.env.SMTP_URL) {
    // One pooled connection is reused for a digest's many messages.
    smtp ??= nodemailer.createTransport(
      `${process.env.SMTP_URL}${process.env.SMTP_URL.includes('?') ? '&' : '?'}pool=true`,
    );
    await smtp.sendMail(message);
    return;
  }
  const { message: raw } = (await composer.sendMail(message)) as { message: Buffer };
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
  // Written aside, then renamed: whoever reads the folder never sees half a message.
  const partial = path.join(dir, `.${name}.part`);
  writeFileSync(partial, raw);
  renameSync(partial, path.join(dir, name));
}

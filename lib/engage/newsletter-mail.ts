import { createTranslator } from 'next-intl';
import type { Locale } from '@/i18n/locales';
import hans from '@/messages/zh-Hans.json';
import hant from '@/messages/zh-Hant.json';
import { site } from '@/lib/site';
import type { Mail } from './mail';

// The newsletter's messages, in the subscriber's script: the confirmation of a sign-up and the
// weekly digest. Each has a plain-text part and a plain HTML part (no images, no tracking), and
// every digest names its unsubscribe link in the body and in the List-Unsubscribe headers, which
// mail programs show as a button and follow with one POST (RFC 8058).

const messages = { 'zh-Hant': hant, 'zh-Hans': hans } as const;
const translator = (locale: Locale) =>
  createTranslator({ locale, messages: messages[locale], namespace: 'Newsletter.mail' });

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const absolute = (path: string) => new URL(path, site.url).toString();

/** The reader's page for a confirmation or unsubscribe link. */
const newsletterPage = (locale: Locale, query: Record<string, string> = {}) =>
  absolute(`/${locale}/newsletter${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`);

const page = (locale: Locale, body: string) =>
  `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
  `<body style="margin:0;padding:24px;background:#f5f5f5;color:#171717;font-family:sans-serif;line-height:1.7"><div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;border-radius:8px">${body}</div></body></html>`;

export function confirmationMail(locale: Locale, { email, token }: { email: string; token: string }): Mail {
  const t = translator(locale);
  const link = newsletterPage(locale, { confirm: token });
  const name = site.name[locale];
  const text = t('confirmText', { site: name, link });
  const html = page(
    locale,
    text
      .split('\n\n')
      .map((p) =>
        p === link
          ? `<p><a href="${escape(link)}" style="display:inline-block;padding:10px 20px;background:#171717;color:#fff;border-radius:999px;text-decoration:none;font-weight:bold">${escape(t('confirmButton'))}</a></p><p style="font-size:13px;word-break:break-all">${escape(link)}</p>`
          : `<p>${escape(p).replaceAll('\n', '<br>')}</p>`,
      )
      .join(''),
  );
  return { to: email, subject: t('confirmSubject', { site: name }), text, html };
}

export type DigestStory = { title: string; summary: string; path: string; sponsored: boolean };

/** The digest's subject in `locale` for the day `now` (in Taipei). */
export function digestSubject(locale: Locale, now: Date): string {
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(now);
  return translator(locale)('digestSubject', { site: site.name[locale], date });
}

/** One subscriber's copy of the digest: the stories, and their own unsubscribe link. */
export function digestMail(
  locale: Locale,
  {
    to,
    subject,
    stories,
    unsubscribe,
  }: { to: string; subject: string; stories: readonly DigestStory[]; unsubscribe: string },
): Mail {
  const t = translator(locale);
  const name = site.name[locale];
  const pageLink = newsletterPage(locale, { unsubscribe });
  const oneClick = absolute(`/api/newsletter/unsubscribe?${new URLSearchParams({ token: unsubscribe })}`);
  const label = (s: DigestStory) => (s.sponsored ? `【${t('sponsored')}】` : '');
  const text = [
    subject,
    '',
    t('digestIntro'),
    '',
    ...stories.flatMap((s, i) => [`${i + 1}. ${label(s)}${s.title}`, `   ${s.summary}`, `   ${absolute(s.path)}`, '']),
    '--',
    t('footer', { site: name }),
    t('unsubscribeText', { link: pageLink }),
  ].join('\n');
  const html = page(
    locale,
    `<h1 style="font-size:20px;margin:0 0 16px">${escape(subject)}</h1><p>${escape(t('digestIntro'))}</p>` +
      stories
        .map(
          (s) =>
            `<div style="margin:20px 0;padding-top:16px;border-top:1px solid #e5e5e5">` +
            (s.sponsored
              ? `<p style="margin:0;font-size:12px;font-weight:bold;color:#92400e">${escape(t('sponsored'))}</p>`
              : '') +
            `<h2 style="font-size:17px;margin:4px 0"><a href="${escape(absolute(s.path))}" style="color:#171717">${escape(s.title)}</a></h2>` +
            `<p style="margin:4px 0;color:#404040">${escape(s.summary)}</p>` +
            `<p style="margin:4px 0"><a href="${escape(absolute(s.path))}" style="color:#1d4ed8">${escape(t('read'))}</a></p></div>`,
        )
        .join('') +
      `<p style="margin-top:32px;font-size:13px;color:#525252">${escape(t('footer', { site: name }))} <a href="${escape(pageLink)}" style="color:#525252">${escape(t('unsubscribe'))}</a></p>`,
  );
  return {
    to,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

import { describe, expect, it } from 'vitest';
import { confirmationMail, digestMail, digestSubject } from './newsletter-mail';

const stories = [
  {
    title: '台積電的<script>alert(1)</script>新廠',
    summary: '導言 & 更多',
    path: '/zh-Hant/articles/fab',
    sponsored: false,
  },
  { title: '品牌的雙十一', summary: '贊助的導言', path: '/zh-Hant/articles/double-11', sponsored: true },
];

describe('the newsletter’s messages', () => {
  it('confirms with a link to the reader’s page, in the reader’s script', () => {
    const hant = confirmationMail('zh-Hant', { email: 'a@example.com', token: 'T'.repeat(43) });
    expect(hant.subject).toBe('請確認訂閱觀潮科技電子報');
    expect(hant.text).toContain(`/zh-Hant/newsletter?confirm=${'T'.repeat(43)}`);
    expect(hant.html).toContain(`/zh-Hant/newsletter?confirm=${'T'.repeat(43)}`);
    const hans = confirmationMail('zh-Hans', { email: 'a@example.com', token: 'T'.repeat(43) });
    expect(hans.subject).toBe('请确认订阅观潮科技邮件简报');
    expect(hans.text).toContain('请在 48 小时内');
  });

  it('labels sponsored stories, escapes what stories say, and names its unsubscribe link in the body and the headers', () => {
    const subject = digestSubject('zh-Hant', new Date('2026-12-04T02:00:00Z'));
    expect(subject).toBe('觀潮科技週報｜2026年12月4日');
    const mail = digestMail('zh-Hant', { to: 'a@example.com', subject, stories, unsubscribe: '7.sig' });
    expect(mail.text).toContain('2. 【廣編企劃】品牌的雙十一');
    expect(mail.text).not.toContain('【廣編企劃】台積電');
    expect(mail.html).toContain('廣編企劃</p><h2');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.html).toContain('導言 &#38; 更多');
    expect(mail.text).toContain('/zh-Hant/newsletter?unsubscribe=7.sig');
    expect(mail.headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(/^<https?:\/\/[^>]+\/api\/newsletter\/unsubscribe\?token=7\.sig>$/),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(digestSubject('zh-Hans', new Date('2026-12-04T02:00:00Z'))).toBe('观潮科技周报｜2026年12月4日');
  });
});

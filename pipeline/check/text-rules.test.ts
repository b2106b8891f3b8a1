import { describe, expect, it } from 'vitest';
import { absoluteUrlProblem, asSaved, hiddenCharacter, linkProblem } from './text-rules';

describe('linkProblem', () => {
  it("lets web pages, email addresses and this site's paths through", () => {
    for (const url of [
      'https://example.com/a?b=1#c',
      'http://example.com',
      'HTTPS://EXAMPLE.COM',
      'mailto:editor@example.com',
      '/zh-Hant/articles/x',
      '#notes',
      '?q=1',
      'relative/path',
      '',
    ]) {
      expect(linkProblem(url), url).toBeUndefined();
    }
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      'data:text/html,<script>',
      'vbscript:x',
      'file:///etc/passwd',
      'blob:https://x/y',
      'ftp://example.com',
    ]) {
      expect(linkProblem(url)?.message, JSON.stringify(url)).toContain('不允許的連結');
    }
  });

  it('refuses a // or /\\ address that leaves the site without saying how, and an http address that does not parse', () => {
    for (const url of ['//evil.example', '/\\evil.example', '\\\\evil.example'])
      expect(linkProblem(url)?.message, url).toContain('以 // 開頭');
    expect(linkProblem('https://')?.message).toContain('格式不正確');
  });
});

describe('absoluteUrlProblem', () => {
  it('wants a whole http(s) address, nothing around it', () => {
    expect(absoluteUrlProblem('https://partner.example/story/1')).toBeUndefined();
    for (const url of [
      '/zh-Hant',
      'partner.example',
      ' https://partner.example',
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
    ]) {
      expect(absoluteUrlProblem(url), url).toBeDefined();
    }
    expect(absoluteUrlProblem('javascript:alert(1)')?.fix).toContain('javascript:');
  });
});

describe('hiddenCharacter', () => {
  it('names the first hidden character and where it is', () => {
    expect(hiddenCharacter('台積電\u202E財報')?.message).toBe(
      '含有看不見的字元 U+202E（由右至左覆寫），在「台積電」之後',
    );
    expect(hiddenCharacter('\u200B開頭')?.message).toContain('在最前面');
    for (const c of [
      '\u0000',
      '\u0007',
      '\u001B',
      '\u007F',
      '\u0085',
      '\u00AD',
      '\u061C',
      '\u200B',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202D',
      '\u2060',
      '\u2066',
      '\u2069',
      '\uFEFF',
    ]) {
      expect(hiddenCharacter(`a${c}b`), c.codePointAt(0)!.toString(16)).toBeDefined();
    }
  });

  it('leaves ordinary text alone: Chinese punctuation, full-width spaces, emoji sequences, tabs and new lines', () => {
    for (const text of [
      '半導體「先進封裝」產能，　全年增長 30%！',
      '👩‍💻 工程師',
      '第一行\n第二行',
      'a\tb',
      'Café naïve',
    ]) {
      expect(hiddenCharacter(text), text).toBeUndefined();
    }
  });
});

describe('asSaved', () => {
  it('reads Windows line endings and a byte-order mark as the same file', () => {
    expect(asSaved('\uFEFF---\r\ntitle: 測試\r\n---\r\n本文\r')).toBe('---\ntitle: 測試\n---\n本文\n');
  });
});

import { describe, expect, it } from 'vitest';
import { readableText, readingMinutes } from './reading-time';

describe('readingMinutes', () => {
  it('counts Chinese by characters, not by whitespace-separated words', () => {
    // 1,200 Han characters with no spaces at all: three minutes at 400 characters a minute.
    expect(readingMinutes('雙'.repeat(1200))).toBe(3);
  });

  it('adds Latin words at their own pace', () => {
    const text = `${'字'.repeat(400)} ${'word '.repeat(200)}`;
    expect(readingMinutes(text)).toBe(2);
  });

  it('counts a character outside the basic plane (CJK extension B) once, not as two halves', () => {
    expect(readingMinutes('𠀀'.repeat(1200))).toBe(3);
    expect(readingMinutes('𠀀'.repeat(1000))).toBe(3);
  });

  it('counts Latin words that stand right against Chinese text', () => {
    // 400 characters and 200 words written without spaces between the scripts: two minutes.
    expect(readingMinutes('字AI字'.repeat(200))).toBe(2);
  });

  it('is never less than a minute', () => {
    expect(readingMinutes('短訊')).toBe(1);
    expect(readingMinutes('')).toBe(1);
  });

  it('ignores link targets, markup and code fences', () => {
    const markdown = '## 標題\n\n[連結](https://example.com/a-very-long-url)\n\n```\nconst x = 1;\n```\n';
    expect(readableText(markdown)).not.toContain('example');
    expect(readableText(markdown)).not.toContain('const');
    expect(readableText(markdown)).toContain('標題');
    expect(readableText(markdown)).toContain('連結');
  });
});

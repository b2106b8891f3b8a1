// The check never crashes: thousands of malformed articles, each written to a content folder and
// checked as `npm run check:content` would, must come back as problems that name the file, a line
// and a fix, never as an exception.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSchemas } from '../schema';
import { checkContent } from './check-content';

const fixtures = path.resolve(__dirname, '..', '..', 'tests', 'fixtures');
const work = mkdtempSync(path.join(os.tmpdir(), 'check-fuzz-'));
// The fixtures' own authors, tags and sections, without the ones that are themselves mistakes.
const correct = (source: string) => !/photo-missing/.test(source);
for (const folder of ['authors', 'tags', 'sections'])
  cpSync(path.join(fixtures, 'content', folder), path.join(work, 'content', folder), {
    recursive: true,
    filter: correct,
  });
cpSync(path.join(fixtures, 'public'), path.join(work, 'public'), { recursive: true });
mkdirSync(path.join(work, 'content', 'articles', 'fuzz'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = 'articles/fuzz/zh-Hant.mdx';
const ok = readFileSync(path.join(fixtures, 'content', 'articles', 'ok', 'zh-Hant.mdx'), 'utf8');
const now = new Date('2026-11-25T00:00:00Z');

/** Checks one article text as the only article of a content folder; the problems it reports. */
function check(text: string) {
  writeFileSync(path.join(work, 'content', file), text);
  return checkContent({
    contentDir: path.join(work, 'content'),
    publicDir: path.join(work, 'public'),
    schemas: contentSchemas,
    now,
  });
}

/** Every problem names the article, a place in it that exists, what is wrong and how to fix it. */
function expectWellFormed(text: string, problems: ReturnType<typeof check>) {
  const lines = text.split(/\r\n?|\n/).length;
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines + 1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message.trim().length).toBeGreaterThan(0);
    expect(p.fix.trim().length).toBeGreaterThan(3);
  }
}

// What editors' mistakes are made of: YAML and MDX punctuation, full-width lookalikes, controls,
// direction marks, line endings, and Chinese text.
const pieces = fc.constantFrom(
  ':',
  '：',
  ': ',
  '-',
  '- ',
  '"',
  "'",
  '「',
  '#',
  ' #',
  '\t',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u202E',
  '\u200B',
  '\u0000',
  '{',
  '}',
  '<',
  '>',
  '</',
  '/>',
  '<Figure',
  '<Video',
  '<Callout>',
  '</Callout>',
  '<Term',
  '=',
  '"x"',
  '[',
  ']',
  '(',
  ')',
  '](',
  '!',
  '---',
  '---\n',
  '|',
  '>',
  '&',
  '&lt;',
  '\\',
  '`',
  '```',
  '*',
  '**',
  '%',
  '%ZZ',
  'javascript:',
  'data:',
  '//',
  'https://',
  'title',
  'publishedAt',
  'hero',
  'src',
  'authors',
  'tags',
  'null',
  'true',
  '2026-13-45',
  '2026-02-30T25:61',
  '9999-99-99',
  '0000-00-00',
  '台積電',
  '人工智慧',
  '科技',
  'editor',
  '/images/hero.png',
  '/zh-Hant/articles/',
  'ok',
  '𠀀',
  '👩‍💻',
);
const junk = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** The good article with junk put in, something taken out, or a line replaced. */
const mutated = fc
  .tuple(fc.nat({ max: ok.length }), fc.nat({ max: 40 }), junk, fc.constantFrom('insert', 'replace', 'cut', 'line'))
  .map(([at, length, text, how]) => {
    if (how === 'insert') return ok.slice(0, at) + text + ok.slice(at);
    if (how === 'replace') return ok.slice(0, at) + text + ok.slice(at + length);
    if (how === 'cut') return ok.slice(0, at) + ok.slice(at + length);
    const lines = ok.split('\n');
    lines[at % lines.length] = text;
    return lines.join('\n');
  });

const field = (name: string) => new RegExp(`^${name}: .*$`, 'm');

describe('the content check under fuzzing', () => {
  it('never throws, and names the file and a line for whatever it finds, in thousands of mangled articles', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, junk, fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        expectWellFormed(text, check(text));
      }),
      { numRuns: 2500 },
    );
  }, 180_000);

  it('reports every impossible date as a problem of the file, never as a crash', () => {
    const number = (max: number, width: number) =>
      fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
    const date = fc.tuple(
      number(9999, 4),
      number(99, 2),
      number(99, 2),
      fc.option(fc.tuple(number(99, 2), number(99, 2), fc.option(number(99, 2)))),
    );
    // Whether a date exists on the calendar and a time on the clock, worked out without Date.
    const exists = ([y, mo, d, time]: [string, string, string, [string, string, string | null] | null]) => {
      const days = [
        31,
        Number(y) % 4 === 0 && (Number(y) % 100 !== 0 || Number(y) % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
      ];
      const [h, mi, sec] = (time ?? ['00', '00', '00']).map((n) => Number(n ?? 0));
      return (
        Number(mo) >= 1 &&
        Number(mo) <= 12 &&
        Number(d) >= 1 &&
        Number(d) <= days[Number(mo) - 1]! &&
        h! < 24 &&
        mi! < 60 &&
        sec! < 60
      );
    };
    fc.assert(
      fc.property(date, (parts) => {
        const [y, mo, d, time] = parts;
        const value = `${y}-${mo}-${d}${time ? `T${time[0]}:${time[1]}${time[2] ? `:${time[2]}` : ''}` : ''}`;
        const text = ok.replace(field('publishedAt'), `publishedAt: ${value}`);
        const problems = check(text);
        expectWellFormed(text, problems);
        if (!exists(parts))
          expect(
            problems.some((p) => p.field === 'publishedAt'),
            value,
          ).toBe(true);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('refuses a link to any scheme but http(s) and mailto, however it is written', () => {
    const scheme = fc
      .stringMatching(/^[a-zA-Z][a-zA-Z0-9+.-]{0,10}$/)
      .filter((s) => !['http', 'https', 'mailto'].includes(s.toLowerCase()));
    const disguise = fc.constantFrom('', ' ', '\t', '&#x09;', '&#10;');
    fc.assert(
      fc.property(
        scheme,
        disguise,
        fc.string({ maxLength: 20 }).filter((s) => !/[\s()[\]\\<>&{}`]/.test(s)),
        (name, gap, rest) => {
          const url = `${name.slice(0, 1)}${name.length > 1 && gap !== ' ' ? gap : ''}${name.slice(1)}:${rest}`;
          const text = `${ok}\n[連結](${url})\n\n[參考][r]\n\n[r]: ${name}:${rest || 'x'}\n`;
          const problems = check(text);
          expectWellFormed(text, problems);
          expect(problems.filter((p) => p.message.startsWith('不允許的連結')).length, url).toBeGreaterThanOrEqual(
            gap === '' ? 2 : 1,
          );
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});

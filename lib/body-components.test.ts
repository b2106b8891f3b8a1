import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyComponent, bodyComponents, imageAttributes, unconvertedAttributes } from './body-components';

// The editors' guide lists the body components in a table (元件 | 屬性（★ 為必填） | 用途).
const guide = readFileSync(path.resolve(__dirname, '..', 'docs', 'editors-guide.md'), 'utf8');

function guideTable(): Record<string, string[]> {
  const start = guide.indexOf('| 元件 | 屬性（★ 為必填） | 用途 |');
  expect(start, 'the guide has its component table').toBeGreaterThan(-1);
  const rows = guide.slice(start).split('\n').slice(2);
  const table: Record<string, string[]> = {};
  for (const row of rows) {
    const cells = row.match(/^\| `(\w+)` \| (.*?) \|/);
    if (!cells) break;
    table[cells[1]!] = [...cells[2]!.matchAll(/`(\w+)`(★?)/g)].map((m) => `${m[1]}${m[2]}`);
  }
  return table;
}

describe('the body components', () => {
  it("are the ones the editors' guide lists, with the same attributes, required ones starred", () => {
    const fromSpec = Object.fromEntries(
      Object.entries(bodyComponents).map(([name, spec]) => [
        name,
        Object.entries(spec.attributes).map(([attribute, rule]) => `${attribute}${rule.required ? '★' : ''}`),
      ]),
    );
    expect(guideTable()).toEqual(fromSpec);
  });

  it('look up only names the body may use', () => {
    expect(bodyComponent('Figure')?.attributes).toHaveProperty('src');
    for (const name of ['Chart', 'constructor', 'toString', '__proto__', 'figure'])
      expect(bodyComponent(name)).toBeUndefined();
  });

  it("mark paths, ids and each script's own form as unconverted, and Figure's src as an image", () => {
    expect([...unconvertedAttributes].sort()).toEqual(['hans', 'hant', 'id', 'provider', 'src']);
    expect(imageAttributes).toEqual([{ component: 'Figure', attribute: 'src' }]);
  });
});

import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import hans from '../messages/zh-Hans.json';
import hant from '../messages/zh-Hant.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function values(tree: Tree): [string, string][] {
  return keys(tree).map((key) => [
    key,
    key.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, tree) as string,
  ]);
}

describe('interface messages', () => {
  it('have exactly the same keys in both scripts', () => {
    expect(keys(hans).sort()).toEqual(keys(hant).sort());
  });

  it('are written in their own script', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    // The locale switcher names the other script in that script, on purpose.
    const otherScript = new Set(['LocaleSwitcher.target']);
    for (const [key, text] of values(hant)) if (!otherScript.has(key)) expect(toTraditional(text), key).toBe(text);
    for (const [key, text] of values(hans)) if (!otherScript.has(key)) expect(toSimplified(text), key).toBe(text);
  });
});

import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageMeasurer } from './image-size';

const fixtures = path.resolve(__dirname, '..', 'tests', 'fixtures', 'public');
const work = mkdtempSync(path.join(os.tmpdir(), 'image-size-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('imageMeasurer', () => {
  it('measures a picture and hashes its bytes from the same read', () => {
    const measure = imageMeasurer(fixtures);
    expect(measure('/images/hero.png')).toEqual({ width: expect.any(Number), height: expect.any(Number) });
    const bytes = readFileSync(path.join(fixtures, 'images', 'hero.png'));
    expect(measure.hash('/images/hero.png')).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
  });

  it('gives another hash for another picture under the same name, and none for what it cannot measure', () => {
    cpSync(path.join(fixtures, 'images', 'hero.png'), path.join(work, 'images', 'a.png'), { recursive: true });
    const before = imageMeasurer(work).hash('/images/a.png');
    cpSync(path.join(fixtures, 'images', 'small.png'), path.join(work, 'images', 'a.png'));
    const after = imageMeasurer(work).hash('/images/a.png');
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(imageMeasurer(work).hash('/images/missing.png')).toBeUndefined();
    expect(imageMeasurer(work).hash('/../outside.png')).toBeUndefined();
  });
});

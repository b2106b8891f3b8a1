import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectCopy } from '@/tests/project-copy';
import { readIndexFromStore } from './index/write-store';

// Compiles a copy of the project's content in shards, as a large archive is, and a publish's changed
// stories beside them: the index must be the one a full compile makes.
// Its own copy of the project (tests/project-copy.ts), so that the content tests run side by side.
const { run, dir: work, runContentStep } = projectCopy();

describe('the content step, in shards', () => {
  const file = 'articles/podcast-advertising/zh-Hant.mdx';
  // Set once the copy holds a full sharded compile of its unchanged content (the first test ends with
  // one): the second test then starts from it instead of compiling the same tree again.
  let shardedBuildCurrent = false;

  it('compiles a large tree in shards, one contentlayer run each, into the same index', () => {
    const readIndex = () => readIndexFromStore(path.join(work(), '.contentlayer', 'site', 'content.db'))!;
    expect(runContentStep().status).toBe(0);
    const whole = readIndex();
    // Four article files per shard: the sample's ten stories need several shards.
    const { status, output } = run('content', [], { CONTENT_SHARD_SIZE: '4' });
    expect(output).toMatch(/Compiled \d+ shards in/);
    expect(status).toBe(0);
    const { dirs } = JSON.parse(readFileSync(path.join(work(), '.contentlayer', 'generated-dirs.json'), 'utf8')) as {
      dirs: string[];
    };
    expect(dirs.length).toBeGreaterThan(2);
    expect(readIndex()).toEqual(whole);
    shardedBuildCurrent = true;
  }, 240_000);

  it('skips a shard whose files and compiled bodies are those of its last run', () => {
    if (!shardedBuildCurrent) throw new Error('needs the sharded compile of the test before');
    const env = { CONTENT_SHARD_SIZE: '4' };
    const readIndex = () => readIndexFromStore(path.join(work(), '.contentlayer', 'site', 'content.db'))!;
    const whole = readIndex();
    const content = () => {
      const { status, output } = run('content', [], env);
      expect(status, output).toBe(0);
      return /Compiled (\d+) of (\d+) shards/.exec(output)?.slice(1).map(Number);
    };
    const [none, count] = content()!;
    expect(none).toBe(0);
    expect(readIndex()).toEqual(whole);

    const target = path.join(work(), 'content', file);
    const original = readFileSync(target, 'utf8');
    writeFileSync(target, original.replace(/^(title: .*)$/m, '$1（更新）'));
    expect(content()).toEqual([1, count]);
    expect(readIndex()).not.toEqual(whole);
    writeFileSync(target, original);
    // Back as it was, and another shard's compiled body gone: both shards run, the rest stand.
    const shardOfFile = readdirSync(path.join(work(), '.contentlayer', 'shards')).find((k) =>
      existsSync(path.join(work(), '.contentlayer', 'shards', k, 'content', path.dirname(file))),
    );
    const other = readdirSync(path.join(work(), '.contentlayer', 'shards')).find((k) => {
      const last = path.join(work(), '.contentlayer', 'shards', k, 'last-run.json');
      return (
        k !== shardOfFile &&
        existsSync(last) &&
        (JSON.parse(readFileSync(last, 'utf8')) as { bodies: string[] }).bodies.length > 0
      );
    })!;
    const { bodies } = JSON.parse(
      readFileSync(path.join(work(), '.contentlayer', 'shards', other, 'last-run.json'), 'utf8'),
    ) as { bodies: string[] };
    rmSync(path.join(process.env.MDX_CACHE_DIR ?? path.join(work(), '.cache', 'mdx'), `${bodies[0]}.js`));
    expect(content()).toEqual([2, count]);
    expect(readIndex()).toEqual(whole);
  }, 240_000);

  it("compiles a publish's changed stories beside the shards, into the index a full compile makes", () => {
    const env = { CONTENT_SHARD_SIZE: '4' };
    const readIndex = () => readIndexFromStore(path.join(work(), '.contentlayer', 'site', 'content.db'))!;
    const tsx = (script: string, args: string[] = [], overlaySize = 4) => {
      const result = spawnSync('npx', ['tsx', script, ...args], {
        cwd: work(),
        encoding: 'utf8',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env, CONTENT_OVERLAY_SIZE: String(overlaySize) },
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    };
    const publishCompile = (changed: string[], overlaySize?: number) => {
      const compiled = tsx(
        'scripts/compile-content.ts',
        changed.flatMap((f) => ['--changed', f]),
        overlaySize,
      );
      expect(compiled.status, compiled.output).toBe(0);
      const indexed = tsx('scripts/index-content.ts');
      expect(indexed.status, indexed.output).toBe(0);
      return compiled.output;
    };
    const fullBuild = () => {
      const { status, output } = run('content', [], env);
      expect(status, output).toBe(0);
      return readIndex();
    };
    const other = 'articles/taiwan-ai-server-supply-chain/zh-Hant.mdx';
    const added = 'articles/overlay-test-story';
    const edit = (f: string, title: string) => {
      const target = path.join(work(), 'content', f);
      writeFileSync(target, readFileSync(target, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    };
    const originals = new Map([file, other].map((f) => [f, readFileSync(path.join(work(), 'content', f), 'utf8')]));
    try {
      if (!shardedBuildCurrent) fullBuild();
      shardedBuildCurrent = false;
      // One story changed and one added: compiled alone, in the overlay; the index is a full build's.
      edit(file, '只重新編譯這一篇');
      cpSync(path.join(work(), 'content', path.dirname(file)), path.join(work(), 'content', added), {
        recursive: true,
      });
      const output = publishCompile([file, `${added}/zh-Hant.mdx`]);
      expect(output).toMatch(/Compiled 2 story folder\(s\) changed since the last full compile/);
      expect(output).not.toMatch(/shards in/);
      const published = readIndex();
      expect(JSON.stringify(published)).toContain('只重新編譯這一篇');
      expect(JSON.stringify(published)).toContain('/zh-Hant/articles/overlay-test-story');
      // A tag renamed: authors, tags and sections come from the overlay from then on.
      const tag = path.join(work(), 'content', 'tags', 'alibaba.yaml');
      originals.set('tags/alibaba.yaml', readFileSync(tag, 'utf8'));
      writeFileSync(tag, readFileSync(tag, 'utf8').replace('hant: 阿里巴巴\n', 'hant: 阿里巴巴集團\n'));
      publishCompile(['tags/alibaba.yaml']);
      expect(JSON.stringify(readIndex())).toContain('阿里巴巴集團');
      // The added story removed again: gone, while its copy in no shard stays behind.
      rmSync(path.join(work(), 'content', added), { recursive: true });
      publishCompile([`${added}/zh-Hant.mdx`]);
      expect(JSON.stringify(readIndex())).not.toContain('overlay-test-story');
      const afterRemoval = readIndex();
      expect(fullBuild()).toEqual(afterRemoval);

      // The overlay grown past its size: the shards holding its stories run, and the overlay empties.
      edit(file, '第二次修改');
      publishCompile([file]);
      edit(other, '另一篇也改了');
      const folded = publishCompile([other], 2);
      expect(folded).toMatch(/Compiled \d+ of \d+ shards in/);
      expect(readFileSync(path.join(work(), '.contentlayer', 'generated-dirs.json'), 'utf8')).not.toContain('overlay');
      const afterFold = readIndex();
      expect(JSON.stringify(afterFold)).toContain('第二次修改');
      expect(fullBuild()).toEqual(afterFold);
    } finally {
      for (const [f, text] of originals) writeFileSync(path.join(work(), 'content', f), text);
      rmSync(path.join(work(), 'content', added), { recursive: true, force: true });
    }
  }, 600_000);
});

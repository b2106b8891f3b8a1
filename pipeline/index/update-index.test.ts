import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { projectCopy } from '@/tests/project-copy';

// A publish updates the store in place for the changed story folders (update-index.ts); the full
// index step (write-index.ts) is the reference. After each round of changes, the store the update
// left is dumped, the full step runs on the same content, and the two must be the same, row by row:
// stories, listings, links, names, bodies and feed HTML. The corpus is bench/corpus.ts's.

const STORIES = 120;
const { run, dir } = projectCopy();
const corpus = () => path.join(dir(), 'corpus');
const storeFile = () => path.join(dir(), '.contentlayer', 'site', 'content.db');
const env = () => ({ CONTENT_DIR: corpus() });

/** Everything a reader or a publish can see in the store, in a stable order. */
function dump() {
  const db = new Database(storeFile(), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).raw().all();
    return {
      articles: all(
        'SELECT locale, slug, published_at, section, featured, sponsored, body_hash, takes_later, data FROM articles ORDER BY locale, slug',
      ),
      tags: all('SELECT * FROM article_tags ORDER BY locale, tag, slug'),
      authors: all('SELECT * FROM article_authors ORDER BY locale, author, slug'),
      links: all('SELECT * FROM article_links ORDER BY locale, target, slug'),
      terms: all('SELECT * FROM terms ORDER BY kind, key'),
      pages: all('SELECT * FROM site_pages ORDER BY locale, slug'),
      bodies: all('SELECT hash FROM bodies ORDER BY hash'),
      feedHtml: all('SELECT hash, locale FROM feed_html ORDER BY hash, locale'),
    };
  } finally {
    db.close();
  }
}

/**
 * Checks the changed stories' files, compiles the corpus, then updates the store for these story
 * folders: what the check and the update said.
 */
function update(folders: string[]): string {
  const compiled = spawnSync('npx', ['tsx', 'scripts/compile-content.ts'], {
    cwd: dir(),
    encoding: 'utf8',
    env: { ...process.env, ...env() },
  });
  expect(compiled.status, compiled.stderr).toBe(0);
  const files = folders.flatMap((f) => ['zh-Hant', 'zh-Hans'].map((locale) => `articles/${f}/${locale}.mdx`));
  const result = spawnSync('npx', ['tsx', 'update.ts', ...files], {
    cwd: dir(),
    encoding: 'utf8',
    env: { ...process.env, ...env() },
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return `${result.stdout}\n${result.stderr}`;
}

/** The full index step on the same content. */
function fullIndex() {
  const result = spawnSync('npx', ['tsx', 'scripts/index-content.ts'], {
    cwd: dir(),
    encoding: 'utf8',
    env: { ...process.env, ...env() },
  });
  expect(result.status, result.stderr).toBe(0);
}

const storyFile = (folder: string, locale = 'zh-Hant') => path.join(corpus(), 'articles', folder, `${locale}.mdx`);
/** A story's files: one per script it was written in. */
const filesOf = (folder: string) =>
  readdirSync(path.join(corpus(), 'articles', folder)).map((file) => path.join(corpus(), 'articles', folder, file));
/** A story's file in the script it was written in (either, when both were). */
const writtenFile = (folder: string) => filesOf(folder).sort().at(-1)!;
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));
/** A time in Taipei, as editors write it, `hours` from now. */
const taipei = (hours: number) => new Date(Date.now() + (8 + hours) * 3600_000).toISOString().slice(0, 19);

/** The story folders of the corpus, oldest first by their folder's year, as `year/slug`. */
function folders(): string[] {
  const root = path.join(corpus(), 'articles');
  return readdirSync(root)
    .sort()
    .flatMap((year) => readdirSync(path.join(root, year)).map((slug) => `${year}/${slug}`));
}

describe(`the store updated in place for changed stories, at ${STORIES} stories`, () => {
  it('leaves the same store as the full index step: fixes, new stories, withdrawals, new tags, scheduled stories', () => {
    const made = spawnSync('npx', ['tsx', 'bench/corpus.ts', '--articles', String(STORIES), '--out', corpus()], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    writeFileSync(
      path.join(dir(), 'update.ts'),
      `import path from 'node:path';
import { readGenerated } from '@/pipeline/index/generated';
import { checkChangedStories, updateContentIndex } from '@/pipeline/index/update-index';
import { changedTags } from '@/pipeline/publish-tags';
const files = new Set(process.argv.slice(2));
const folders = new Set([...files].map((f) => path.posix.dirname(f).slice('articles/'.length)));
const checked = checkChangedStories(files);
console.log('CHECK', JSON.stringify(checked === undefined ? 'full' : checked.map((p) => p.message)));
const change = updateContentIndex(readGenerated(undefined, folders), folders);
console.log('RESULT', JSON.stringify(change === undefined ? 'declined' : change === null ? 'problems' : changedTags(change).tags));
`,
    );
    const built = run('content', [], env());
    expect(built.status, built.output).toBe(0);
    const all = folders();
    const [oldest, old, middle, recent] = [all[0]!, all[10]!, all[60]!, all[110]!];

    // A fixed body alone: no candidate moved, the story's related pieces stand.
    edit(writtenFile(middle), (t) => `${t}\n更新：補上業者回應。\n`);
    expect(update([middle])).toContain('CHECK []');
    let updated = dump();
    fullIndex();
    expect(updated).toEqual(dump());

    // Round 1: a fixed body that links to another story, a new story, another tag on an old story.
    const linked = path.basename(middle);
    edit(writtenFile(recent), (t) => `${t}\n延伸閱讀：[前文](/zh-Hant/articles/${linked})。\n`);
    cpSync(path.dirname(storyFile(recent)), path.join(corpus(), 'articles', '2026', 'a-new-story'), {
      recursive: true,
    });
    for (const locale of ['zh-Hant', 'zh-Hans']) rmSync(storyFile('2026/a-new-story', locale), { force: true });
    writeFileSync(
      storyFile('2026/a-new-story'),
      readFileSync(writtenFile(recent), 'utf8').replace(/^publishedAt: .*$/m, `publishedAt: ${taipei(-1)}`),
    );
    for (const file of filesOf(old)) edit(file, (t) => t.replace(/^tags:\n/m, 'tags:\n  - 半導體產業\n'));
    let said = update([recent, '2026/a-new-story', old]);
    expect(said).toContain('CHECK []');
    expect(said).toMatch(/RESULT \[/);
    expect(said).toContain('"c:story:zh-Hant/a-new-story"');
    updated = dump();
    fullIndex();
    expect(updated).toEqual(dump());

    // Round 2: the newest story withdrawn and the oldest deleted (other stories may link to them:
    // the full check runs), a fixed body, a scheduled story, a new story with further reading.
    const newest = all.at(-1)!;
    for (const file of filesOf(newest))
      edit(file, (t) => t.replace(/^publishedAt: (.*)$/m, 'publishedAt: $1\ndraft: true'));
    rmSync(path.join(corpus(), 'articles', oldest), { recursive: true });
    edit(writtenFile(middle), (t) => `${t}\n更正：本文數字已修正。\n`);
    cpSync(path.join(corpus(), 'articles', '2026', 'a-new-story'), path.join(corpus(), 'articles', '2026', 'later'), {
      recursive: true,
    });
    edit(storyFile('2026/later'), (t) => t.replace(/^publishedAt: .*$/m, `publishedAt: ${taipei(48)}`));
    cpSync(path.join(corpus(), 'articles', '2026', 'a-new-story'), path.join(corpus(), 'articles', '2026', 'reading'), {
      recursive: true,
    });
    edit(storyFile('2026/reading'), (t) =>
      t.replace(/^publishedAt: .*$/m, `publishedAt: ${taipei(-0.5)}\nfurtherReading:\n  - ${linked}`),
    );
    said = update([newest, oldest, middle, '2026/later', '2026/reading']);
    expect(said).toContain('CHECK "full"');
    expect(said).toContain('"c:story:zh-Hant/reading"');
    updated = dump();
    fullIndex();
    expect(updated).toEqual(dump());

    // A link to a story that is not there: the check says so, in the editor's words.
    edit(storyFile('2026/reading'), (t) => `${t}\n另見[舊文](/zh-Hant/articles/no-such-story)。\n`);
    said = update(['2026/reading']);
    expect(said).toContain('連結的文章「no-such-story」不存在');
    edit(storyFile('2026/reading'), (t) => t.replace('\n另見[舊文](/zh-Hant/articles/no-such-story)。\n', ''));

    // A tag that does not exist, and a new folder taking a slug another folder holds: both
    // reported, and nothing is written.
    const before = dump();
    edit(storyFile('2026/reading'), (t) => t.replace(/^tags:\n/m, 'tags:\n  - 沒有這個標籤\n'));
    const twin = `2025/${linked}`;
    cpSync(path.join(corpus(), 'articles', middle), path.join(corpus(), 'articles', twin), { recursive: true });
    said = update(['2026/reading', twin]);
    expect(said).toContain('RESULT "problems"');
    expect(said).toContain('標籤「沒有這個標籤」不存在');
    expect(said).toContain(`文章代稱「${linked}」已經由 articles/${middle}/`);
    expect(dump()).toEqual(before);
    edit(storyFile('2026/reading'), (t) => t.replace('  - 沒有這個標籤\n', ''));
    rmSync(path.join(corpus(), 'articles', twin), { recursive: true });

    // A renamed tag is the full step's to write: the update declines.
    const tag = path.join(corpus(), 'tags', 'tag-1.yaml');
    edit(tag, (t) => t.replace(/^( *hant: )(.*)$/m, '$1$2改'));
    expect(update(['2026/reading'])).toContain('RESULT "declined"');
  }, 600_000);
});

import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSchemas } from '../schema';
import { checkContent } from './check-content';

// tests/fixtures/content holds one article per kind of editor mistake (see its README.md).
const fixtures = path.resolve(__dirname, '..', '..', 'tests', 'fixtures');
const now = new Date('2026-11-25T00:00:00Z');
const checkFixtures = (only?: ReadonlySet<string>) =>
  checkContent({
    contentDir: path.join(fixtures, 'content'),
    publicDir: path.join(fixtures, 'public'),
    schemas: contentSchemas,
    now,
    only,
  });

describe('checkContent', () => {
  it('reports every mistake in the fixtures with its file, line, column and message', () => {
    const problems = checkFixtures();
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`)).toEqual([
      'articles/Bad_Slug/zh-Hant.mdx:1:1  文章檔案的位置或檔名不正確',
      'articles/bad-date/zh-Hant.mdx:4:14  「publishedAt」不是正確的日期：2026-02-30',
      'articles/comments-not-boolean/zh-Hant.mdx:4:11  「comments」只能是 true 或 false',
      'articles/duplicate/zh-Hant.mdx:1:1  文章「duplicate」的 zh-Hant 版本重複：articles/2025/duplicate/zh-Hant.mdx 也是同一篇',
      'articles/empty-front-matter/zh-Hant.mdx:2:1  前言是空的',
      'articles/further-reading-missing/zh-Hant.mdx:15:5  延伸閱讀的文章「no-such-story」不存在',
      'articles/hero-too-small/zh-Hant.mdx:11:8  首圖只有 400×225 像素，寬度不到 1200',
      'articles/hidden-characters/zh-Hant.mdx:2:8  「title」：含有看不見的字元 U+202E（由右至左覆寫），在「測試」之後',
      'articles/hidden-characters/zh-Hant.mdx:3:10  「summary」：含有看不見的字元 U+200B（零寬空格），在「一段」之後',
      'articles/image-missing/zh-Hant.mdx:18:1  找不到內文圖片「/images/missing.png」',
      'articles/image-without-alt/zh-Hant.mdx:18:1  Markdown 圖片語法 ![…](…) 不能用在文章裡',
      'articles/image-without-alt/zh-Hant.mdx:20:1  <Figure> 缺少 alt 屬性',
      'articles/import-statement/zh-Hant.mdx:16:1  文章裡不能有 import 或 export',
      'articles/impossible-date/zh-Hant.mdx:4:14  「publishedAt」不是正確的日期：2026-13-45T25:61:00',
      'articles/js-expression/zh-Hant.mdx:18:6  文章裡不能有 { } 運算式',
      'articles/link-missing/zh-Hant.mdx:18:3  連結的文章「no-such-story」不存在',
      'articles/malformed-term/zh-Hant.mdx:18:4  <Term> 缺少 hans 屬性',
      'articles/mdx-mismatched-tag/zh-Hant.mdx:22:1  MDX 語法錯誤：結尾標籤 </PullQuote> 和前面的 <Callout>（第 20 行） 不成對（解析器：Unexpected closing tag `</PullQuote>`, expected corresponding closing tag for `<Callout>` (20:1-20:21)）',
      'articles/mdx-syntax/zh-Hant.mdx:18:47  MDX 語法錯誤：元件標籤沒有寫完：少了結尾的 > 或 />（解析器：Unexpected end of file before attribute name, expected a character that can start an attribute name, such as a letter, `$`, or `_`; whitespace before attributes; or the end of the tag）',
      'articles/mdx-unclosed-component/zh-Hant.mdx:23:1  MDX 語法錯誤：<Callout> 沒有結尾（第 23 行開始的那個）（解析器：Expected a closing tag for `<Callout>` (23:5-23:14) before the end of `paragraph`）',
      'articles/missing-title/zh-Hant.mdx:2:1  缺少必填欄位「title」',
      'articles/mistyped-field/zh-Hant.mdx:2:1  未知的欄位「titel」',
      'articles/mistyped-field/zh-Hant.mdx:2:1  缺少必填欄位「title」',
      'articles/placeholder-left/zh-Hant.mdx:3:10  「summary」還是範本的預設文字',
      'articles/placeholder-left/zh-Hant.mdx:12:8  「hero.alt」還是範本的預設文字',
      'articles/scripts-disagree/zh-Hant.mdx:4:14  publishedAt 與 articles/scripts-disagree/zh-Hans.mdx 不一致',
      'articles/summary-too-long/zh-Hant.mdx:3:10  導言有 140 個字，超過卡片能顯示的 120 字',
      'articles/title-too-long/zh-Hant.mdx:2:8  標題有 40 個字，超過搜尋引擎顯示的 36 字',
      'articles/unknown-author/zh-Hant.mdx:6:5  作者「nobody」不存在',
      'articles/unknown-component/zh-Hant.mdx:18:1  未知的元件 <Chart>',
      'articles/unknown-section/zh-Hant.mdx:7:10  分類「娛樂」不存在',
      'articles/unknown-tag/zh-Hant.mdx:9:5  標籤「區塊鏈」不存在',
      'articles/unsafe-links/zh-Hant.mdx:16:16  「syndication.originalUrl」：「data:text/html,<script>alert(1)</script>」不是完整的網頁網址',
      'articles/unsafe-links/zh-Hant.mdx:19:8  「sponsor.url」：「 JavaScript:alert(1)」不是完整的網頁網址',
      'articles/unsafe-links/zh-Hant.mdx:24:3  不允許的連結「javascript:alert(document.cookie)」：只能連到 http(s) 網址、mailto: 電子郵件，或本站以 / 開頭的路徑',
      'articles/unsafe-links/zh-Hant.mdx:24:43  不允許的連結「java\tscript:alert(1)」：只能連到 http(s) 網址、mailto: 電子郵件，或本站以 / 開頭的路徑',
      'articles/unsafe-links/zh-Hant.mdx:26:18  連結「//evil.example/path」以 // 開頭，會連到別的網站',
      'articles/unsafe-links/zh-Hant.mdx:30:1  <Video> 的 id="../../x?autoplay=1" 格式不對',
      'articles/unsafe-links/zh-Hant.mdx:32:1  不允許的連結「data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==」：只能連到 http(s) 網址、mailto: 電子郵件，或本站以 / 開頭的路徑',
      'articles/wrong-locale/zh-TW.mdx:1:1  文章檔案的位置或檔名不正確',
      'articles/yaml-colon-in-value/zh-Hant.mdx:3:10  YAML 格式錯誤：欄位「summary」的值裡有「: 」（冒號加空格）（解析器：Nested mappings are not allowed in compact mappings）',
      'articles/yaml-duplicate-field/zh-Hant.mdx:8:1  YAML 格式錯誤：同一個欄位寫了兩次（解析器：Map keys must be unique）',
      'articles/yaml-full-width-colon/zh-Hant.mdx:3:1  YAML 格式錯誤：欄位「summary」後面是全形冒號「：」（解析器：Implicit keys need to be on a single line）',
      'articles/yaml-indentation/zh-Hant.mdx:12:1  YAML 格式錯誤：縮排和上面同一層的欄位對不齊（解析器：Nested mappings are not allowed in compact mappings）',
      'articles/yaml-no-space-after-colon/zh-Hant.mdx:3:1  YAML 格式錯誤：欄位「summary」的冒號後面少了空格（解析器：Implicit keys need to be on a single line）',
      'articles/yaml-star-value/zh-Hant.mdx:3:1  YAML 格式錯誤：值以「*」開頭，YAML 會把它當成別處的參照（解析器：Unresolved alias (the anchor must be set before the alias): *重點**是一段導言。）',
      'articles/yaml-tab/zh-Hant.mdx:11:1  YAML 格式錯誤：縮排用了 Tab 鍵（解析器：Tabs are not allowed as indentation）',
      'articles/yaml-unclosed-quote/zh-Hant.mdx:2:1  YAML 格式錯誤：欄位「title」的值以 " 開頭，卻沒有結尾的 "（解析器：Missing closing "quote）',
      'authors/photo-missing.yaml:4:8  找不到作者照片「/images/authors/nobody.jpg」',
      'glossary.yaml:4:11  「terms[1].hant」是空的',
      'glossary.yaml:6:5  缺少必填欄位「terms[2].hans」',
      'pages/Bad_Page/zh-Hant.mdx:1:1  網站頁面的位置或檔名不正確',
      'pages/page-link-missing/zh-Hant.mdx:6:4  連結的網站頁面「advertising」不存在',
      'pages/page-order-disagree/zh-Hans.mdx:4:8  order 與 pages/page-order-disagree/zh-Hant.mdx 不一致',
      'pages/page-with-hero/zh-Hant.mdx:4:1  未知的欄位「hero」',
    ]);
    for (const problem of problems) expect(problem.fix.length, problem.message).toBeGreaterThan(4);
  });

  it('with `only`, reports just those files, cross-file mistakes included', () => {
    const problems = checkFixtures(
      new Set([
        'articles/link-missing/zh-Hant.mdx',
        'articles/unknown-tag/zh-Hant.mdx',
        'articles/duplicate/zh-Hant.mdx',
      ]),
    );
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`)).toEqual([
      'articles/duplicate/zh-Hant.mdx:1:1  文章「duplicate」的 zh-Hant 版本重複：articles/2025/duplicate/zh-Hant.mdx 也是同一篇',
      'articles/link-missing/zh-Hant.mdx:18:3  連結的文章「no-such-story」不存在',
      'articles/unknown-tag/zh-Hant.mdx:9:5  標籤「區塊鏈」不存在',
    ]);
  });

  it('when publishing, parses only the changed bodies but reports every front-matter and reference mistake', () => {
    const check = (published: string[], cacheFile?: string) =>
      checkContent({
        cacheFile,
        contentDir: path.join(fixtures, 'content'),
        publicDir: path.join(fixtures, 'public'),
        schemas: contentSchemas,
        now,
        bodies: { changed: new Set(['articles/unknown-component/zh-Hant.mdx']), published: new Set(published) },
      }).map((p) => `${p.file}  ${p.message}`);
    const problems = check(['ok']);
    expect(problems).toContain('articles/unknown-component/zh-Hant.mdx  未知的元件 <Chart>');
    expect(problems).toContain('articles/unknown-tag/zh-Hant.mdx  標籤「區塊鏈」不存在');
    expect(problems).toContain('articles/further-reading-missing/zh-Hant.mdx  延伸閱讀的文章「no-such-story」不存在');
    // Unchanged bodies were checked by the publish before.
    expect(problems).not.toContain('articles/link-missing/zh-Hant.mdx  連結的文章「no-such-story」不存在');
    expect(problems).not.toContain('articles/import-statement/zh-Hant.mdx  文章裡不能有 import 或 export');
    // A story published before is gone: the bodies that name it are parsed, and no other.
    const afterRemoval = check(['ok', 'no-such-story']);
    expect(afterRemoval).toContain('articles/link-missing/zh-Hant.mdx  連結的文章「no-such-story」不存在');
    expect(afterRemoval).not.toContain('articles/import-statement/zh-Hant.mdx  文章裡不能有 import 或 export');
    // The same when what each body names comes from the cache, the bodies unread.
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'check-names-'));
    try {
      const cacheFile = path.join(cacheDir, 'cache.json');
      expect(check(['ok'], cacheFile)).toEqual(problems);
      expect(check(['ok', 'no-such-story'], cacheFile)).toEqual(afterRemoval);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("finds nothing wrong with the site's own content", () => {
    const root = path.resolve(__dirname, '..', '..');
    const problems = checkContent({
      contentDir: path.join(root, 'content'),
      publicDir: path.join(root, 'public'),
      schemas: contentSchemas,
      now,
    });
    expect(problems).toEqual([]);
  });

  it('refuses an oversized article, an empty data file and a picture that leads outside public/, and reads a Windows file as the same file', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'check-limits-'));
    try {
      cpSync(fixtures, work, { recursive: true });
      const contentDir = path.join(work, 'content');
      const publicDir = path.join(work, 'public');
      const ok = readFileSync(path.join(contentDir, 'articles', 'ok', 'zh-Hant.mdx'), 'utf8');
      const write = (slug: string, text: string) => {
        cpSync(path.join(contentDir, 'articles', 'ok'), path.join(contentDir, 'articles', slug), { recursive: true });
        writeFileSync(path.join(contentDir, 'articles', slug, 'zh-Hant.mdx'), text);
      };
      // 5 MB pasted into a body.
      write('pasted', `${ok}\n${'貼上的文字。'.repeat(300_000)}\n`);
      // A picture linked from outside public/: the server would not serve it.
      writeFileSync(path.join(work, 'secret.png'), readFileSync(path.join(publicDir, 'images', 'hero.png')));
      symlinkSync(path.join(work, 'secret.png'), path.join(publicDir, 'images', 'linked.png'));
      write('linked-image', ok.replace('/images/hero.png', '/images/linked.png'));
      write('windows', `\uFEFF${ok.replaceAll('\n', '\r\n')}`);
      // A tag file saved empty.
      writeFileSync(path.join(contentDir, 'tags', 'empty.yaml'), '\n');
      const problems = checkContent({
        contentDir,
        publicDir,
        schemas: contentSchemas,
        now,
        only: new Set([
          'articles/pasted/zh-Hant.mdx',
          'articles/linked-image/zh-Hant.mdx',
          'articles/windows/zh-Hant.mdx',
          'tags/empty.yaml',
        ]),
      });
      expect(problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`)).toEqual([
        'articles/linked-image/zh-Hant.mdx:11:8  找不到首圖「/images/linked.png」',
        'articles/pasted/zh-Hant.mdx:1:1  文章檔案有 5274 KB，超過上限 256 KB',
        'tags/empty.yaml:1:1  檔案是空的',
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('with a cache, finds what it finds without one, and checks again what changed', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'check-cache-'));
    try {
      cpSync(fixtures, work, { recursive: true });
      const contentDir = path.join(work, 'content');
      const publicDir = path.join(work, 'public');
      const cacheFile = path.join(work, 'cache', 'check.json');
      const check = (cache: boolean) =>
        checkContent({
          contentDir,
          publicDir,
          schemas: contentSchemas,
          now,
          cacheFile: cache ? cacheFile : undefined,
        }).map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`);
      const uncached = check(false);
      expect(check(true)).toEqual(uncached);
      // The second run reads every file's result from the cache, positions of cross-file problems included.
      expect(readFileSync(cacheFile, 'utf8')).toContain('articles/unknown-tag/zh-Hant.mdx');
      expect(check(true)).toEqual(uncached);

      // A file fixed: its problem is gone; a file broken: its problem appears.
      const tooLong = path.join(contentDir, 'articles', 'title-too-long', 'zh-Hant.mdx');
      writeFileSync(tooLong, readFileSync(tooLong, 'utf8').replace(/^title: .*$/m, 'title: 短標題'));
      const missingTitle = path.join(contentDir, 'articles', 'hero-too-small', 'zh-Hant.mdx');
      writeFileSync(missingTitle, readFileSync(missingTitle, 'utf8').replace(/^title: .*\n/m, ''));
      const afterEdit = check(true);
      expect(afterEdit).toEqual(check(false));
      expect(afterEdit.some((p) => p.startsWith('articles/title-too-long/'))).toBe(false);
      expect(afterEdit).toContain('articles/hero-too-small/zh-Hant.mdx:2:1  缺少必填欄位「title」');
      expect(afterEdit.some((p) => p.startsWith('articles/unknown-tag/'))).toBe(true);

      // A picture under public/ changed, no file did: every file is checked again (a hero image is measured).
      writeFileSync(missingTitle, readFileSync(missingTitle, 'utf8').replace(/^---\n/, '---\ntitle: 測試文章\n'));
      expect(check(true)).toContain('articles/hero-too-small/zh-Hant.mdx:11:8  首圖只有 400×225 像素，寬度不到 1200');
      cpSync(path.join(publicDir, 'images', 'hero.png'), path.join(publicDir, 'images', 'small.png'));
      const afterPicture = check(true);
      expect(afterPicture).toEqual(check(false));
      expect(afterPicture.some((p) => p.includes('首圖只有'))).toBe(false);

      // A fresh clone gives every file and picture a new time: the cache stands.
      const key = () => (JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string }).key;
      const keyBefore = key();
      const later = new Date(Date.now() + 60_000);
      for (const entry of readdirSync(work, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), later, later);
      }
      expect(check(true)).toEqual(afterPicture);
      expect(key()).toBe(keyBefore);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

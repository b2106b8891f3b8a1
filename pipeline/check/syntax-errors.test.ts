import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '@/lib/content-model';
import { checkBody } from './body';
import { parseYaml } from './yaml';

/** The problems of a front matter that starts on line 2 of its file, as the check reports them. */
function yamlProblems(yaml: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  parseYaml('articles/x/zh-Hant.mdx', yaml, 2, problems);
  return problems;
}

describe('YAML mistakes, told in Chinese on the line of the mistake', () => {
  const cases: [string, string, number, RegExp][] = [
    ['a full-width colon', 'title: 標題\nsummary：導言\nsection: 科技\n', 3, /「summary」後面是全形冒號「：」/],
    ['a full-width colon on the first field', 'title：標題\nsummary: 導言\n', 2, /「title」後面是全形冒號/],
    ['a tab', 'title: 標題\nhero:\n\tsrc: /a.jpg\n', 4, /Tab/],
    [
      'an unclosed double quote',
      'title: "標題\nsummary: 導言\nsection: 科技\n',
      2,
      /「title」的值以 " 開頭，卻沒有結尾的 "/,
    ],
    [
      "an unclosed single quote, the parser's error at the end",
      "title: 標題\nsummary: '導言\nsection: 科技\n",
      3,
      /「summary」的值以 ' 開頭/,
    ],
    ['a field indented too deep', 'title: 標題\nhero:\n  src: /a.jpg\n   alt: x\n', 5, /縮排/],
    ['a field indented too shallow', 'title: 標題\nhero:\n  src: /a.jpg\n alt: x\n', 5, /縮排/],
    ['a list item out of line', 'tags:\n  - a\n - b\n', 4, /縮排/],
    ['a colon and space inside a value', 'title: 重點: 說明\nsummary: x\n', 2, /「title」的值裡有「: 」/],
    ['no space after a colon', 'title:標題\nsummary: x\n', 2, /「title」的冒號後面少了空格/],
    ['a field written twice', 'title: a\ntitle: b\n', 3, /同一個欄位寫了兩次/],
    // Found by the fuzz test: this crashed the check (an alias of an anchor that does not exist).
    ['a value starting with *', 'title: 測試\nsummary: **一段導言\n', 3, /值以「\*」開頭/],
  ];
  for (const [what, yaml, line, message] of cases) {
    it(what, () => {
      const problems = yamlProblems(yaml);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.line).toBe(line);
      expect(problems[0]!.message).toMatch(message);
      expect(problems[0]!.message).toMatch(/^YAML 格式錯誤：.*（解析器：[A-Z]/);
      // No English in what the editor reads first: the parser's words come last, in brackets.
      expect(problems[0]!.message.split('（解析器：')[0]!.replace(/「[^」]*」/g, '')).not.toMatch(/[a-z]{4,}/);
      expect(problems[0]!.fix).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('leaves a valid value with a colon in quotes, or a URL, alone', () => {
    expect(yamlProblems('title: "重點: 說明"\nurl: https://example.com/a\n')).toEqual([]);
  });
});

describe('MDX mistakes, told in Chinese with positions of the file', () => {
  const context = { imageSize: () => ({ width: 1200, height: 800 }), articleExists: () => true, firstLine: 17 };

  it('a component left open names it, and the line it opens on, counted from the top of the file', () => {
    const [problem] = checkBody('第一段。\n\n<Callout>\n重點\n\n第二段 <Callout>沒有結尾\n', context);
    expect(problem!.message).toMatch(
      /^MDX 語法錯誤：<Callout> 沒有結尾（第 22 行開始的那個）（解析器：Expected a closing tag for `<Callout>` \(22:/,
    );
    expect(problem!.message).not.toMatch(/\(6:/);
    expect(problem!.fix).toContain('</Callout>');
  });

  it('a closing tag that does not match', () => {
    const [problem] = checkBody('<Callout>\n文字\n</Figure>\n', context);
    expect(problem!.message).toMatch(/^MDX 語法錯誤：結尾標籤 <\/Figure> 和前面的 <Callout>（第 17 行） 不成對/);
  });

  it('a tag left unfinished, a stray < and a stray {', () => {
    expect(checkBody('<Figure src="/a.jpg" alt="x"\n', context)[0]!.message).toMatch(/^MDX 語法錯誤：元件標籤沒有寫完/);
    expect(checkBody('a < b 與 <3\n', context)[0]!.fix).toContain('&lt;');
    expect(checkBody('文字 {\n', context)[0]!.message).toMatch(/^MDX 語法錯誤：\{ \} 沒有成對/);
  });
});

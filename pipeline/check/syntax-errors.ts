// What the YAML and MDX parsers say, told to an editor: in Chinese, on the line where the mistake
// is (a parser often notices one only lines later), naming the usual causes, with the parser's own
// words after it for anyone who wants them.

type Explained = { line: number; message: string; fix: string };

const KEY = String.raw`^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)`;
const FULL_WIDTH_COLON = new RegExp(`${KEY}\\s*：`);
const NO_SPACE_AFTER_COLON = new RegExp(`${KEY}:(?=[^\\s/])`);
const COLON_IN_VALUE = new RegExp(`${KEY}:\\s+[^\\s"'|>&*!\\[{#][^#]*?:\\s`);
const QUOTED_VALUE = new RegExp(`${KEY}:\\s+(["'])(.*)$`);

/** Whether a quoted value that starts on this line ends on it too. */
function quoteCloses(quote: string, rest: string): boolean {
  if (quote === '"') return /(?:^|[^\\])(?:\\\\)*"/.test(rest) || rest.startsWith('"');
  return /'(?!')/.test(rest.replace(/''/g, ''));
}

/** The first line at or before `errorLine` (1-based, of the YAML text) with a mistake editors often make. */
function likelyCause(lines: string[], errorLine: number, code: string | undefined): Explained | undefined {
  for (let i = 0; i < Math.min(lines.length, errorLine); i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const tab = /^[ ]*\t/.exec(line);
    if (tab) return { line: n, message: '縮排用了 Tab 鍵', fix: '把這一行開頭的 Tab 改成空格：每一層縮排兩個空格' };
    const full = FULL_WIDTH_COLON.exec(line);
    if (full)
      return {
        line: n,
        message: `欄位「${full[2]}」後面是全形冒號「：」`,
        fix: `改成半形冒號加一個空格，例如「${full[2]}: …」`,
      };
    const quoted = QUOTED_VALUE.exec(line);
    if (quoted && !quoteCloses(quoted[3]!, quoted[4]!)) {
      return {
        line: n,
        message: `欄位「${quoted[2]}」的值以 ${quoted[3]} 開頭，卻沒有結尾的 ${quoted[3]}`,
        fix: `在值的最後補上 ${quoted[3]}，或拿掉開頭的 ${quoted[3]}`,
      };
    }
    const noSpace = NO_SPACE_AFTER_COLON.exec(line);
    if (noSpace)
      return {
        line: n,
        message: `欄位「${noSpace[2]}」的冒號後面少了空格`,
        fix: `在冒號後加一個空格，例如「${noSpace[2]}: …」`,
      };
    const colon = COLON_IN_VALUE.exec(line);
    if (colon && (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY')) {
      return {
        line: n,
        message: `欄位「${colon[2]}」的值裡有「: 」（冒號加空格）`,
        fix: '用引號把整個值包起來，例如 title: "重點: 說明"，或改用全形冒號「：」',
      };
    }
  }
  return undefined;
}

/** The first line from `from` whose indentation does not line up with the lines above it. */
function misindented(lines: string[], from: number): Explained | undefined {
  const indents: number[] = [];
  let opens = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    while (indents.length > 0 && indent < indents[indents.length - 1]!) indents.pop();
    const top = indents[indents.length - 1];
    const wrong = top === undefined ? false : indent > top ? !opens : indent !== top;
    if (wrong && i + 1 >= from - 1)
      return {
        line: i + 1,
        message: '縮排和上面同一層的欄位對不齊',
        fix: '同一層的欄位要從同一欄開始；下一層比上一層多兩個空格',
      };
    if (top === undefined || indent > top) indents.push(indent);
    // A line that ends with a colon (or a list dash) opens a deeper level.
    opens = /:\s*$|^\s*-\s*$/.test(line) || /^\s*-\s+[\w.-]+:\s/.test(line);
  }
  return undefined;
}

const YAML_CODES: Record<string, { message: string; fix: string }> = {
  DUPLICATE_KEY: { message: '同一個欄位寫了兩次', fix: '刪掉其中一個' },
  BAD_INDENT: { message: '縮排和同一層的欄位對不齊', fix: '同一層的欄位要從同一欄開始；下一層比上一層多兩個空格' },
  TAB_AS_INDENT: { message: '縮排用了 Tab 鍵', fix: '改用空格縮排：每一層兩個空格' },
  MULTILINE_IMPLICIT_KEY: {
    message: '欄位名稱和它的冒號不在同一行',
    fix: '確認冒號是半形「:」、冒號後有一個空格，上一行的引號也成對',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: '這一行的縮排或冒號有誤',
    fix: '同一層的欄位要從同一欄開始；值裡有「: 」時，用引號把整個值包起來',
  },
};

/** A YAML parser error, told to an editor; `errorLine` is 1-based within `yaml`. */
export function explainYamlError(yaml: string, errorLine: number, code: string | undefined, detail: string): Explained {
  const lines = yaml.split(/\r?\n/);
  const indentCodes = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);
  const cause =
    likelyCause(lines, code === 'MISSING_CHAR' ? lines.length : errorLine, code) ??
    (code && indentCodes.has(code) ? misindented(lines, errorLine) : undefined);
  const known = (code && YAML_CODES[code]) || {
    message: 'YAML 的寫法有誤',
    fix: '檢查這一行的縮排、冒號後的空格，以及引號是否成對',
  };
  const { line, message, fix } = cause ?? { line: errorLine, ...known };
  return { line, message: `YAML 格式錯誤：${message}（解析器：${detail}）`, fix };
}

/** A YAML that parses but cannot be read as values (an alias of a missing anchor), told to an editor. */
export function explainYamlValueError(yaml: string, detail: string): Explained {
  const lines = yaml.split(/\r?\n/);
  const at = lines.findIndex((line) => /^\s*(?:-\s+)?(?:[\w.-]+:\s+)?\*/.test(line));
  return {
    line: at >= 0 ? at + 1 : 1,
    message: `YAML 格式錯誤：值以「*」開頭，YAML 會把它當成別處的參照（解析器：${detail}）`,
    fix: '用引號把整個值包起來，例如 summary: "**重點**……"',
  };
}

/** An MDX parser error, told to an editor; positions in its words are moved by `lineOffset` lines. */
export function explainMdxError(reason: string, lineOffset: number): { message: string; fix: string } {
  const detail = reason.replace(
    /\((\d+):(\d+)(?:-(\d+):(\d+))?\)/g,
    (_, l1: string, c1: string, l2?: string, c2?: string) =>
      `(${Number(l1) + lineOffset}:${c1}${l2 ? `-${Number(l2) + lineOffset}:${c2}` : ''})`,
  );
  const at = /\((\d+):\d+/.exec(detail)?.[1];
  const patterns: [RegExp, (m: RegExpExecArray) => { message: string; fix: string }][] = [
    [
      /Expected a closing tag for `<(\w+)>`/,
      (m) => ({
        message: `<${m[1]}> 沒有結尾${at ? `（第 ${at} 行開始的那個）` : ''}`,
        fix: `在它的內容結束處加上 </${m[1]}>，或寫成 <${m[1]} … /> 自行結尾`,
      }),
    ],
    [
      /Unexpected closing tag `<\/(\w+)>`, expected corresponding closing tag for `<(\w+)>`/,
      (m) => ({
        message: `結尾標籤 </${m[1]}> 和前面的 <${m[2]}>${at ? `（第 ${at} 行）` : ''} 不成對`,
        fix: `先用 </${m[2]}> 結束 <${m[2]}>，或改正名稱`,
      }),
    ],
    [
      /Unexpected closing slash `\/` in tag, expected an open tag first/,
      () => ({ message: '這個結尾標籤前面沒有對應的開頭標籤', fix: '刪掉它，或在前面補上開頭標籤' }),
    ],
    [
      /Unexpected end of file (?:before attribute name|in name|after attribute name|in attribute value|before attribute value)/,
      () => ({ message: '元件標籤沒有寫完：少了結尾的 > 或 />', fix: '在標籤最後補上 /> 或 >；屬性值的引號要成對' }),
    ],
    [
      /Unexpected character `(.)` \(U\+[0-9A-F]+\) before name/,
      () => ({ message: '「<」後面不是元件名稱', fix: '文字裡要顯示 < 時，寫成 &lt;' }),
    ],
    [
      /expression|acorn/i,
      () => ({
        message: '{ } 沒有成對，或裡面的內容無法解讀',
        fix: '文章裡不能有 { } 運算式；文字裡要顯示 { 時，寫成 \\{',
      }),
    ],
  ];
  for (const [pattern, tell] of patterns) {
    const m = pattern.exec(detail);
    if (m) {
      const { message, fix } = tell(m);
      return { message: `MDX 語法錯誤：${message}（解析器：${detail}）`, fix };
    }
  }
  return {
    message: `MDX 語法錯誤（解析器：${detail}）`,
    fix: '檢查這裡的 < > 與 { } 是否成對、元件是否以 /> 或 </名稱> 結尾；文字裡的 < 要寫成 &lt;，{ 要寫成 \\{',
  };
}

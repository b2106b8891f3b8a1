// What an editor writes that must not reach a reader as written: characters a reader cannot see,
// and links to anything but a web page, an email address or a page of this site.

/** Article files past this size are refused: a story is tens of KB; megabytes are a paste gone wrong. */
export const MAX_ARTICLE_BYTES = 256 * 1024;

/** A content file as the build reads it: Windows line endings and a byte-order mark are the same file. */
export const asSaved = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

// Controls (tab and newline aside), characters with no width that hide text or split words, and
// the marks, embeddings, overrides and isolates that reorder what a reader sees (Trojan Source).
const HIDDEN =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const NAMES: Record<number, string> = {
  0x00ad: '軟連字號',
  0x061c: '阿拉伯文字母標記',
  0x200b: '零寬空格',
  0x200e: '由左至右標記',
  0x200f: '由右至左標記',
  0x202a: '由左至右嵌入',
  0x202b: '由右至左嵌入',
  0x202c: '方向格式結束',
  0x202d: '由左至右覆寫',
  0x202e: '由右至左覆寫',
  0x2060: '字連接符',
  0x2066: '由左至右隔離',
  0x2067: '由右至左隔離',
  0x2068: '第一強方向隔離',
  0x2069: '方向隔離結束',
  0xfeff: '零寬不換行空格（BOM）',
};

/** The first hidden character in a text, described for an editor; undefined when there is none. */
export function hiddenCharacter(text: string): { message: string; fix: string } | undefined {
  const m = HIDDEN.exec(text);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const before = [...text.slice(0, m.index)].slice(-6).join('');
  return {
    message: `含有看不見的字元 ${hex}（${NAMES[code] ?? '控制字元'}）${before ? `，在「${before}」之後` : '，在最前面'}`,
    fix: '刪除這個字元：讀者看不到它，它卻能改變文字的顯示順序、讓搜尋找不到這段文字；從網頁或文書軟體貼上的文字常夾帶它',
  };
}

// Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it, so
// "java\tscript:" is read as they read it.
const asBrowsersRead = (url: string) =>
  url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/**
 * A link in a body: a web page (http, https), an email address (mailto), or a page of this site
 * (a path, `#…`, `?…`). Anything else (javascript:, data:, vbscript:, file:, a `//host` that leaves
 * the site without saying how) is refused.
 */
export function linkProblem(url: string): { message: string; fix: string } | undefined {
  const read = asBrowsersRead(url);
  const scheme = SCHEME.exec(read)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!SAFE_SCHEMES.includes(scheme)) {
      return {
        message: `不允許的連結「${truncate(url)}」：只能連到 http(s) 網址、mailto: 電子郵件，或本站以 / 開頭的路徑`,
        fix: `${scheme}: 連結可能在讀者的瀏覽器裡執行程式或打開檔案：改成 https:// 開頭的網址，或刪除這個連結`,
      };
    }
    if (scheme !== 'mailto' && !URL.canParse(read))
      return {
        message: `連結的網址格式不正確：「${truncate(url)}」`,
        fix: '寫成完整的網址，例如 https://example.com/path',
      };
    return undefined;
  }
  if (/^[\\/]{2}/.test(read)) {
    return {
      message: `連結「${truncate(url)}」以 // 開頭，會連到別的網站`,
      fix: '連到別的網站請寫完整的網址（https://…）；連到本站請只寫一個 / 開頭的路徑',
    };
  }
  return undefined;
}

/** A front-matter URL (the original article, a partner, a sponsor): a full http(s) address, shown and linked as it is. */
export function absoluteUrlProblem(url: string): { message: string; fix: string } | undefined {
  const read = asBrowsersRead(url);
  const scheme = SCHEME.exec(read)?.[1]?.toLowerCase();
  if ((scheme === 'http' || scheme === 'https') && URL.canParse(read) && url === read) return undefined;
  return {
    message: `「${truncate(url)}」不是完整的網頁網址`,
    fix:
      scheme && scheme !== 'http' && scheme !== 'https'
        ? `只能是 https:// 或 http:// 開頭的網址（${scheme}: 連結可能在讀者的瀏覽器裡執行程式）`
        : '寫成完整的網址，例如 https://example.com/article，前後不要有空格',
  };
}

const truncate = (text: string) => ([...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);

import { describe, expect, it } from 'vitest';
import { checkBody } from './body';

const context = {
  imageSize: (src: string) => (src === '/images/ok.jpg' ? { width: 1600, height: 900 } : undefined),
  articleExists: (slug: string) => slug === 'double-11-ten-years',
};
const check = (body: string) => checkBody(body, context).map((p) => `${p.line}:${p.column} ${p.message}`);

describe('checkBody', () => {
  it('accepts Markdown and the allowed components', () => {
    const body = [
      '## 小標',
      '',
      '一段文字，[連結](/zh-Hant/articles/double-11-ten-years)與[外部](https://example.com)。',
      '',
      '<Figure src="/images/ok.jpg" alt="說明" caption="圖說" credit="圖：觀潮科技" />',
      '',
      '<PullQuote cite="出處">一句話</PullQuote>',
      '',
      '<Callout title="重點">',
      '',
      '- 一',
      '',
      '</Callout>',
      '',
      '<Video provider="youtube" id="aqz-KE-bpKQ" title="影片" />',
      '',
      '文字 <Term hant="伺服器" hans="服务器" /> 文字',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('reports an MDX syntax error with its line and column', () => {
    expect(check('第一行\n\n文字 <Figure src="/images/ok.jpg" alt="a" \n')).toEqual([
      expect.stringMatching(/^3:41 MDX 語法錯誤：元件標籤沒有寫完.*（解析器：Unexpected end of file/),
    ]);
  });

  it('refuses import, export and JavaScript expressions', () => {
    expect(check('import x from "y"\n\n文字 {1 + 1}\n\nexport const a = 1\n')).toEqual([
      '1:1 文章裡不能有 import 或 export',
      '3:4 文章裡不能有 { } 運算式',
      '5:1 文章裡不能有 import 或 export',
    ]);
  });

  it('refuses unknown components and attributes that are not plain text', () => {
    expect(
      check(
        '<Chart data="x" />\n\n<Figure src={"/images/ok.jpg"} alt="a" />\n\n<Video provider="tiktok" id="1" title="t" size="big" />\n',
      ),
    ).toEqual([
      '1:1 未知的元件 <Chart>',
      '3:1 <Figure> 的 src 必須是以雙引號括住的文字',
      '3:1 <Figure> 缺少 src 屬性',
      '5:1 <Video> 沒有 size 這個屬性',
      '5:1 <Video> 不支援 provider="tiktok"',
    ]);
  });

  it('refuses Markdown images, finds figures without a file, and links to missing articles', () => {
    expect(
      check(
        '![](/images/ok.jpg)\n\n<Figure src="/images/none.jpg" alt="說明" />\n\n見[舊文](/zh-Hans/articles/no-such-story)。\n',
      ),
    ).toEqual([
      '1:1 Markdown 圖片語法 ![…](…) 不能用在文章裡',
      '3:1 找不到內文圖片「/images/none.jpg」',
      '5:2 連結的文章「no-such-story」不存在',
    ]);
  });
});

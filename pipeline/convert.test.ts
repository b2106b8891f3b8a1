import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createConverter } from './convert';

const converter = createConverter([
  { hant: 'AI 智慧寫手', hans: 'AI 智慧写手' },
  { hant: '台灣', hans: '台湾' },
  { hant: '微信小程序', hans: '微信小程序' },
]);

describe('convert', () => {
  it('converts Taiwan phrases to Mainland phrases, not only characters', () => {
    // 透過 is the vocabulary's (a Mainland editor writes 通过); the rest is OpenCC's.
    expect(converter.convert('這套軟體透過網路更新記憶體設定', 'zh-Hant')).toBe('这套软件通过网络更新内存设置');
    // Character by character, 記憶體 would become 记忆体 and 軟體 软体: wrong words for a mainland reader.
    const charOnly = OpenCC.Converter({ from: 'tw', to: 'cn' });
    expect(charOnly('軟體與記憶體')).toBe('软体与记忆体');
    expect(converter.convert('軟體與記憶體', 'zh-Hant')).toBe('软件与内存');
  });

  it('converts Mainland phrases back to Taiwan phrases', () => {
    expect(converter.convert('这款软件的视频功能需要网络', 'zh-Hans')).toBe('這款軟體的影片功能需要網路');
  });

  it('applies the glossary in both directions, longest term first', () => {
    // Without the glossary, OpenCC would turn 智慧 into 智能 and 台湾 into 臺灣.
    expect(converter.convert('萬里雲推出 AI 智慧寫手', 'zh-Hant')).toBe('万里云推出 AI 智慧写手');
    expect(converter.convert('台湾用户开始使用 AI 智慧写手', 'zh-Hans')).toBe('台灣使用者開始使用 AI 智慧寫手');
    // A name that must not change at all.
    expect(converter.convert('微信小程序的生态', 'zh-Hans')).toContain('微信小程序');
  });

  it("uses each script's quotation marks", () => {
    expect(converter.convert('他說：「雙 11 的重點是『創新』。」', 'zh-Hant')).toBe('他说：“双 11 的重点是‘创新’。”');
    expect(converter.convert('他说：“双 11 的重点是‘创新’。”', 'zh-Hans')).toBe('他說：「雙 11 的重點是『創新』。」');
  });

  it('leaves English quotation marks and apostrophes alone', () => {
    expect(converter.convert('He said “it’s fine” in English.', 'zh-Hans')).toBe('He said “it’s fine” in English.');
  });

  it('converts compiled MDX code, leaving Term overrides intact and code and link targets to OpenCC', () => {
    // As @mdx-js/mdx writes a function body (pipeline/mdx-compile.ts).
    const code = (text: string, href: string, inCode: string) =>
      [
        `_jsx(_components.p, {\n  children: "${text}"\n}), _jsx(Term, {\n  hant: "伺服器",\n  hans: "服务器"\n}),`,
        ` _jsx(_components.a, {\n  href: "${href}",\n  children: "${text}"\n}),`,
        ` _jsx(_components.code, {\n  className: "language-js",\n  children: "${inCode}"\n});const x = "data";`,
      ].join('');
    expect(converter.convertCode(code('雲端業者「上線」', '/zh-Hant/tags/雲端業者', '雲端業者'), 'zh-Hant')).toBe(
      code('云服务商“上线”', '/zh-Hans/tags/云端业者', '云端业者'),
    );
  });

  it('explains an MDX file as written: replacements marked where they are, attributes kept as written', () => {
    const source = '<Term hant="客製化" hans="定制化" />行動支付\n[超商](https://example.com/超商)與台灣';
    const { text, replacements } = converter.explain(source, 'zh-Hant', (r) => `⟦${r.source}→${r.target}⟧`);
    expect(text).toBe(
      '<Term hant="客製化" hans="定制化" />⟦行動支付→移动支付⟧\n[⟦超商→便利店⟧](https://example.com/超商)与⟦台灣→台湾⟧',
    );
    for (const r of replacements) expect(source.slice(r.at, r.at + r.source.length)).toBe(r.source);
  });
});

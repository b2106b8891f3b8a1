import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { convertScriptWithReport, createLexicon, openccSettings } from '@/lib/script-convert';
import { createConverter } from './convert';
import { readVocabulary, vocabularyConflicts, vocabularyFor, type VocabularyFile } from './vocabulary';

const file = readVocabulary();
const glossary = [
  { hant: '台灣', hans: '台湾' },
  { hant: '平台', hans: '平台' },
  { hant: '系統', hans: '系统' },
];
const converter = createConverter(glossary, file);
const toHans = (text: string) => converter.convert(text, 'zh-Hant');
const toHant = (text: string) => converter.convert(text, 'zh-Hans');
const opencc = {
  'zh-Hant': OpenCC.Converter(openccSettings['zh-Hant']),
  'zh-Hans': OpenCC.Converter(openccSettings['zh-Hans']),
};

describe('the vocabulary file', () => {
  it('holds hundreds of pairs in categories, and the ambiguous words with why', () => {
    expect(file.pairs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(file.pairs.map((p) => p.category)).size).toBeGreaterThanOrEqual(5);
    expect(file.ambiguous.length).toBeGreaterThanOrEqual(20);
    for (const a of file.ambiguous) expect(a.why.length, a.term).toBeGreaterThan(5);
  });

  it('maps each word to one word per direction', () => {
    expect(vocabularyConflicts(file)).toEqual([]);
    const twice: VocabularyFile = {
      ...file,
      pairs: [...file.pairs, { hant: '行動支付', hans: '手机支付', category: 'x', toHans: true, toHant: true }],
    };
    expect(vocabularyConflicts(twice)).toEqual(['行動支付 → 移动支付 / 手机支付']);
  });

  // A pair OpenCC already converts right in every direction it applies in is kept only when
  // something else would break without it (an ambiguous word or a shorter pair inside it).
  it('has no pair that OpenCC already gets right and nothing needs', () => {
    const phrases = { 'zh-Hant': (t: string) => opencc['zh-Hant'](t), 'zh-Hans': (t: string) => opencc['zh-Hans'](t) };
    const redundant = file.pairs.filter(
      (p) => (!p.toHans || opencc['zh-Hant'](p.hant) === p.hans) && (!p.toHant || opencc['zh-Hans'](p.hans) === p.hant),
    );
    // Most pairs fix what OpenCC gets wrong; the others are there for an ambiguous word inside them.
    expect(redundant.length).toBeLessThan(file.pairs.length / 4);
    const unneeded = redundant.filter((p) => {
      const rest = { ...file, pairs: file.pairs.filter((q) => q !== p) };
      const still = (from: 'zh-Hant' | 'zh-Hans', source: string, target: string) =>
        convertScriptWithReport(source, from, phrases[from], createLexicon(from, [], vocabularyFor(from, rest)))
          .text === target;
      return (!p.toHans || still('zh-Hant', p.hant, p.hans)) && (!p.toHant || still('zh-Hans', p.hans, p.hant));
    });
    expect(unneeded.map((p) => `${p.hant}|${p.hans}`)).toEqual([]);
  }, 60_000);

  it('rejects a line it cannot read', () => {
    expect(() => readVocabulary(new URL('../tests/fixtures/vocabulary-broken.yaml', import.meta.url).pathname)).toThrow(
      /無法讀取「行動支付」/,
    );
  });
});

describe('the converter with the vocabulary', () => {
  it('turns Taiwanese words into Mainland ones', () => {
    expect(toHans('台灣的行動支付與雲端運算')).toBe('台湾的移动支付与云计算');
    expect(toHans('智慧型手機帶動數位轉型')).toBe('智能手机带动数字化转型');
    // Raw OpenCC gets these wrong: the vocabulary is what fixes them.
    expect(opencc['zh-Hant']('智慧型手機帶動數位轉型')).toBe('智能型手机带动数字转型');
  });

  it('turns Mainland words into Taiwanese ones', () => {
    expect(toHant('移动支付和云计算')).toBe('行動支付和雲端運算');
    expect(toHant('智能手机带动数字化转型')).toBe('智慧型手機帶動數位轉型');
    expect(opencc['zh-Hans']('移动支付和云计算')).toBe('移動支付和雲端計算');
  });

  it('applies a one-way pair in its direction only', () => {
    // 通路 → 渠道, but 渠道 may be 管道 in Taiwan (融资渠道): not turned back.
    expect(toHans('實體通路')).toBe('线下渠道');
    expect(toHans('通路商與通路')).toBe('渠道商与渠道');
    expect(toHant('融资渠道')).toBe('融資渠道');
  });

  it('takes the longest word first', () => {
    expect(toHans('行動應用程式')).toBe('移动应用');
    expect(toHans('加值服務與加值')).toBe('增值服务与充值');
    // A guard entry: 可再生能源 is not 可 + 再生能源 → 可可再生能源.
    expect(toHans('可再生能源與再生能源')).toBe('可再生能源与可再生能源');
    expect(toHans('儲值卡可以儲值')).toBe('储值卡可以充值');
  });

  it('replaces a word with a context only where the context holds', () => {
    expect(toHans('第二季營收年增 18%，淨利年減兩成')).toBe('第二季营收同比增长 18%，净利润同比下降两成');
    expect(toHans('月增逾三成')).toBe('环比增长逾三成');
    // Not before a quantity, or after 今/每: 年 ends another word there.
    expect(toHans('今年增加兩座廠，每年增資一次')).toBe('今年增加两座厂，每年增资一次');
    expect(toHans('年增的部分')).toBe('年增的部分');
    expect(toHant('营收同比增长百分之五')).toBe('營收年增百分之五');
  });

  it('leaves OpenCC its longer phrases that hold a vocabulary word', () => {
    // 資料 is ambiguous (kept), but OpenCC's 資料庫 is still 数据库.
    expect(toHans('資料庫裡的申請資料')).toBe('数据库里的申请资料');
    expect(toHant('数据库里的数据')).toBe('資料庫裡的數據');
  });

  it('leaves the ambiguous words to their characters, in both directions', () => {
    const cases: [string, 'zh-Hant' | 'zh-Hans', string][] = [
      ['這套系統支援 5G', 'zh-Hant', '这套系统支援 5G'],
      ['中文介面', 'zh-Hant', '中文介面'],
      ['資訊部門', 'zh-Hant', '资讯部门'],
      ['邀請數位專家', 'zh-Hant', '邀请数位专家'],
      ['我们支持这项法案', 'zh-Hans', '我們支持這項法案'],
      ['循环经济', 'zh-Hans', '循環經濟'],
      ['合作对象', 'zh-Hans', '合作對象'],
      ['垂直整合與整合行銷', 'zh-Hant', '垂直整合与整合营销'],
    ];
    for (const [text, from, expected] of cases) expect(converter.convert(text, from), text).toBe(expected);
    // Without the list OpenCC would replace them.
    expect(opencc['zh-Hant']('這套系統支援 5G')).toBe('这套系统支持 5G');
    expect(opencc['zh-Hans']('循环经济')).toBe('迴圈經濟');
    for (const a of file.ambiguous) {
      const from = a.from === 'hant' ? 'zh-Hant' : 'zh-Hans';
      const kept = converter.convertWithReport(a.term, from).replacements;
      expect(kept, a.term).toEqual([expect.objectContaining({ kind: 'kept', source: a.term })]);
    }
  });

  it('never replaces inside Latin words or URLs', () => {
    // No space is left between Han characters, and Latin keeps the house's space beside Han.
    expect(toHans('Podcast 廣告')).toBe('播客广告');
    expect(toHant('播客广告')).toBe('Podcast 廣告');
    expect(toHans('Podcaster 與 MyPodcast')).toBe('Podcaster 与 MyPodcast');
    expect(toHans('CP 值很高')).toBe('性价比很高');
    expect(toHans('看 https://example.com/行動支付/超商 的行動支付')).toBe(
      '看 https://example.com/行动支付/超商 的移动支付',
    );
  });

  it('keeps <Term> attributes, link targets and code as written in compiled MDX', () => {
    const code =
      'var a=(0,e.jsx)(n.p,{children:"行動支付"}),b=(0,e.jsx)(n.Term,{hant:"行動支付",hans:"手机支付"}),' +
      'c=(0,e.jsx)(n.a,{href:"https://example.com/行動支付",children:"超商"}),d=(0,e.jsx)(n.code,{children:"行動支付"}),' +
      'f=(0,e.jsx)(n.pre,{children:(0,e.jsx)(n.code,{className:"language-js",children:"const a = \\"行動支付\\";"})});';
    const { code: converted, replacements } = converter.convertCodeWithReport(code, 'zh-Hant');
    expect(converted).toBe(
      'var a=(0,e.jsx)(n.p,{children:"移动支付"}),b=(0,e.jsx)(n.Term,{hant:"行動支付",hans:"手机支付"}),' +
        'c=(0,e.jsx)(n.a,{href:"https://example.com/行动支付",children:"便利店"}),d=(0,e.jsx)(n.code,{children:"行动支付"}),' +
        'f=(0,e.jsx)(n.pre,{children:(0,e.jsx)(n.code,{className:"language-js",children:"const a = \\"行动支付\\";"})});',
    );
    expect(replacements.map((r) => `${r.source}→${r.target}`)).toEqual(['行動支付→移动支付', '超商→便利店']);
  });

  it('lets the glossary win', () => {
    // 生態系 → 生态 would cut the glossary's 系統 in 生態系統.
    expect(toHans('生態系統與生態系')).toBe('生态系统与生态');
    // A word that holds a whole glossary term and keeps its form is still replaced.
    expect(toHans('社群平台')).toBe('社交平台');
    const withGlossary = createConverter([{ hant: '行動支付', hans: '行動支付' }], file);
    expect(withGlossary.convert('行動支付與超商', 'zh-Hant')).toBe('行動支付与便利店');
    // It builds a converter: 4.3 s on a busy two-core machine, near the default 5 s.
  }, 30_000);

  it('reports each replacement with where it was made', () => {
    const { replacements } = converter.convertWithReport('台灣超商的行動支付', 'zh-Hant');
    expect(replacements).toEqual([
      { kind: 'glossary', source: '台灣', target: '台湾', at: 0 },
      { kind: 'vocabulary', source: '超商', target: '便利店', at: 2 },
      { kind: 'vocabulary', source: '行動支付', target: '移动支付', at: 5 },
    ]);
  });

  it('changes its key when the vocabulary changes', () => {
    const fewer = createConverter(glossary, { ...file, pairs: file.pairs.slice(1) });
    expect(fewer.key).not.toBe(converter.key);
    expect(createConverter(glossary, file).key).toBe(converter.key);
    expect(createConverter(glossary, null).key).not.toBe(converter.key);
    // Three converters built from scratch: 8 s on a busy two-core machine, past the default 5 s.
  }, 30_000);
});

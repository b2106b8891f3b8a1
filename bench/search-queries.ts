// The query set of `npm run bench:search`: what readers of a tech-news site type, by kind. The
// expected results are not written here: the benchmark finds them in the articles' own text, so
// the set stays true as the sample content changes. A query is searched on both scripts' sites.

export type QueryKind =
  | 'two-character word'
  | 'three-character word'
  | 'longer phrase'
  | 'Latin word'
  | 'mixed'
  | 'other script'
  | 'must find nothing';

export const searchQueries: { kind: QueryKind; queries: string[] }[] = [
  // Words that stand inside longer words (電商 in 跨境電商, 支付 in 行動支付): a dictionary that cuts
  // the longer word whole hides them.
  {
    kind: 'two-character word',
    queries: [
      '電商',
      '支付',
      '人才',
      '雲端',
      '晶圓',
      '廣告',
      '換電',
      '直播',
      '帶貨',
      '電池',
      '資料',
      '法規',
      '門檻',
      '夜市',
      '轉型',
    ],
  },
  {
    kind: 'three-character word',
    queries: ['伺服器', '生成式', '換電站', '新聞室', '半導體', '工程師', '播客', '掃碼付'],
  },
  { kind: 'longer phrase', queries: ['行動支付', '資料中心', '跨境直播', '人才缺口', '雙 11'] },
  { kind: 'Latin word', queries: ['AI', 'Gogoro', 'NVIDIA', 'CDP', 'podcast'] },
  { kind: 'mixed', queries: ['AI 伺服器', '電商 支付', 'AI 新聞室'] },
  // Typed in Simplified on the Traditional site, and the other way round (軟體/软件 through
  // the converter's phrase tables; 台灣/台湾 through the glossary).
  {
    kind: 'other script',
    queries: ['软件', '电商', '服务器', '数据中心', '人才', '台湾', '軟體', '電商', '伺服器', '資料中心', '臺灣'],
  },
  { kind: 'must find nothing', queries: ['量子糾纏', '量子纠缠', '龘靐齉', 'blockchainxyz', '電商平台化石'] },
];

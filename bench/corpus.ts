// Generates a synthetic corpus for benchmarks: `npm run corpus -- --articles N --out DIR`.
// Realistic shape: 1,500-6,000 Chinese characters with headings, 1-5 tags from a pool of a few
// hundred, a dozen sections, dozens of authors, some syndicated and sponsored pieces, and a third
// of the stories in one script only. Point the build at it with CONTENT_DIR=DIR.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) throw new Error('Usage: npm run corpus -- --articles N --out DIR');
const out = path.resolve(values.out);
if (out === path.resolve('content') || out.startsWith(path.resolve('content') + path.sep)) {
  throw new Error('The corpus must be written outside content/.');
}
const count = Number(values.articles);

// A small deterministic generator, so the same arguments give the same corpus.
let state = Number(values.seed) >>> 0 || 1;
const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const toHans = OpenCC.Converter({ from: 'twp', to: 'cn' });

const subjects = [
  '台灣的半導體業者',
  '雲端服務供應商',
  '新創團隊',
  '電商平台',
  '行動支付業者',
  '傳統製造業',
  '品牌行銷人員',
  '媒體編輯台',
  '電動機車業者',
  '資料中心營運商',
  '金融機構',
  '零售通路',
];
const verbs = ['正在重新評估', '開始大舉投資', '陸續導入', '逐步調整', '積極布建', '謹慎觀察', '持續擴大', '重新思考'];
const objects = [
  '人工智慧伺服器',
  '網路基礎設施',
  '軟體訂閱服務',
  '海外市場布局',
  '數位廣告投放',
  '資料治理流程',
  '供應鏈韌性',
  '會員經營策略',
  '能源管理系統',
  '內容授權模式',
];
const clauses = [
  '在成本壓力持續升高的情況下',
  '面對法規逐年趨嚴',
  '隨著消費者習慣改變',
  '為了回應客戶的需求',
  '在國際競爭加劇之際',
  '考量長期營運風險',
];
const endings = [
  '，這也讓產業生態出現新的分工。',
  '，短期內效益仍有待觀察。',
  '，業界普遍認為這是必要的轉型。',
  '，但人才缺口依然明顯。',
  '，並帶動周邊服務的需求。',
  '，市場反應比預期更熱烈。',
];
const headings = [
  '從試點到規模化',
  '看不見的成本',
  '下一步的挑戰',
  '市場怎麼看',
  '技術與人才',
  '監管的新變數',
  '競爭版圖的變化',
  '讀者應該留意什麼',
];
const tagWords = [
  '人工智慧',
  '雲端',
  '半導體',
  '電商',
  '支付',
  '廣告',
  '資安',
  '新創',
  '媒體',
  '能源',
  '物流',
  '零售',
  '金融科技',
  '教育科技',
  '醫療科技',
  '遊戲',
  '串流',
  '電動車',
  '機器人',
  '開源',
];
const tagSuffixes = [
  '產業',
  '政策',
  '趨勢',
  '投資',
  '應用',
  '人才',
  '市場',
  '技術',
  '平台',
  '觀察',
  '併購',
  '法規',
  '創新',
  '生態',
  '供應鏈',
];
const sectionNames = [
  '科技',
  '商業',
  '行銷',
  '國際',
  '產業',
  '新創',
  '觀點',
  '數位生活',
  '資安',
  '能源',
  '金融',
  '職場',
];
// Only the sample stories' folders: a folder without a hero (a test's leftover) would be a broken picture.
const imageDirs = readdirSync(path.join('public', 'images', 'articles')).filter((slug) =>
  existsSync(path.join('public', 'images', 'articles', slug, 'hero.jpg')),
);
const heroes = imageDirs.map((slug) => `/images/articles/${slug}/hero.jpg`);
// Every picture in the sample site, for the figures inside bodies.
const figures = imageDirs.flatMap((slug) =>
  readdirSync(path.join('public', 'images', 'articles', slug)).map((file) => `/images/articles/${slug}/${file}`),
);
const captions = ['產線上的組裝作業', '業者展示的新服務介面', '市場規模的變化趨勢', '記者會現場', '資料中心的機櫃'];

function sentence(): string {
  return `${pick(clauses)}，${pick(subjects)}${pick(verbs)}${pick(objects)}${pick(endings)}`;
}

function body(targetChars: number): string {
  const parts: string[] = [];
  let chars = 0;
  while (chars < targetChars) {
    if (parts.length % 5 === 0) parts.push(`## ${pick(headings)}`);
    if (parts.length % 9 === 4) {
      const caption = pick(captions);
      parts.push(
        `<Figure src="${pick(figures)}" alt="${caption}的示意照片" caption="${caption}。" credit="觀潮科技攝影" />`,
      );
    }
    const paragraph = Array.from({ length: between(3, 6) }, sentence).join('');
    parts.push(random() < 0.1 ? `> ${paragraph}` : paragraph);
    chars += paragraph.length;
  }
  return parts.join('\n\n');
}

const yamlDoc = (fields: Record<string, string | string[] | Record<string, string>>) =>
  Object.entries(fields)
    .map(([key, value]) =>
      Array.isArray(value)
        ? `${key}:\n${value.map((v) => `  - ${v}`).join('\n')}`
        : typeof value === 'object'
          ? `${key}:\n${Object.entries(value)
              .map(([k, v]) => `  ${k}: ${v}`)
              .join('\n')}`
          : `${key}: ${value}`,
    )
    .join('\n');

rmSync(out, { recursive: true, force: true });
for (const dir of ['articles', 'authors', 'tags', 'sections']) mkdirSync(path.join(out, dir), { recursive: true });

const tags = tagWords.flatMap((word) => tagSuffixes.map((suffix) => `${word}${suffix}`));
tags.forEach((name, i) =>
  writeFileSync(path.join(out, 'tags', `tag-${i}.yaml`), yamlDoc({ name: { hant: name, hans: toHans(name) } })),
);
sectionNames.forEach((name, i) =>
  writeFileSync(path.join(out, 'sections', `section-${i}.yaml`), yamlDoc({ name: { hant: name, hans: toHans(name) } })),
);
const authors = Array.from({ length: 40 }, (_, i) => `author-${i}`);
authors.forEach((id, i) =>
  writeFileSync(
    path.join(out, 'authors', `${id}.yaml`),
    yamlDoc({ name: { hant: `作者${i + 1}號`, hans: `作者${i + 1}号` } }),
  ),
);
writeFileSync(
  path.join(out, 'glossary.yaml'),
  'terms:\n  - hant: 台灣\n    hans: 台湾\n  - hant: 平台\n    hans: 平台\n',
);

const start = Date.UTC(2016, 0, 1);
let files = 0;
for (let i = 0; i < count; i++) {
  const slug = `story-${String(i).padStart(6, '0')}`;
  const dir = path.join(out, 'articles', String(2016 + Math.floor((i / count) * 10)), slug);
  mkdirSync(dir, { recursive: true });
  const kind = random();
  const title = `${pick(subjects)}${pick(verbs)}${pick(objects)}`;
  const front = {
    title,
    summary: `${sentence()}${sentence()}`.slice(0, 90),
    publishedAt: new Date(start + Math.floor(random() * 10 * 365 * 86400_000)).toISOString().slice(0, 19),
    authors: [pick(authors)],
    section: pick(sectionNames),
    tags: [...new Set(Array.from({ length: between(1, 5) }, () => pick(tags)))],
    hero: { src: pick(heroes), alt: `${pick(objects)}的示意圖`, credit: '圖：觀潮科技' },
    ...(kind < 0.08 ? { syndication: { partner: '極客公園', partnerUrl: 'https://www.geekpark.net/' } } : {}),
    ...(kind > 0.95 ? { sponsor: { name: '阿物科技' } } : {}),
  };
  const text = body(between(1500, 6000));
  const hant = `---\n${yamlDoc(front as never)}\n---\n\n${text}\n`;
  // A third of the stories exist in one script only, split between the two.
  const only = random();
  if (only >= 1 / 6) {
    writeFileSync(path.join(dir, 'zh-Hant.mdx'), hant);
    files += 1;
  }
  if (only < 1 / 6 || only >= 1 / 3) {
    writeFileSync(path.join(dir, 'zh-Hans.mdx'), toHans(hant).replace(/「/g, '“').replace(/」/g, '”'));
    files += 1;
  }
}
console.log(
  `Wrote ${count} stories (${files} files), ${tags.length} tags, ${sectionNames.length} sections, ${authors.length} authors to ${out}`,
);

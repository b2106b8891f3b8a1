// `npm run new`: starts an article with valid front matter. Asks for what the flags leave out:
//   npm run new -- --slug my-story --script zh-Hant --title 標題 --section 科技 --tags 人工智慧,媒體 --authors newsroom
// Writes content/articles/<slug>/<script>.mdx, dated now in Taipei and marked draft: true.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { isLocale, scriptKey, timeZone } from '@/i18n/locales';
import { PLACEHOLDERS, SLUG_PATTERN } from '@/pipeline/schema';

const contentDir = process.env.CONTENT_DIR ?? 'content';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    script: { type: 'string' },
    title: { type: 'string' },
    section: { type: 'string' },
    tags: { type: 'string' },
    authors: { type: 'string' },
  },
});

type Named = { id: string; hant: string; hans: string };
function named(folder: string): Named[] {
  const dir = path.join(contentDir, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as { name: { hant: string; hans: string } };
      return { id: f.replace(/\.yaml$/, ''), ...doc.name };
    });
}

/** Every article folder name in use, wherever it sits under articles/. */
function existingSlugs(dir = path.join(contentDir, 'articles')): Set<string> {
  const slugs = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (readdirSync(full).some((f) => f.endsWith('.mdx'))) slugs.add(entry.name);
    for (const nested of existingSlugs(full)) slugs.add(nested);
  }
  return slugs;
}

const fail = (message: string): never => {
  console.error(`✗ ${message}`);
  process.exit(1);
};

const interactive = process.stdin.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function ask(value: string | undefined, question: string): Promise<string> {
  if (value !== undefined) return value.trim();
  if (!rl) return fail(`缺少 --${question.split('（')[0]}；非互動模式下每個欄位都要用參數給定`);
  return (await rl.question(`${question}：`)).trim();
}

const slug = await ask(values.slug, 'slug（網址代稱，小寫英文、數字與連字號，例如 ai-chip-export）');
if (!SLUG_PATTERN.test(slug)) fail(`代稱「${slug}」不合規則：只能用小寫英文字母、數字與連字號，例如 ai-chip-export`);
if (existingSlugs().has(slug)) fail(`代稱「${slug}」已經有文章了：換一個代稱，或直接編輯 content/articles/ 底下那篇`);

const script = await ask(values.script, 'script（文字：zh-Hant 繁體或 zh-Hans 簡體）');
const locale = isLocale(script) ? script : fail(`文字必須是 zh-Hant 或 zh-Hans，收到「${script}」`);
const key = scriptKey(locale);

const sections = named('sections');
const tags = named('tags');
const authors = named('authors');
const listOf = (items: Named[]) => items.map((i) => i[key]).join('、');

const title = await ask(values.title, 'title（標題）');
if (!title) fail('標題不能是空的');
const section = await ask(values.section, `section（分類：${listOf(sections)}）`);
if (!sections.some((s) => s.hant === section || s.hans === section)) fail(`分類「${section}」不存在；可用的分類：${listOf(sections)}`);
const tagNames = (await ask(values.tags, `tags（標籤，用逗號分隔：${listOf(tags)}）`)).split(/[,，、]/).map((t) => t.trim()).filter(Boolean);
const unknownTags = tagNames.filter((t) => !tags.some((x) => x.hant === t || x.hans === t));
if (tagNames.length === 0 || unknownTags.length > 0) fail(`標籤「${unknownTags.join('、')}」不存在；可用的標籤：${listOf(tags)}`);
const authorIds = (await ask(values.authors, `authors（作者代稱，用逗號分隔：${authors.map((a) => a.id).join('、')}）`)).split(/[,，、]/).map((a) => a.trim()).filter(Boolean);
const unknownAuthors = authorIds.filter((id) => !authors.some((a) => a.id === id));
if (authorIds.length === 0 || unknownAuthors.length > 0) fail(`作者「${unknownAuthors.join('、')}」不存在；可用的作者：${authors.map((a) => a.id).join('、')}`);
rl?.close();

// Now, in Taipei, to the minute: the sv-SE locale writes dates as YYYY-MM-DD HH:mm.
const now = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date());
const quote = (text: string) => JSON.stringify(text);
const hant = script === 'zh-Hant';
const text = `---
title: ${quote(title)}
summary: ${quote(PLACEHOLDERS.summary[key])}
publishedAt: ${now.replace(' ', 'T')}:00
draft: true
authors:
${authorIds.map((id) => `  - ${id}`).join('\n')}
section: ${section}
tags:
${tagNames.map((t) => `  - ${t}`).join('\n')}
hero:
  src: /images/articles/${slug}/hero.jpg
  alt: ${quote(PLACEHOLDERS.alt[key])}
  credit: ${quote(hant ? '圖：觀潮科技' : '图：观潮科技')}
---

## ${hant ? '第一個小標' : '第一个小标'}

${hant ? '從這裡開始寫內文。' : '从这里开始写正文。'}
`;

const file = path.join(contentDir, 'articles', slug, `${script}.mdx`);
mkdirSync(path.dirname(file), { recursive: true });
if (existsSync(file)) fail(`${file} 已經存在`);
writeFileSync(file, text);
mkdirSync(path.join('public', 'images', 'articles', slug), { recursive: true });
console.log(`✓ 已建立 ${file}（草稿）`);
console.log(`  下一步：把首圖放在 public/images/articles/${slug}/hero.jpg（寬度至少 1200 像素），寫好導言與內文，`);
console.log('  用 npm run dev 預覽、npm run check:content 檢查；要發布時刪掉 draft: true 這一行。');

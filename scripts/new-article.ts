// `npm run new`: starts an article with valid front matter (pipeline/scaffold.ts). Asks for what the flags leave out:
//   npm run new -- --slug my-story --script zh-Hant --title 標題 --section 科技 --tags 人工智慧,媒體 --authors newsroom
// Writes content/articles/<slug>/<script>.mdx, dated now in Taipei and marked draft: true.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import {
  articleTemplate,
  checkAuthors,
  checkScript,
  checkSection,
  checkSlug,
  checkTags,
  checkTitle,
  namesIn,
  readChoices,
  type Checked,
} from '@/pipeline/scaffold';

const contentDir = process.env.CONTENT_DIR ?? 'content';

const fail = (message: string): never => {
  console.error(`✗ ${message}`);
  process.exit(1);
};

// `npm run new -- my-story` names the slug too; a flag the script does not know is said plainly.
const parsed = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        script: { type: 'string' },
        title: { type: 'string' },
        section: { type: 'string' },
        tags: { type: 'string' },
        authors: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(
      `看不懂這個參數：${(error as Error).message}。用法：npm run new -- --slug my-story --script zh-Hant --title 標題 --section 科技 --tags 人工智慧,媒體 --authors newsroom`,
    );
  }
})();
if (parsed.positionals.length > 1)
  fail(`只能給一個代稱，收到 ${parsed.positionals.length} 個：${parsed.positionals.join(' ')}`);
const values = { ...parsed.values, slug: parsed.values.slug ?? parsed.positionals[0] };

const accepted = <T>(checked: Checked<T>): T => (checked.ok ? checked.value : fail(checked.error));

const interactive = process.stdin.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function ask(value: string | undefined, question: string): Promise<string> {
  if (value !== undefined) return value.trim();
  if (!rl) return fail(`缺少 --${question.split('（')[0]}；非互動模式下每個欄位都要用參數給定`);
  return (await rl.question(`${question}：`)).trim();
}

const choices = readChoices(contentDir);
const slug = accepted(
  checkSlug(await ask(values.slug, 'slug（網址代稱，小寫英文、數字與連字號，例如 ai-chip-export）'), choices),
);
const locale = accepted(checkScript(await ask(values.script, 'script（文字：zh-Hant 繁體或 zh-Hans 簡體）')));
const title = accepted(checkTitle(await ask(values.title, 'title（標題）')));
const section = accepted(
  checkSection(await ask(values.section, `section（分類：${namesIn(choices.sections, locale)}）`), choices, locale),
);
const tags = accepted(
  checkTags(await ask(values.tags, `tags（標籤，用逗號分隔：${namesIn(choices.tags, locale)}）`), choices, locale),
);
const authorList = choices.authors.map((a) => a.id).join('、');
const authors = accepted(
  checkAuthors(await ask(values.authors, `authors（作者代稱，用逗號分隔：${authorList}）`), choices),
);
rl?.close();

const file = path.join(contentDir, 'articles', slug, `${locale}.mdx`);
mkdirSync(path.dirname(file), { recursive: true });
if (existsSync(file)) fail(`${file} 已經存在`);
writeFileSync(file, articleTemplate({ slug, locale, title, section, tags, authors }, new Date()));
mkdirSync(path.join('public', 'images', 'articles', slug), { recursive: true });
console.log(`✓ 已建立 ${file}（草稿）`);
console.log(`  下一步：把首圖放在 public/images/articles/${slug}/hero.jpg（寬度至少 1200 像素），寫好導言與內文，`);
console.log('  用 npm run dev 預覽、npm run check:content 檢查；要發布時刪掉 draft: true 這一行。');

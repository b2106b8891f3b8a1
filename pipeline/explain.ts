import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { otherLocale, type Locale } from '@/i18n/locales';
import type { Replacement } from '@/lib/script-convert';
import { createConverter } from './convert';
import { readGlossary } from './search-conversion';

// `npm run check:content -- --explain FILE`: the other script of one MDX file as the index step
// derives it, with every replacement the vocabulary and the glossary made marked in place, so that
// an editor can spot a wrong one and fix it with <Term> or the glossary.

/** How each kind of replacement is marked in the text. */
const markReplacement = (r: Replacement): string =>
  r.kind === 'vocabulary'
    ? `⟦${r.source}→${r.target}⟧`
    : r.kind === 'glossary'
      ? `⟦詞彙表：${r.source}→${r.target}⟧`
      : `⟦${r.target}（歧義，未換）⟧`;

// The front-matter fields the index step converts (pipeline/index/derive.ts); the rest are ids,
// dates, paths and references, which stay as written.
const convertedFields = /^(\s*(?:-\s+)?(?:title|summary|alt|credit|partner|name):\s*)(.*)$/;

/** The explanation of `file` as lines to print, or a problem in Chinese. */
export function explainConversion(
  file: string,
  contentDir: string,
): { ok: true; lines: string[] } | { ok: false; message: string } {
  const resolved = [file, path.join(contentDir, file)].find((f) => existsSync(f));
  const match = /(zh-Han[st])\.mdx$/.exec(file);
  if (!resolved || !match) {
    return {
      ok: false,
      message: `找不到「${file}」，或它不是一篇文章（要指定 content/articles/<代稱>/zh-Hant.mdx 或 zh-Hans.mdx）`,
    };
  }
  const from = match[1] as Locale;
  const converter = createConverter(readGlossary(contentDir));
  const text = readFileSync(resolved, 'utf8');
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? '';
  const all: (Replacement & { line: number })[] = [];
  const explain = (part: string, firstLine: number) => {
    const { text: converted, replacements } = converter.explain(part, from, markReplacement);
    for (const r of replacements) all.push({ ...r, line: firstLine + part.slice(0, r.at).split('\n').length - 1 });
    return converted;
  };
  const head = frontMatter
    .split('\n')
    .map((line, i) => {
      const field = convertedFields.exec(line);
      return field ? `${field[1]}${explain(field[2]!, i + 1)}` : line;
    })
    .join('\n');
  const body = explain(text.slice(frontMatter.length), frontMatter.split('\n').length);
  const count = (kind: Replacement['kind']) => all.filter((r) => r.kind === kind).length;
  return {
    ok: true,
    lines: [
      `${path.relative(process.cwd(), resolved)}：以 ${from} 寫成，轉成 ${otherLocale(from)} 後的內容`,
      `（⟦原詞→結果⟧ 是地區詞彙的替換，⟦詞彙表：…⟧ 是 content/glossary.yaml 的詞，⟦…（歧義，未換）⟧ 是只轉字形的歧義詞）`,
      '',
      head + body,
      '',
      `地區詞彙 ${count('vocabulary')} 處、詞彙表 ${count('glossary')} 處、歧義未換 ${count('kept')} 處：`,
      ...all.map((r) => `  第 ${r.line} 行  ${markReplacement(r)}`),
      '',
      '換錯的詞：在文章裡用 <Term hant="…" hans="…" /> 寫定兩種寫法，或加進 content/glossary.yaml；整個網站都該換的詞，改 pipeline/vocabulary.yaml。',
    ],
  };
}

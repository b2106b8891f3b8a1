// `npm run new` (scripts/new-article.ts) starts an article: these are its rules and its template.
// The script asks for what its flags leave out and stops at the first answer these refuse.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isLocale, scriptKey, timeZone, type Locale } from '@/i18n/locales';
import { PLACEHOLDERS, SLUG_PATTERN } from './conventions';

/** An author, tag or section as a scaffold offers it: its file name and its name in each script. */
export type Named = { id: string; hant: string; hans: string };

/** What the content folder offers a new article: sections, tags, authors, and the slugs taken. */
export type ScaffoldChoices = { sections: Named[]; tags: Named[]; authors: Named[]; slugs: Set<string> };

function named(dir: string): Named[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as { name: { hant: string; hans: string } };
      return { id: f.replace(/\.yaml$/, ''), ...doc.name };
    });
}

/** Every article folder name in use, wherever it sits under articles/. */
function existingSlugs(dir: string): Set<string> {
  const slugs = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (readdirSync(full).some((f) => f.endsWith('.mdx'))) slugs.add(entry.name);
    for (const nested of existingSlugs(full)) slugs.add(nested);
  }
  return slugs;
}

export function readChoices(contentDir: string): ScaffoldChoices {
  return {
    sections: named(path.join(contentDir, 'sections')),
    tags: named(path.join(contentDir, 'tags')),
    authors: named(path.join(contentDir, 'authors')),
    slugs: existingSlugs(path.join(contentDir, 'articles')),
  };
}

/** An answer accepted, or the reason it is not, in words an editor can act on. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (error: string): Checked<never> => ({ ok: false, error });

/** The names of `items` in one script, for messages that list what there is. */
export const namesIn = (items: Named[], locale: Locale) => items.map((i) => i[scriptKey(locale)]).join('、');

const splitList = (text: string) =>
  text
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter(Boolean);

export function checkSlug(slug: string, choices: ScaffoldChoices): Checked<string> {
  if (!SLUG_PATTERN.test(slug))
    return refuse(`代稱「${slug}」不合規則：只能用小寫英文字母、數字與連字號，例如 ai-chip-export`);
  if (choices.slugs.has(slug))
    return refuse(`代稱「${slug}」已經有文章了：換一個代稱，或直接編輯 content/articles/ 底下那篇`);
  return ok(slug);
}

export function checkScript(script: string): Checked<Locale> {
  return isLocale(script) ? ok(script) : refuse(`文字必須是 zh-Hant 或 zh-Hans，收到「${script}」`);
}

export function checkTitle(title: string): Checked<string> {
  return title ? ok(title) : refuse('標題不能是空的');
}

export function checkSection(section: string, choices: ScaffoldChoices, locale: Locale): Checked<string> {
  return choices.sections.some((s) => s.hant === section || s.hans === section)
    ? ok(section)
    : refuse(`分類「${section}」不存在；可用的分類：${namesIn(choices.sections, locale)}`);
}

export function checkTags(text: string, choices: ScaffoldChoices, locale: Locale): Checked<string[]> {
  const names = splitList(text);
  const unknown = names.filter((t) => !choices.tags.some((x) => x.hant === t || x.hans === t));
  if (names.length === 0 || unknown.length > 0)
    return refuse(`標籤「${unknown.join('、')}」不存在；可用的標籤：${namesIn(choices.tags, locale)}`);
  return ok(names);
}

export function checkAuthors(text: string, choices: ScaffoldChoices): Checked<string[]> {
  const ids = splitList(text);
  const unknown = ids.filter((id) => !choices.authors.some((a) => a.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    return refuse(`作者「${unknown.join('、')}」不存在；可用的作者：${choices.authors.map((a) => a.id).join('、')}`);
  }
  return ok(ids);
}

export type NewArticle = {
  slug: string;
  locale: Locale;
  title: string;
  section: string;
  tags: string[];
  authors: string[];
};

/** The new file's text: valid front matter dated `now` in Taipei, a draft, with placeholders to replace. */
export function articleTemplate({ slug, locale, title, section, tags, authors }: NewArticle, now: Date): string {
  const key = scriptKey(locale);
  const hant = key === 'hant';
  // The sv-SE locale writes dates as YYYY-MM-DD HH:mm.
  const published = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now);
  const quote = (text: string) => JSON.stringify(text);
  return `---
title: ${quote(title)}
summary: ${quote(PLACEHOLDERS.summary[key])}
publishedAt: ${published.replace(' ', 'T')}:00
draft: true
authors:
${authors.map((id) => `  - ${id}`).join('\n')}
section: ${section}
tags:
${tags.map((t) => `  - ${t}`).join('\n')}
hero:
  src: /images/articles/${slug}/hero.jpg
  alt: ${quote(PLACEHOLDERS.alt[key])}
  credit: ${quote(hant ? '圖：觀潮科技' : '图：观潮科技')}
---

## ${hant ? '第一個小標' : '第一个小标'}

${hant ? '從這裡開始寫內文。' : '从这里开始写正文。'}
`;
}

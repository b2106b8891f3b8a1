// `npm run bench:cards`: draws social cards as the card route does on a first request
// (components/social/social-card.tsx) and prints the median time per card and the PNG size, per
// script. CARDS (default 20) per script, from the built content index's stories, each headline made
// distinct so that no two cards are the same. Run `npm run content` first.
import { readFileSync } from 'node:fs';
import { drawSocialCard } from '@/components/social/social-card';
import { locales, type Locale } from '@/i18n/locales';

import { fileHash, publicFile, socialCardKey, type SocialCardContent } from '@/lib/social-card';
import { site } from '@/lib/site';
import { readStoredIndex } from './common';

const perScript = Number(process.env.CARDS ?? 20);
const index = readStoredIndex();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function contents(locale: Locale): SocialCardContent[] {
  const label = (JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as { ArticleCard: { sponsored: string } })
    .ArticleCard.sponsored;
  const stories = index.articles.filter((a) => a.locale === locale);
  return Array.from({ length: perScript }, (_, i) => {
    const a = stories[i % stories.length]!;
    const section = index.sections.find((s) => s.slug === a.sectionSlug)?.name[locale] ?? a.sectionSlug;
    return {
      locale,
      title: `${a.title}（${i + 1}）`,
      section,
      ...(a.sponsor && { label }),
      siteName: site.name[locale],
      hero: { src: a.hero.src, hash: fileHash(publicFile(a.hero.src)) },
    };
  });
}

// What the build pays per story page: its card's key (the hero's bytes hashed once per file).
{
  const all = locales.flatMap((locale) => contents(locale));
  const start = performance.now();
  for (const content of all)
    socialCardKey({ ...content, hero: { src: content.hero.src, hash: fileHash(publicFile(content.hero.src)) } });
  const each = (performance.now() - start) / all.length;
  console.log(
    `card key per story page (what the build pays): ${each.toFixed(3)} ms; at 20,000 pages ${((each * 20_000) / 1000).toFixed(1)} s`,
  );
}

// The first card pays for loading the renderer's WebAssembly: drawn once, apart.
const t0 = performance.now();
await drawSocialCard(contents('zh-Hant')[0]!);
console.log(`first card (loads the renderer): ${(performance.now() - t0).toFixed(0)} ms`);
for (const locale of locales) {
  const times: number[] = [];
  const sizes: number[] = [];
  for (const content of contents(locale)) {
    const start = performance.now();
    const png = await drawSocialCard(content);
    times.push(performance.now() - start);
    sizes.push(png.length);
  }
  console.log(
    `${locale}: ${times.length} cards, median ${median(times).toFixed(0)} ms/card (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), median ${(median(sizes) / 1024).toFixed(0)} KiB`,
  );
}

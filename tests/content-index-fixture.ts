// A small content index for unit tests: stories in both scripts, one author, two tags, one section.
import type { ArticleSummary, ContentIndex } from '@/lib/content-model';

export const now = Date.parse('2026-12-01T00:00:00Z');

export function story(slug: string, day: number, extra: Partial<ArticleSummary> = {}): ArticleSummary[] {
  return (['zh-Hant', 'zh-Hans'] as const).map((locale) => ({
    locale,
    slug,
    path: `/${locale}/articles/${slug}`,
    title: `${slug} 標題`,
    summary: '導言',
    publishedAt: new Date(Date.UTC(2026, 10, day)).toISOString(),
    readingMinutes: 3,
    authorIds: ['newsroom'],
    tagSlugs: ['ai'],
    sectionSlug: 'tech',
    hero: { src: '/h.jpg', alt: 'alt', credit: 'c', width: 1200, height: 675 },
    draft: false,
    featured: false,
    furtherReading: [],
    related: [],
    sourceFile: `articles/${slug}/${locale}.mdx`,
    bodyHash: `${slug}-body`,
    ...extra,
  }));
}

export function indexOf(articles: ArticleSummary[]): ContentIndex {
  const names = (n: string) => ({ 'zh-Hant': n, 'zh-Hans': n });
  return {
    articles: [...articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)),
    authors: [{ id: 'newsroom', name: names('編輯部') }],
    tags: [
      { slug: 'ai', name: names('人工智慧') },
      { slug: 'chips', name: names('晶片') },
    ],
    sections: [{ slug: 'tech', name: names('科技') }],
    pages: [],
    preview: false,
  };
}

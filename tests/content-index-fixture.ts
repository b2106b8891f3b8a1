// A small content index for unit tests: stories in both scripts, one author, two tags, one section.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleBody, ArticleSummary, ContentIndex } from '@/lib/content-model';
import { ContentStore } from '@/lib/content-store';
import { BodyWriter, openStoreForWriting, writeIndexToStore } from '@/pipeline/index/write-store';

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

/**
 * A content store holding an index, in a file of its own that is removed when the process ends: the
 * store the site reads, written the way the index step writes it (pipeline/index/write-store.ts).
 */
export function storeOf(index: ContentIndex, bodies: Record<string, ArticleBody> = {}): ContentStore {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'content-store-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'content.db');
  const db = openStoreForWriting(file);
  const writer = new BodyWriter(db);
  for (const [hash, body] of Object.entries(bodies)) writer.add(hash, JSON.stringify(body));
  writer.flush();
  writeIndexToStore(db, index, { at: Date.now(), key: 'test' });
  db.close();
  return new ContentStore(file);
}

import { newsSitemapDocument } from '@/lib/content';
import { SITEMAP_TAG, tagPage } from '@/lib/page-tags';

// Written at build, again when a publish revalidates it, and every hour as stories age out of the
// two days Google News reads.
export const dynamic = 'force-static';
export const revalidate = 3600;

export async function GET() {
  await tagPage(SITEMAP_TAG);
  return new Response(newsSitemapDocument(Date.now()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}

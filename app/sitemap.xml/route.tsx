import { sitemapDocument } from '@/lib/content';
import { SITEMAP_TAG, tagPage } from '@/lib/page-tags';

// Written at build, and again when a publish revalidates it; a static export needs it said.
export const dynamic = 'force-static';

export async function GET() {
  await tagPage(SITEMAP_TAG);
  return new Response(sitemapDocument(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

import { sitemapDocument } from '@/lib/content';

// Written at build, and again when a publish revalidates it; a static export needs it said.
export const dynamic = 'force-static';

export function GET() {
  return new Response(sitemapDocument(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

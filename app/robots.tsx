import type { MetadataRoute } from 'next';
import { site } from '@/lib/site';

// Written at build, and again when a publish revalidates it; a static export needs it said.
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    // The publish webhook and the search index's files are not pages.
    rules: { userAgent: '*', allow: '/', disallow: ['/api/'] },
    sitemap: ['/sitemap.xml', '/news-sitemap.xml'].map((path) => new URL(path, site.url).toString()),
  };
}

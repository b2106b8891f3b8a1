import type { MetadataRoute } from 'next';
import { site } from '@/lib/site';

// Written at build, and again when a publish revalidates it; a static export needs it said.
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    // The publish webhook, the comments' and the editors' routes are not pages, nor is the editors' area.
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/admin'] },
    sitemap: ['/sitemap.xml', '/news-sitemap.xml'].map((path) => new URL(path, site.url).toString()),
  };
}

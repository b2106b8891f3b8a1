import type { MetadataRoute } from 'next';
import { site } from '@/lib/site';

// Written at build, and again when a publish revalidates it; a static export needs it said.
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: new URL('/sitemap.xml', site.url).toString(),
  };
}

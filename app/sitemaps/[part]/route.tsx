import { sitemapDocumentPaths, sitemapPartDocument } from '@/lib/content';
import { EXPORT_PLACEHOLDER } from '@/lib/pagination';
import { SITEMAP_TAG, tagPage } from '@/lib/page-tags';

// The parts of the sitemap once the site passes 50,000 URLs (lib/sitemap.ts); each is written at
// build or on its first request, and again when a publish revalidates it.
export const dynamic = 'force-static';

const PART = /^\/sitemaps\/(.+)$/;
const placeholder = `${EXPORT_PLACEHOLDER}.xml`;
const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

export function generateStaticParams() {
  const parts = sitemapDocumentPaths().flatMap((p) => PART.exec(p)?.[1] ?? []);
  // A static export refuses a route without static params: pipeline/static-export.ts removes this one.
  if (parts.length === 0 && process.env.STATIC_EXPORT === '1') return [{ part: placeholder }];
  return parts.map((part) => ({ part }));
}

type SitemapPartProps = { params: Promise<{ part: string }> };

export async function GET(_request: Request, { params }: SitemapPartProps) {
  const { part } = await params;
  await tagPage(SITEMAP_TAG);
  if (part === placeholder && process.env.STATIC_EXPORT === '1') return xmlResponse('');
  const n = /^[1-9][0-9]{0,5}\.xml$/.test(part) ? Number(part.slice(0, -4)) : NaN;
  const xml = Number.isNaN(n) ? undefined : sitemapPartDocument(n);
  if (xml === undefined)
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return xmlResponse(xml);
}

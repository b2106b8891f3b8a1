import { jsonLdText } from '@/lib/structured-data';

/** schema.org data for search engines (lib/structured-data.ts); data, so the CSP lets it be. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}

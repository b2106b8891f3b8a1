import { publicImageResponse } from '@/lib/public-files';

// The stories' pictures that public/ did not hold when the server started (lib/public-files.ts):
// a publish adds a story with its pictures, and they are served at once, raw and through /_next/image.

export const dynamic = 'force-dynamic';

type PublicImageProps = { params: Promise<{ file: string[] }> };

export async function GET(request: Request, { params }: PublicImageProps) {
  return publicImageResponse(request, (await params).file);
}

export async function HEAD(request: Request, { params }: PublicImageProps) {
  return publicImageResponse(request, (await params).file);
}

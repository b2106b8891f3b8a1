// `npm run dev`: the live preview, with drafts and scheduled pieces (pipeline/preview.ts).
import path from 'node:path';

// The preview works in its own folder, never in what the production server reads (.contentlayer/site):
// its index goes to site/ in it, set before lib/content-files.ts reads where the index lives, and
// next dev is told the same (next.config.js).
const previewDir = path.resolve('.contentlayer', 'preview');
process.env.CONTENT_DATA_DIR = path.join(previewDir, 'site');
const { startPreview } = await import('@/pipeline/preview');

startPreview(previewDir, process.argv.slice(2));

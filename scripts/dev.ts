// `npm run dev`: the live preview, with drafts and scheduled pieces (pipeline/preview.ts).
import { startPreview } from '@/pipeline/preview';

startPreview(process.argv.slice(2));

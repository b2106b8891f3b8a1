// `npm run build:static`, last step: tidies the static export in out/ (pipeline/static-export.ts).
import { finishStaticExport } from '@/pipeline/static-export';

finishStaticExport();

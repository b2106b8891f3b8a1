import { makeSource } from 'contentlayer2/source-files';
import { timeZone } from './i18n/locales';
import { documentTypes } from './pipeline/schema';

// The compiler's settings only; the document types live in pipeline/schema.ts.
export default makeSource({
  contentDirPath: process.env.CONTENT_DIR ?? 'content',
  contentDirExclude: ['README.md'],
  documentTypes,
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
  date: { timezone: timeZone },
  // esbuild otherwise escapes every Chinese character as \uXXXX (docs/performance.md).
  mdx: { esbuildOptions: (options) => ({ ...options, charset: 'utf8' }) },
});

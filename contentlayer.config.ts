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
  mdx: {
    esbuildOptions: (options) => ({
      ...options,
      // esbuild otherwise escapes every Chinese character as \uXXXX (docs/performance.md).
      charset: 'utf8',
      // mdx-bundler's node-resolve plugin looks on disk for every import, the in-memory document
      // first: a third of the compile's CPU. A body imports nothing (the check refuses imports), and
      // react's imports are the global-externals plugin's, so the output is the same without it.
      plugins: options.plugins?.filter((plugin) => plugin.name !== 'node-resolve'),
    }),
  },
});

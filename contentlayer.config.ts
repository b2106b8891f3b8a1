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
  // contentlayer reads the front matter and keeps each body as written (`body.raw`); the bodies are
  // compiled once per content hash by pipeline/mdx-compile.ts. So its markdown step renders nothing:
  // `body.html` is empty, and no time goes to HTML no one reads.
  markdown: (processor) => {
    processor.use(function keepBodyAsWritten() {
      this.parser = () => ({ type: 'root', children: [] });
      this.compiler = () => '';
    });
  },
});

import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files';
import { readingMinutes } from './lib/reading-time';

// Names in both scripts. Keys are `hant`/`hans` because contentlayer writes field names into
// generated TypeScript types unquoted, and `zh-Hant` is not a valid identifier there.
const Localized = defineNestedType(() => ({
  name: 'Localized',
  fields: {
    hant: { type: 'string', required: true, description: 'Traditional Chinese' },
    hans: { type: 'string', required: true, description: 'Simplified Chinese' },
  },
}));

const HeroImage = defineNestedType(() => ({
  name: 'HeroImage',
  fields: {
    src: { type: 'string', required: true, description: 'Path under public/, e.g. /images/articles/<slug>/hero.jpg' },
    alt: { type: 'string', required: true },
    credit: { type: 'string', required: true },
  },
}));

const Syndication = defineNestedType(() => ({
  name: 'Syndication',
  fields: {
    partner: { type: 'string', required: true },
    partnerUrl: { type: 'string', required: false },
    originalUrl: { type: 'string', required: false },
  },
}));

const Sponsor = defineNestedType(() => ({
  name: 'Sponsor',
  fields: {
    name: { type: 'string', required: true },
    url: { type: 'string', required: false },
  },
}));

export const Article = defineDocumentType(() => ({
  name: 'Article',
  filePathPattern: 'articles/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    summary: { type: 'string', required: true },
    publishedAt: { type: 'date', required: true },
    updatedAt: { type: 'date', required: false },
    authors: { type: 'list', of: { type: 'string' }, required: true },
    section: { type: 'string', required: true },
    tags: { type: 'list', of: { type: 'string' }, required: true },
    hero: { type: 'nested', of: HeroImage, required: true },
    draft: { type: 'boolean', default: false },
    featured: { type: 'boolean', default: false },
    syndication: { type: 'nested', of: Syndication, required: false },
    sponsor: { type: 'nested', of: Sponsor, required: false },
    furtherReading: { type: 'list', of: { type: 'string' }, required: false },
  },
  computedFields: {
    readingMinutes: { type: 'number', resolve: (doc) => readingMinutes(doc.body.raw) },
  },
}));

export const Author = defineDocumentType(() => ({
  name: 'Author',
  filePathPattern: 'authors/*.yaml',
  contentType: 'data',
  fields: {
    name: { type: 'nested', of: Localized, required: true },
    role: { type: 'nested', of: Localized, required: false },
    bio: { type: 'nested', of: Localized, required: false },
  },
}));

export const Tag = defineDocumentType(() => ({
  name: 'Tag',
  filePathPattern: 'tags/*.yaml',
  contentType: 'data',
  fields: {
    name: { type: 'nested', of: Localized, required: true },
    description: { type: 'nested', of: Localized, required: false },
  },
}));

export const Section = defineDocumentType(() => ({
  name: 'Section',
  filePathPattern: 'sections/*.yaml',
  contentType: 'data',
  fields: {
    name: { type: 'nested', of: Localized, required: true },
    description: { type: 'nested', of: Localized, required: false },
  },
}));

const GlossaryTerm = defineNestedType(() => ({
  name: 'GlossaryTerm',
  fields: {
    hant: { type: 'string', required: true, description: 'How the term is written in Traditional Chinese' },
    hans: { type: 'string', required: true, description: 'How the term is written in Simplified Chinese' },
    note: { type: 'string', required: false },
  },
}));

/** The house glossary: terms every automatic conversion writes exactly this way. */
export const Glossary = defineDocumentType(() => ({
  name: 'Glossary',
  filePathPattern: 'glossary.yaml',
  contentType: 'data',
  isSingleton: true,
  fields: {
    terms: { type: 'list', of: GlossaryTerm, required: true },
  },
}));

export default makeSource({
  contentDirPath: process.env.CONTENT_DIR ?? 'content',
  contentDirExclude: ['README.md'],
  documentTypes: [Article, Author, Tag, Section, Glossary],
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
  date: { timezone: 'Asia/Taipei' },
  // esbuild otherwise escapes every Chinese character as \uXXXX, half again the size.
  mdx: { esbuildOptions: (options) => ({ ...options, charset: 'utf8' }) },
});

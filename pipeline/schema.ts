// The one schema of the content: the document types contentlayer compiles (contentlayer.config.ts
// hands them to makeSource), and the same field definitions as the content check reads them.
// Imports here are relative: contentlayer bundles this file with the config, without the app's aliases.
// The definitions alone: contentlayer2/source-files loads the whole compiler (2 s), which the check
// and the publish step, reading the fields here, do not need.
import { defineDocumentType, defineNestedType } from 'contentlayer2/source-files/schema';
import { readingMinutes } from './reading-time';

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

const Article = defineDocumentType(() => ({
  name: 'Article',
  filePathPattern: 'articles/**/*.mdx',
  // Not 'mdx': contentlayer would bundle the body; pipeline/mdx-compile.ts compiles it (contentlayer.config.ts).
  contentType: 'markdown',
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
    comments: { type: 'boolean', default: true, description: 'false closes the comments under this story' },
  },
  computedFields: {
    readingMinutes: { type: 'number', resolve: (doc) => readingMinutes(doc.body.raw) },
  },
}));

/**
 * A page of the site itself, not a story: about us, contact, privacy, advertising. Editors own
 * them like stories (pages/<slug>/zh-Hant.mdx or zh-Hans.mdx, the other script derived); each is
 * served at /<locale>/info/<slug> and listed in the footer.
 */
const SitePage = defineDocumentType(() => ({
  name: 'SitePage',
  filePathPattern: 'pages/**/*.mdx',
  // Not 'mdx': contentlayer would bundle the body; pipeline/mdx-compile.ts compiles it (contentlayer.config.ts).
  contentType: 'markdown',
  fields: {
    title: { type: 'string', required: true },
    summary: { type: 'string', required: true, description: 'One sentence: what search engines and shared links show' },
    updatedAt: { type: 'date', required: false },
    order: { type: 'number', required: false, description: 'Place in the footer, smallest first' },
  },
}));

const Author = defineDocumentType(() => ({
  name: 'Author',
  filePathPattern: 'authors/*.yaml',
  contentType: 'data',
  fields: {
    name: { type: 'nested', of: Localized, required: true },
    role: { type: 'nested', of: Localized, required: false },
    bio: { type: 'nested', of: Localized, required: false },
    photo: {
      type: 'string',
      required: false,
      description: 'A portrait under public/, such as /images/authors/<id>.jpg',
    },
  },
}));

// Tags and sections are the same kind of document: a name in both scripts and an optional description.
const termDocument = (name: string, folder: string) =>
  defineDocumentType(() => ({
    name,
    filePathPattern: `${folder}/*.yaml`,
    contentType: 'data',
    fields: {
      name: { type: 'nested', of: Localized, required: true },
      description: { type: 'nested', of: Localized, required: false },
    },
  }));

const Tag = termDocument('Tag', 'tags');
const Section = termDocument('Section', 'sections');

const GlossaryTerm = defineNestedType(() => ({
  name: 'GlossaryTerm',
  fields: {
    hant: { type: 'string', required: true, description: 'How the term is written in Traditional Chinese' },
    hans: { type: 'string', required: true, description: 'How the term is written in Simplified Chinese' },
    note: { type: 'string', required: false },
  },
}));

/** The house glossary: terms every automatic conversion writes exactly this way. */
const Glossary = defineDocumentType(() => ({
  name: 'Glossary',
  filePathPattern: 'glossary.yaml',
  contentType: 'data',
  isSingleton: true,
  fields: {
    terms: { type: 'list', of: GlossaryTerm, required: true },
  },
}));

/** A field definition as the document types above declare it. */
export type FieldDef = {
  type: string;
  required?: boolean;
  of?: FieldDef | NestedType;
  /** Present when the definition is itself a nested type (the `of` of a list of nested values). */
  def?: () => { fields: Schema };
};
type NestedType = { type: 'nested'; def: () => { fields: Schema } };
export type Schema = Record<string, FieldDef>;
export type Schemas = { article: Schema; page: Schema; author: Schema; term: Schema; glossary: Schema };

const fieldsOf = (type: { def: () => { fields?: unknown } }) => (type.def().fields ?? {}) as Schema;

/** The field definitions of every kind of content document, for the content check. */
export const contentSchemas: Schemas = {
  article: fieldsOf(Article),
  page: fieldsOf(SitePage),
  author: fieldsOf(Author),
  term: fieldsOf(Tag),
  glossary: fieldsOf(Glossary),
};

/** Every document type, in the order contentlayer compiles them. */
export const documentTypes = [Article, SitePage, Author, Tag, Section, Glossary];

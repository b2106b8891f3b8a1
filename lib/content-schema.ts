import { Article, Author, Glossary, Tag } from '../contentlayer.config';
import type { Schema, Schemas } from './content-check';

// contentlayer.config.ts is the one schema of the content; the checks read its field definitions.
const fieldsOf = (type: { def: () => { fields?: unknown } }) => (type.def().fields ?? {}) as Schema;

/** The field definitions of every kind of content document. */
export const contentSchemas: Schemas = {
  article: fieldsOf(Article),
  author: fieldsOf(Author),
  term: fieldsOf(Tag),
  glossary: fieldsOf(Glossary),
};

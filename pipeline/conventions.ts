// How content is named, and what the scaffold leaves for an editor to replace: what the index step
// and the scaffold need of the content's rules, without the document types of pipeline/schema.ts.

/** A slug: the name of an article's folder or a data file, and its address on the site. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What the preview shows for a draft whose hero image is not there yet: a draft may be written
 * before its picture is chosen; the check asks for the picture once `draft` is removed.
 */
export const DRAFT_HERO_SRC = '/images/draft-hero.png';

/** What `npm run new` writes where the editor still has to: it may stay in a draft, never in print. */
export const PLACEHOLDERS = {
  summary: { hant: '請在這裡寫一到兩句導言。', hans: '请在这里写一到两句导言。' },
  alt: { hant: '請用一句話描述首圖內容', hans: '请用一句话描述首图内容' },
} as const;

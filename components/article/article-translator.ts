import type { createTranslator, Messages } from 'next-intl';

/**
 * The article page's text, resolved once by the page and handed to its pieces: they render inline,
 * where pieces that fetched their own translations would each become a separate part of the payload.
 */
export type ArticleTranslator = ReturnType<typeof createTranslator<Messages, 'Article'>>;

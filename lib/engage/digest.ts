import type { Kysely } from 'kysely';
import type { Locale } from '@/i18n/locales';
import { getArticleCard, listArticles } from '@/lib/content';
import type { DigestStory } from './newsletter-mail';
import type { Database } from './schema';
import { mostRead } from './views';

// What goes into a script's weekly digest: the week's most-read stories in that script, then, when
// fewer were read than the digest holds (a new site, a quiet script), the newest stories.

const DIGEST_STORIES = 6;

export async function digestStories(db: Kysely<Database>, locale: Locale, now = new Date()): Promise<DigestStory[]> {
  const read = (await mostRead(db, { locale, hours: 24 * 7, limit: DIGEST_STORIES * 2, now })).map(({ story }) =>
    getArticleCard(locale, story),
  );
  const chosen = new Map<string, DigestStory>();
  for (const card of [...read, ...listArticles({ locale, limit: DIGEST_STORIES * 2 })]) {
    if (!card || card.draft || chosen.has(card.slug) || chosen.size >= DIGEST_STORIES) continue;
    chosen.set(card.slug, { title: card.title, summary: card.summary, path: card.path, sponsored: card.sponsored });
  }
  return [...chosen.values()];
}

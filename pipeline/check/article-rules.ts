// What one article's front matter must say beyond its field types: lengths readers and search
// engines can show, no scaffold text left in print, a hero image sharp enough, dates in order.
// References to other files (tags, sections, authors, images, further reading) are resolved, and
// checked, in pipeline/index/resolve.ts.
import type { ImageSize } from '@/lib/content-model';
import type { RawArticle } from '../index/resolve';
import { PLACEHOLDERS } from '../conventions';
import type { Report } from './fields';

/** Longest title search engines show in full, in characters. */
export const TITLE_MAX_CHARS = 36;
/** Longest summary that fits on an article card, in characters. */
export const SUMMARY_MAX_CHARS = 120;
/** Narrowest hero image that stays sharp across the article page. */
export const HERO_MIN_WIDTH = 1200;

/** An article's front matter once its fields have the types pipeline/schema.ts declares, dates as ISO instants. */
export type FrontMatter = Omit<RawArticle, 'sourceFile' | 'readingMinutes'>;

/**
 * Lengths of the title and summary. Checked on the front matter as parsed, even when other fields
 * have the wrong type, so that an editor sees every problem in one pass.
 */
export function checkLengths(front: unknown, report: Report): void {
  if (typeof front !== 'object' || front === null) return;
  const data = front as Record<string, unknown>;
  const title = [...String(data['title'] ?? '')].length;
  const summary = [...String(data['summary'] ?? '')].length;
  if (title > TITLE_MAX_CHARS) {
    report('title', `標題有 ${title} 個字，超過搜尋引擎顯示的 ${TITLE_MAX_CHARS} 字`, '把標題縮短，重要的字放前面');
  }
  if (summary > SUMMARY_MAX_CHARS) {
    report('summary', `導言有 ${summary} 個字，超過卡片能顯示的 ${SUMMARY_MAX_CHARS} 字`, '把導言縮短到一到兩句');
  }
}

/** The rules on an article whose fields have their types (dates as ISO instants); `imageSize` measures a file under public/. */
export function checkArticleRules(
  front: FrontMatter,
  imageSize: (src: string) => ImageSize | undefined,
  report: Report,
): void {
  const placeholder = (field: string, value: string, texts: { hant: string; hans: string }) => {
    if (!front.draft && (value === texts.hant || value === texts.hans)) {
      report(field, `「${field}」還是範本的預設文字`, '換成這篇文章真正的內容，或先保留 draft: true');
    }
  };
  placeholder('summary', front.summary, PLACEHOLDERS.summary);
  placeholder('hero.alt', front.hero.alt, PLACEHOLDERS.alt);
  const size = imageSize(front.hero.src);
  if (size && size.width < HERO_MIN_WIDTH) {
    report(
      'hero.src',
      `首圖只有 ${size.width}×${size.height} 像素，寬度不到 ${HERO_MIN_WIDTH}`,
      `換一張寬度至少 ${HERO_MIN_WIDTH} 像素的圖片`,
    );
  }
  if (front.updatedAt && front.updatedAt < front.publishedAt) {
    report('updatedAt', '更新時間早於發布時間', '更新時間 updatedAt 必須晚於 publishedAt');
  }
}

import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../conventions';
import {
  checkArticleRules,
  checkLengths,
  HERO_MIN_WIDTH,
  SUMMARY_MAX_CHARS,
  TITLE_MAX_CHARS,
  type FrontMatter,
} from './article-rules';

const front = (overrides: Partial<FrontMatter> = {}): FrontMatter => ({
  title: '標題',
  summary: '導言',
  publishedAt: '2026-11-25T01:00:00.000Z',
  authors: ['newsroom'],
  section: '科技',
  tags: ['人工智慧'],
  hero: { src: '/images/wide.jpg', alt: '圖', credit: '圖：觀潮科技' },
  ...overrides,
});
const sizes = (src: string) =>
  src === '/images/narrow.jpg' ? { width: 800, height: 450 } : { width: HERO_MIN_WIDTH, height: 675 };

function reported(run: (report: (field: string, message: string) => void) => void): string[] {
  const found: string[] = [];
  run((field, message) => found.push(`${field}: ${message}`));
  return found;
}

describe("one article's rules", () => {
  it('pass an ordinary article', () => {
    expect(reported((r) => checkArticleRules(front(), sizes, r))).toEqual([]);
  });

  it('count title and summary length in characters', () => {
    const data = { title: '字'.repeat(TITLE_MAX_CHARS + 1), summary: '字'.repeat(SUMMARY_MAX_CHARS) };
    expect(reported((r) => checkLengths(data, r))).toEqual([
      `title: 標題有 ${TITLE_MAX_CHARS + 1} 個字，超過搜尋引擎顯示的 ${TITLE_MAX_CHARS} 字`,
    ]);
  });

  it('refuse scaffold text outside a draft, a narrow hero, and an update before publication', () => {
    const wrong = front({
      summary: PLACEHOLDERS.summary.hans,
      hero: { src: '/images/narrow.jpg', alt: PLACEHOLDERS.alt.hant, credit: '圖' },
      updatedAt: '2026-11-24T01:00:00.000Z',
    });
    expect(reported((r) => checkArticleRules(wrong, sizes, r))).toEqual([
      'summary: 「summary」還是範本的預設文字',
      'hero.alt: 「hero.alt」還是範本的預設文字',
      `hero.src: 首圖只有 800×450 像素，寬度不到 ${HERO_MIN_WIDTH}`,
      'updatedAt: 更新時間早於發布時間',
    ]);
    expect(reported((r) => checkArticleRules({ ...wrong, draft: true, updatedAt: undefined }, sizes, r))).toEqual([
      `hero.src: 首圖只有 800×450 像素，寬度不到 ${HERO_MIN_WIDTH}`,
    ]);
  });
});

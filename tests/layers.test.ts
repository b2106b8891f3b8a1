import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules in eslint.config.mjs, tried on lines of code placed in each folder: every
// forbidden import must fail lint, and the ordinary ones must pass.

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: [string, string][] = [
  ['app/[locale]/page.tsx', "import { checkContent } from '@/pipeline/check/check-content';"],
  ['app/sitemap.ts', "import { samplePages } from '../bench/common';"],
  ['app/[locale]/page.tsx', "import { allArticles } from 'contentlayer/generated';"],
  ['components/article/x.tsx', "import { listSections } from '@/lib/content';"],
  ['components/article/x.tsx', "import { loadListing } from '@/lib/listings';"],
  ['components/article/x.tsx', "import { createConverter } from '../../pipeline/convert';"],
  ['components/layout/x.tsx', "import Page from '@/app/[locale]/page';"],
  ['components/engage/x.tsx', "import { siteDatabase } from '@/lib/engage/database';"],
  ['components/comments/x.tsx', "import { listComments } from '../../lib/engage/comments';"],
  ['components/engage/x.tsx', "import type { CommentForm } from '../../lib/engage/comments';"],
  ['lib/x.ts', "import { ArticleCard } from '@/components/article/article-card';"],
  ['lib/x.ts', "import { buildIndex } from '../pipeline/index/resolve';"],
  ['lib/x.ts', "import { chromiumPath } from '@/bench/chromium';"],
  ['i18n/x.ts', "import { site } from '@/lib/site';"],
  ['pipeline/check/x.ts', "import { ArticleBody } from '@/components/article/article-body';"],
  ['pipeline/x.ts', "import { getArticle } from '@/lib/content';"],
  ['pipeline/check/x.ts', "import { allArticles } from 'contentlayer/generated';"],
  ['scripts/x.ts', "import { SiteHeader } from '../components/layout/site-header';"],
  ['pipeline/x.ts', "import { MdxContent } from '@/components/mdx/mdx-content';"],
  ['pipeline/search/x.ts', "import { SearchDocument } from '../../components/search/search-box';"],
  ['bench/x.ts', "import { ArticleCard } from '@/components/article/article-card';"],
  ['scripts/x.ts', "import { drawSocialCard } from '@/components/social/social-card';"],
];

const allowed: [string, string][] = [
  ['app/[locale]/page.tsx', "import { listSections } from '@/lib/content';"],
  ['components/article/x.tsx', "import type { ArticleCard } from '@/lib/content';"],
  ['components/article/x.tsx', "import { site } from '@/lib/site';"],
  ['lib/x.ts', "import { localePath } from '@/i18n/locales';"],
  ['pipeline/check/x.ts', "import { bodyComponents } from '@/lib/body-components';"],
  ['pipeline/index/x.ts', "import type { Article } from 'contentlayer/generated';"],
  ['scripts/x.ts', "import { checkContent } from '@/pipeline/check/check-content';"],
  ['pipeline/x.tsx', "import { SearchDocument } from '@/components/search/search-document';"],
  ['bench/x.ts', "import { storeFile } from '@/lib/content-files';"],
  ['bench/x.ts', "import { drawSocialCard } from '@/components/social/social-card';"],
];

// The first lint loads ESLint, its plugins and the TypeScript parser: seconds on a busy machine.
const LINT_TIMEOUT_MS = 60_000;

describe('the layer rules', () => {
  it.each(forbidden)(
    'fail lint in %s: %s',
    async (file, code) => {
      expect(await restricted(file, code)).toHaveLength(1);
    },
    LINT_TIMEOUT_MS,
  );

  it.each(allowed)(
    'let %s import: %s',
    async (file, code) => {
      expect(await restricted(file, code)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FeedBody } from '@/components/feed/feed-body';
import { otherLocale, type Locale } from '@/i18n/locales';
import { createConverter } from './convert';
import { bodyImageSources, readGenerated } from './index/generated';
import { readGlossary } from './search-conversion';

// Every body of the sample content, compiled as `npm run content` compiles it now (@mdx-js/mdx, a
// function body, pipeline/mdx-compile.ts), draws exactly as contentlayer2's compile drew it until
// issue 33 (mdx-bundler and esbuild, with the settings contentlayer.config.ts gave it): in its own
// script and converted to the other, with the body's real components (the feed's renderer is the
// page's). Reads what `npm run content` wrote, as the other index tests do.
const contentDir = path.resolve('content');
const converter = createConverter(readGlossary(contentDir));
const playVideo = '播放影片';

/** What contentlayer2 0.5.8 compiled: the whole file, through mdx-bundler, Chinese left as written. */
async function bundled(sourceFile: string): Promise<string> {
  const { code } = await bundleMDX({
    source: readFileSync(path.join(contentDir, sourceFile), 'utf8'),
    cwd: path.join(contentDir, path.dirname(sourceFile)),
    esbuildOptions: (options) => ({
      ...options,
      charset: 'utf8',
      plugins: options.plugins?.filter((plugin) => plugin.name !== 'node-resolve'),
    }),
  });
  // mdx-bundler's module reads the JSX runtime from a global; the body renderer passes it as the argument.
  return `const _jsx_runtime = arguments[0];\n${code}`;
}

function draw(code: string, images: string[], locale: Locale, sponsored: boolean): string {
  const sizes = Object.fromEntries(images.map((src) => [src, { width: 1200, height: 800 }]));
  return renderToStaticMarkup(createElement(FeedBody, { body: { code, images: sizes }, locale, sponsored, playVideo }));
}

const generated = readGenerated();
const bodies = [
  ...generated.allArticles.map((a) => ({
    file: a._raw.sourceFilePath,
    code: a.body.code,
    images: a.body.imageSources,
    sponsored: Boolean(a.sponsor),
  })),
  ...generated.allSitePages.map((p) => ({
    file: p._raw.sourceFilePath,
    code: () => p.body.code,
    images: bodyImageSources(p.body.raw),
    sponsored: false,
  })),
];

describe('a body compiled by content hash', () => {
  it('covers the sample content', () => {
    expect(bodies.length).toBeGreaterThan(20);
  });

  it.each(bodies)('draws $file as contentlayer drew it, in both scripts', async ({ file, code, images, sponsored }) => {
    const locale = path.basename(file, '.mdx') as Locale;
    const [now, before] = [code(), await bundled(file)];
    expect(now).toMatch(/^"use strict"/);
    const html = draw(now, images, locale, sponsored);
    expect(html).toMatch(/^<\w/);
    expect(html).toBe(draw(before, images, locale, sponsored));
    const other = otherLocale(locale);
    expect(draw(converter.convertCode(now, locale), images, other, sponsored)).toBe(
      draw(converter.convertCode(before, locale), images, other, sponsored),
    );
  });
});

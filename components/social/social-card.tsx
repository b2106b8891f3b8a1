import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { cardFonts } from '@/lib/card-fonts';
import { publicFile, SOCIAL_CARD_SIZE, type SocialCardContent } from '@/lib/social-card';

type SocialCardProps = { content: SocialCardContent; fontFamily: string; heroUri: string };

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

/** A story's card, 1200x630: the hero behind, the site and section above, the headline below. */
function SocialCard({ content, fontFamily, heroUri }: SocialCardProps) {
  const { width, height } = SOCIAL_CARD_SIZE;
  return (
    <div
      style={{
        width,
        height,
        display: 'flex',
        position: 'relative',
        fontFamily,
        backgroundColor: '#111827',
        color: '#ffffff',
      }}
    >
      {heroUri && (
        // eslint-disable-next-line @next/next/no-img-element -- next/og draws the picture into the PNG: next/image has no place here
        <img
          src={heroUri}
          width={width}
          height={height}
          style={{ position: 'absolute', top: 0, left: 0, width, height, objectFit: 'cover' }}
          alt=""
        />
      )}
      <div
        style={{
          position: 'absolute',
          top: 0,
          left: 0,
          width,
          height,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '48px 64px',
          backgroundImage:
            'linear-gradient(180deg, rgba(17,24,39,0.55) 0%, rgba(17,24,39,0.25) 35%, rgba(17,24,39,0.92) 75%)',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34 }}>
          <span style={{ fontSize: 38 }}>{content.siteName}</span>
          <span style={{ fontSize: 28, padding: '4px 16px', borderRadius: 8, backgroundColor: '#0f766e' }}>
            {content.section}
          </span>
          {content.label && (
            <span
              style={{
                fontSize: 28,
                padding: '4px 16px',
                borderRadius: 8,
                backgroundColor: '#fef3c7',
                color: '#78350f',
              }}
            >
              {content.label}
            </span>
          )}
        </div>
        <div
          style={{
            display: 'flex',
            fontSize: 64,
            lineHeight: 1.3,
            maxHeight: 64 * 1.3 * 3,
            overflow: 'hidden',
            lineClamp: 3,
          }}
        >
          {content.title}
        </div>
      </div>
    </div>
  );
}

// next/og fetches a font from the web for any glyph the given fonts lack, and an image for an
// emoji: the card leaves out what its font does not cover instead.
const pictograph = /\p{Extended_Pictographic}/gu;

/** The hero as a data URI (next/og would otherwise fetch it over HTTP); empty when it is not on disk. */
function heroDataUri(src: string): string {
  const mime = MIME[path.extname(src).toLowerCase()];
  try {
    return mime ? `data:${mime};base64,${readFileSync(publicFile(src)).toString('base64')}` : '';
  } catch {
    return '';
  }
}

/** Draws a card as PNG bytes, with only the font subsets its text needs. */
export async function drawSocialCard(content: SocialCardContent): Promise<Buffer> {
  const text = [content.title, content.section, content.label ?? '', content.siteName].join('');
  const { fonts, missing } = cardFonts(content.locale, text.replace(pictograph, ''));
  const drop = new Set(missing);
  const keep = (s: string) =>
    Array.from(s.replace(pictograph, ''))
      .filter((c) => !drop.has(c))
      .join('');
  const shown = {
    ...content,
    title: keep(content.title),
    section: keep(content.section),
    label: content.label && keep(content.label),
    siteName: keep(content.siteName),
  };
  const response = new ImageResponse(
    <SocialCard
      content={shown}
      fontFamily={fonts.map((f) => `'${f.name}'`).join(', ')}
      heroUri={heroDataUri(content.hero.src)}
    />,
    {
      ...SOCIAL_CARD_SIZE,
      fonts,
    },
  );
  return Buffer.from(await response.arrayBuffer());
}

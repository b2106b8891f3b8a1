import { NextResponse, type NextRequest } from 'next/server';
import { commentCounts } from '@/lib/engage/comments';
import { siteDatabase } from '@/lib/engage/database';
import { STORY_SLUG } from '@/lib/story-slug';

// GET /api/comment-counts?stories=a,b,c: approved comments per story, for the counts on the cards
// of a page (components/engage/comment-counts.tsx). A CDN may keep it a minute.

/** More cards than any page shows. */
const MAX_STORIES = 60;

export async function GET(request: NextRequest) {
  const stories = [...new Set((request.nextUrl.searchParams.get('stories') ?? '').split(',').filter(Boolean))];
  if (stories.length === 0 || stories.length > MAX_STORIES || !stories.every((s) => STORY_SLUG.test(s))) {
    return NextResponse.json(
      { error: `stories must be 1 to ${MAX_STORIES} story slugs, comma-separated` },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  try {
    const { db } = await siteDatabase();
    return NextResponse.json(await commentCounts(db, stories), {
      headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60' },
    });
  } catch (error) {
    console.error('Comment counts could not be read:', error);
    return NextResponse.json({ error: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

import { after, NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/i18n/locales';
import { backToAdmin, editorAction } from '@/lib/engage/admin';
import { siteDatabase } from '@/lib/engage/database';
import { digestStories } from '@/lib/engage/digest';
import { sendMail } from '@/lib/engage/mail';
import { confirmedCsv, digestOfWeek, sendDigest, startDigest, subscriberCounts, weekOf } from '@/lib/engage/newsletter';
import { digestMail, digestSubject, type DigestStory } from '@/lib/engage/newsletter-mail';

// POST /api/admin/newsletter, from the forms of /admin: `send` starts (or resumes) this week's
// digest of one script, sent after the answer so the editor need not wait; `export` downloads the
// confirmed subscribers as CSV.
export async function POST(request: NextRequest) {
  const action = await editorAction(request);
  if ('refused' in action) return action.refused;
  const { form, editor } = action;
  const { db } = await siteDatabase();

  if (form['action'] === 'export') {
    const day = new Date().toISOString().slice(0, 10);
    return new NextResponse(await confirmedCsv(db), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="subscribers-${day}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  }
  const locale = form['locale'];
  if (form['action'] !== 'send' || typeof locale !== 'string' || !isLocale(locale)) return backToAdmin('malformed');
  const now = new Date();
  const started = await digestOfWeek(db, locale, weekOf(now));
  if (started && started.remaining === 0) return backToAdmin('digest-done');
  if (!started && !(await subscriberCounts(db))[locale]?.confirmed) return backToAdmin('digest-nobody');
  const stories = await digestStories(db, locale, now);
  if (stories.length === 0) return backToAdmin('digest-empty');
  const digest =
    started ?? (await startDigest(db, { locale, subject: digestSubject(locale, now), stories, editor, now }));
  after(async () => {
    try {
      const sent = await sendDigest(db, digest, (to) =>
        sendMail(
          digestMail(locale, {
            to: to.email,
            subject: digest.subject,
            stories: digest.stories as DigestStory[],
            unsubscribe: to.unsubscribe,
          }),
        ),
      );
      console.log(`Digest ${digest.week} (${locale}): ${sent} sent by ${editor}.`);
    } catch (error) {
      console.error(`Digest ${digest.week} (${locale}) stopped; send it again from /admin to resume:`, error);
    }
  });
  return backToAdmin('digest-sending');
}

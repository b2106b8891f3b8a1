import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { COMMENT_LIMITS } from '@/lib/comment-limits';
import { Comments, type CommentLabels } from './comments-client';

type CommentsSectionProps = { story: string; locale: Locale; open: boolean };

/** The comments under a story, with their words in the reader's script; a static copy of the site has none. */
export async function CommentsSection({ story, locale, open }: CommentsSectionProps) {
  const t = await getTranslations({ locale, namespace: 'Comments' });
  if (process.env.STATIC_EXPORT === '1') {
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-400 print:hidden" data-testid="comments-static">
        {t('static')}
      </p>
    );
  }
  const labels: CommentLabels = {
    title: t('title'),
    countNone: t('countNone'),
    countSome: t.raw('countSome') as string,
    newest: t('newest'),
    oldest: t('oldest'),
    order: t('order'),
    reply: t('reply'),
    replyTo: t.raw('replyTo') as string,
    cancelReply: t('cancelReply'),
    name: t('name'),
    email: t('email'),
    body: t('body'),
    bodyHint: t('bodyHint', { max: COMMENT_LIMITS.body }),
    website: t('website'),
    submit: t('submit'),
    sending: t('sending'),
    loading: t('loading'),
    loadFailed: t('loadFailed'),
    closed: t('closed'),
    policy: t('policy'),
    failed: t('outcome.unavailable'),
  };
  return <Comments story={story} locale={locale} open={open} labels={labels} maxLength={COMMENT_LIMITS.body} />;
}

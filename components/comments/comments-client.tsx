'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';

// The comments under a story: loaded from /api/comments/<slug> when the reader nears them, posted
// there with the page's script, or by the plain form when there is none. Comments are text: React
// writes them as text, links included, so nothing a reader writes runs or links anywhere.

export type CommentLabels = {
  title: string;
  countNone: string;
  /** With {count} in it. */
  countSome: string;
  newest: string;
  oldest: string;
  order: string;
  reply: string;
  replyTo: string;
  cancelReply: string;
  name: string;
  email: string;
  body: string;
  bodyHint: string;
  website: string;
  submit: string;
  sending: string;
  loading: string;
  loadFailed: string;
  closed: string;
  policy: string;
  failed: string;
};

type Comment = { id: number; name: string; body: string; createdAt: string; replies: Comment[] };
type Listed = { open: boolean; count: number; comments: Comment[] };
type Status = { ok: boolean; message: string; field?: string };

type CommentsProps = { story: string; locale: string; open: boolean; labels: CommentLabels; maxLength: number };

type Order = 'oldest' | 'newest';

/** The comments as listed: asked for when the reader nears them (the returned ref marks where), in either order. */
function useCommentList(endpoint: string, locale: string) {
  const section = useRef<HTMLElement>(null);
  const [order, setOrder] = useState<Order>('oldest');
  const [listed, setListed] = useState<Listed | 'loading' | 'failed' | undefined>();
  // Which request's answer is shown: an earlier one answering late is dropped.
  const latest = useRef(0);
  const loaded = useRef(false);

  const load = useCallback(
    (which: Order) => {
      const request = ++latest.current;
      loaded.current = true;
      setListed((was) => (typeof was === 'object' ? was : 'loading'));
      fetch(`${endpoint}?locale=${locale}&order=${which}`)
        .then((r) => (r.ok ? (r.json() as Promise<Listed>) : Promise.reject(new Error(String(r.status)))))
        .then((data) => request === latest.current && setListed(data))
        .catch(() => request === latest.current && setListed('failed'));
    },
    [endpoint, locale],
  );

  // Asked for only when the reader comes near the end of the story.
  useEffect(() => {
    const target = section.current;
    if (!target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || loaded.current) return;
        observer.disconnect();
        load('oldest');
      },
      { rootMargin: '600px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [load]);

  return { section, order, setOrder, listed, load };
}

/** The form's state: the comment it replies to, what the last post answered, and whether one is on its way. */
function useCommentForm(endpoint: string, failed: string, reload: () => void) {
  const [replyTo, setReplyTo] = useState<Comment | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    setSending(true);
    setStatus(undefined);
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
      const answer = (await response.json()) as Status & { status?: string };
      setStatus(answer);
      if (answer.ok) {
        (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
        setReplyTo(undefined);
        if (answer.status === 'approved') reload();
      }
    } catch {
      setStatus({ ok: false, message: failed });
    } finally {
      setSending(false);
    }
  }

  return { replyTo, setReplyTo, status, sending, submit };
}

type CommentFormState = ReturnType<typeof useCommentForm>;

const input =
  'mt-1 w-full rounded-lg border border-neutral-400 bg-white px-3 py-2 text-base dark:border-neutral-600 dark:bg-neutral-900';

type CommentsHeadingProps = {
  labels: CommentLabels;
  count: number | undefined;
  order: Order;
  onOrder: (which: Order) => void;
};

/** The heading with the number of comments, and the choice of order. */
function CommentsHeading({ labels, count, order, onOrder }: CommentsHeadingProps) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-3 border-b-2 border-neutral-900 pb-2 dark:border-neutral-100">
      <h2 id="comments-heading" className="text-xl font-bold">
        {labels.title}
        {count !== undefined && (
          <span
            className="ml-2 text-base font-normal text-neutral-600 dark:text-neutral-400"
            data-testid="comment-count"
          >
            {count === 0 ? labels.countNone : labels.countSome.replace('{count}', String(count))}
          </span>
        )}
      </h2>
      <label className="text-sm">
        <span className="mr-2">{labels.order}</span>
        <select
          value={order}
          onChange={(e) => onOrder(e.target.value as Order)}
          className="rounded border border-neutral-400 bg-white px-2 py-1 dark:border-neutral-600 dark:bg-neutral-900"
        >
          <option value="oldest">{labels.oldest}</option>
          <option value="newest">{labels.newest}</option>
        </select>
      </label>
    </div>
  );
}

type CommentItemProps = {
  comment: Comment;
  reply: boolean;
  open: boolean;
  locale: string;
  labels: CommentLabels;
  onReply: (comment: Comment) => void;
};

/** One comment, with its replies below it; a comment that is not itself a reply can be answered. */
function CommentItem({ comment, reply, open, locale, labels, onReply }: CommentItemProps) {
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Taipei' });
  return (
    <li
      className={reply ? 'mt-4 border-l-2 border-neutral-200 pl-4 dark:border-neutral-700' : 'py-5'}
      data-testid="comment"
    >
      <p className="text-sm">
        <span className="font-bold text-neutral-900 dark:text-neutral-100">{comment.name}</span>{' '}
        <time dateTime={comment.createdAt} className="text-neutral-600 dark:text-neutral-400">
          {date(comment.createdAt)}
        </time>
      </p>
      <p className="mt-1 break-words whitespace-pre-line">{comment.body}</p>
      {!reply && open && (
        <button
          type="button"
          className="mt-2 text-sm font-bold text-accent-700 hover:underline dark:text-accent-300"
          onClick={() => onReply(comment)}
        >
          {labels.reply}
        </button>
      )}
      {comment.replies.length > 0 && (
        <ul>
          {comment.replies.map((r) => (
            <CommentItem key={r.id} comment={r} reply open={open} locale={locale} labels={labels} onReply={onReply} />
          ))}
        </ul>
      )}
    </li>
  );
}

type CommentFieldsProps = { labels: CommentLabels; maxLength: number; invalid: string | undefined };

/** What the reader writes: a name, an email address if they like, the comment, and the field robots fill in. */
function CommentFields({ labels, maxLength, invalid }: CommentFieldsProps) {
  return (
    <>
      <label className="block text-sm font-bold">
        {labels.name}
        <input
          name="name"
          required
          maxLength={40}
          autoComplete="nickname"
          className={input}
          aria-invalid={invalid === 'name' || undefined}
        />
      </label>
      <label className="block text-sm font-bold">
        {labels.email}
        <input
          name="email"
          type="email"
          maxLength={254}
          autoComplete="email"
          className={input}
          aria-invalid={invalid === 'email' || undefined}
        />
      </label>
      <label className="block text-sm font-bold">
        {labels.body}
        <textarea
          name="body"
          required
          minLength={2}
          maxLength={maxLength}
          rows={5}
          className={input}
          aria-describedby="comment-hint"
          aria-invalid={invalid === 'body' || undefined}
        />
      </label>
      <p id="comment-hint" className="text-sm text-neutral-600 dark:text-neutral-400">
        {labels.bodyHint}
      </p>
      {/* Left empty by people, who never see it; filled in by form-filling robots. */}
      <div className="absolute -left-[9999px]" aria-hidden="true">
        <label>
          {labels.website}
          <input name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
    </>
  );
}

type CommentFormProps = {
  endpoint: string;
  locale: string;
  labels: CommentLabels;
  maxLength: number;
  form: CommentFormState;
};

/** The form a reader comments with: posted by the script, or by the browser when there is none. */
function CommentForm({ endpoint, locale, labels, maxLength, form }: CommentFormProps) {
  const { replyTo, setReplyTo, status, sending, submit } = form;
  return (
    <form
      method="post"
      action={endpoint}
      onSubmit={submit}
      className="mt-6 space-y-4 rounded-lg bg-neutral-50 p-4 dark:bg-neutral-900"
      data-testid="comment-form"
    >
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{labels.policy}</p>
      <input type="hidden" name="locale" value={locale} />
      {replyTo && (
        <p className="flex items-center gap-3 text-sm">
          <input type="hidden" name="parent" value={replyTo.id} />
          <span>{labels.replyTo.replace('{name}', replyTo.name)}</span>
          <button
            type="button"
            className="font-bold text-accent-700 hover:underline dark:text-accent-300"
            onClick={() => setReplyTo(undefined)}
          >
            {labels.cancelReply}
          </button>
        </p>
      )}
      <CommentFields labels={labels} maxLength={maxLength} invalid={status?.field} />
      <p
        role="status"
        aria-live="polite"
        className={
          status
            ? status.ok
              ? 'font-bold text-green-800 dark:text-green-300'
              : 'font-bold text-red-800 dark:text-red-300'
            : ''
        }
        data-testid="comment-status"
      >
        {status?.message}
      </p>
      <button
        type="submit"
        disabled={sending}
        className="hover:bg-accent-800 inline-flex h-11 items-center rounded-full bg-accent-700 px-6 font-bold text-white disabled:opacity-60"
      >
        {sending ? labels.sending : labels.submit}
      </button>
    </form>
  );
}

export function Comments({ story, locale, open, labels, maxLength }: CommentsProps) {
  const endpoint = `/api/comments/${encodeURIComponent(story)}`;
  const { section, order, setOrder, listed, load } = useCommentList(endpoint, locale);
  const form = useCommentForm(endpoint, labels.failed, () => load(order));
  const count = typeof listed === 'object' ? listed.count : undefined;

  return (
    <section
      ref={section}
      id="comments"
      aria-labelledby="comments-heading"
      className="print:hidden"
      data-testid="comments"
    >
      <CommentsHeading
        labels={labels}
        count={count}
        order={order}
        onOrder={(which) => {
          setOrder(which);
          load(which);
        }}
      />
      {listed === 'loading' && <p className="py-4 text-neutral-600 dark:text-neutral-400">{labels.loading}</p>}
      {listed === 'failed' && <p className="py-4 text-neutral-600 dark:text-neutral-400">{labels.loadFailed}</p>}
      {typeof listed === 'object' && (
        <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {listed.comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              reply={false}
              open={open}
              locale={locale}
              labels={labels}
              onReply={form.setReplyTo}
            />
          ))}
        </ul>
      )}

      {open ? (
        <CommentForm endpoint={endpoint} locale={locale} labels={labels} maxLength={maxLength} form={form} />
      ) : (
        <p className="mt-6 text-neutral-700 dark:text-neutral-300">{labels.closed}</p>
      )}
    </section>
  );
}

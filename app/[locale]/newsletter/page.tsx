import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale, type Locale } from '@/i18n/locales';
import { siteDatabase } from '@/lib/engage/database';
import { confirmationOf, subscriberOfToken } from '@/lib/engage/newsletter';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';
import { PageHeading } from '@/components/layout/page-heading';
import { NewsletterForm } from '@/components/engage/newsletter-form';

// /<locale>/newsletter: the sign-up page, and where every step of the newsletter lands: the answer
// to a sign-up (?status=…), a confirmation link (?confirm=…) and an unsubscribe link
// (?unsubscribe=…), each of the last two with the one button that acts on it. It is rendered per
// request and kept nowhere (lib/door/front-door.ts); a static export, with no server, gets a note.

const STATUSES = [
  'check-inbox',
  'confirmed',
  'unsubscribed',
  'expired',
  'unknown',
  'invalid-email',
  'too-fast',
  'malformed',
  'too-large',
  'cross-site',
  'unavailable',
] as const;
type Status = (typeof STATUSES)[number];
const GOOD: readonly Status[] = ['check-inbox', 'confirmed', 'unsubscribed'];

type NewsletterPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params, searchParams }: NewsletterPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Newsletter' });
  const metadata = pageMetadata({ locale, path: '/newsletter', title: t('title'), description: t('pitch') });
  // The sign-up page is for search engines too; one reader's link or answer is not, nor a static
  // copy's page, which only says the newsletter is not offered there.
  const personal = process.env.STATIC_EXPORT === '1' || Object.keys(await searchParams).length > 0;
  return personal ? { ...metadata, robots: { index: false, follow: true } } : metadata;
}

export default async function NewsletterPage({ params, searchParams }: NewsletterPageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Newsletter' });
  if (process.env.STATIC_EXPORT === '1') {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeading title={t('title')}>{t('static')}</PageHeading>
      </div>
    );
  }
  const query = await searchParams;
  const { db } = await siteDatabase();

  const confirmToken = one(query['confirm']);
  if (confirmToken !== undefined) {
    const found = await confirmationOf(db, confirmToken);
    if (found.state === 'valid') {
      return (
        <Action
          locale={locale}
          title={t('confirmTitle')}
          body={t('confirmBody', { email: found.email, site: site.name[locale] })}
          action="/api/newsletter/confirm"
          token={confirmToken}
          button={t('confirmButton')}
        />
      );
    }
    return <Landing locale={locale} status={found.state} />;
  }
  const unsubscribeToken = one(query['unsubscribe']);
  if (unsubscribeToken !== undefined) {
    const found = await subscriberOfToken(db, unsubscribeToken);
    if (found && found.status !== 'unsubscribed') {
      return (
        <Action
          locale={locale}
          title={t('unsubscribeTitle')}
          body={t('unsubscribeBody', { email: found.email, site: site.name[locale] })}
          action="/api/newsletter/unsubscribe"
          token={unsubscribeToken}
          button={t('unsubscribeButton')}
        />
      );
    }
    return <Landing locale={locale} status={found ? 'unsubscribed' : 'unknown'} />;
  }
  const status = one(query['status']);
  return <Landing locale={locale} status={STATUSES.find((s) => s === status)} />;
}

async function Landing({ locale, status }: { locale: Locale; status?: Status }) {
  const t = await getTranslations({ locale, namespace: 'Newsletter' });
  const good = status !== undefined && GOOD.includes(status);
  return (
    <div className="mx-auto max-w-xl" data-testid="newsletter-page">
      <PageHeading title={t('title')}>{t('pitch')}</PageHeading>
      {status && (
        <p
          role="status"
          data-testid="newsletter-status"
          data-status={status}
          className={`mb-6 rounded-lg px-4 py-3 font-bold ${good ? 'bg-green-100 text-green-950' : 'bg-amber-100 text-amber-950'}`}
        >
          {t(`outcome.${status}`)}
        </p>
      )}
      {status !== 'check-inbox' && status !== 'confirmed' && (
        <>
          <NewsletterForm locale={locale} id="newsletter-page" />
          <p className="mt-3 text-sm text-neutral-700 dark:text-neutral-300">{t('privacy')}</p>
        </>
      )}
      {(status === 'confirmed' || status === 'unsubscribed' || status === 'check-inbox') && (
        <p className="mt-6">
          <a href={`/${locale}`} className="font-bold text-accent-700 underline dark:text-accent-300">
            {t('back')}
          </a>
        </p>
      )}
    </div>
  );
}

type ActionProps = { locale: Locale; title: string; body: string; action: string; token: string; button: string };

function Action({ locale, title, body, action, token, button }: ActionProps) {
  return (
    <div className="mx-auto max-w-xl" data-testid="newsletter-page">
      <PageHeading title={title}>{body}</PageHeading>
      <form method="post" action={action}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <button
          type="submit"
          className="h-11 rounded-full bg-neutral-900 px-6 font-bold text-white dark:bg-white dark:text-neutral-900"
          data-testid="newsletter-action"
        >
          {button}
        </button>
      </form>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
// Imported, not read: when the live preview writes it, `next dev` refreshes the open page.
import { problems } from '@/.contentlayer/site/preview-problems.json';

type PreviewProblem = { file: string; line?: number; column?: number; message: string; fix: string };

/**
 * In the live preview only: what was wrong with the last save, over the last good version of the
 * page, so a writer sees it where they are looking, not only in the terminal (pipeline/preview.ts).
 */
export async function PreviewProblems({ locale }: { locale: Locale }) {
  const list = problems as PreviewProblem[] | undefined;
  if (process.env.NODE_ENV !== 'development' || list === undefined || list.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'Preview' });
  return (
    <div
      role="alert"
      data-testid="preview-problems"
      className="border-b-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-50"
    >
      <p className="font-bold">{t('problemsTitle')}</p>
      <ul className="mt-2 space-y-2">
        {list.map((p, i) => (
          <li key={i}>
            <code className="font-mono break-all">
              {p.file}
              {p.line ? `:${p.line}:${p.column ?? 1}` : ''}
            </code>{' '}
            {p.message}
            <br />
            <span className="text-red-800 dark:text-red-200">
              {t('fix')}
              {p.fix}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { ReactNode } from 'react';

type PageHeadingProps = { title: string; kicker?: string; children?: ReactNode; picture?: ReactNode };

/** The heading of a listing page: an optional picture (an author's), small label, the title, and a line of text. */
export function PageHeading({ title, kicker, children, picture }: PageHeadingProps) {
  return (
    <header className="mb-8 flex items-start gap-5 border-b border-neutral-200 pb-6 dark:border-neutral-800">
      {picture}
      <div className="min-w-0">
        {kicker && <p className="text-sm font-bold text-accent-700 dark:text-accent-300">{kicker}</p>}
        <h1 className="mt-1 text-3xl leading-tight font-black sm:text-4xl">{title}</h1>
        {children && <div className="mt-3 max-w-3xl text-neutral-600 dark:text-neutral-400">{children}</div>}
      </div>
    </header>
  );
}

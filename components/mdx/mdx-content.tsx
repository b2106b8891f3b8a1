import type { ComponentProps } from 'react';
import { getMDXComponent } from 'next-contentlayer2/hooks';
import type { Locale } from '@/i18n/routing';

type MdxContentProps = { code: string; locale: Locale };

// External links open normally but tell the destination nothing about the reader.
function Anchor({ href = '', ...props }: ComponentProps<'a'>) {
  const external = /^https?:\/\//.test(href);
  return <a href={href} {...props} {...(external ? { rel: 'noopener noreferrer' } : {})} />;
}

type TermProps = { hant: string; hans: string };

/** `<Term hant="輝達" hans="英伟达" />`: one phrase written by hand in each script. */
function termFor(locale: Locale) {
  return function Term({ hant, hans }: TermProps) {
    // Marked so that checks of script purity can tell an editor's deliberate choice from a leftover.
    return <span data-term="">{locale === 'zh-Hant' ? hant : hans}</span>;
  };
}

const componentsFor = (locale: Locale) => ({ a: Anchor, Term: termFor(locale) });
const components = { 'zh-Hant': componentsFor('zh-Hant'), 'zh-Hans': componentsFor('zh-Hans') };

/** Renders a compiled article body on the server; it ships no client JavaScript. */
export function MdxContent({ code, locale }: MdxContentProps) {
  // Called as a function rather than mounted as a component: the compiled body is a pure function
  // of its props, and a component type made anew on each render is what React warns against.
  const renderBody = getMDXComponent(code);
  return renderBody({ components: components[locale] });
}

import type { ComponentProps } from 'react';
import { getMDXComponent } from 'next-contentlayer2/hooks';

type MdxContentProps = { code: string };

// External links open normally but tell the destination nothing about the reader.
function Anchor({ href = '', ...props }: ComponentProps<'a'>) {
  const external = /^https?:\/\//.test(href);
  return <a href={href} {...props} {...(external ? { rel: 'noopener noreferrer' } : {})} />;
}

const components = { a: Anchor };

/** Renders a compiled article body on the server; it ships no client JavaScript. */
export function MdxContent({ code }: MdxContentProps) {
  // Called as a function rather than mounted as a component: the compiled body is a pure function
  // of its props, and a component type made anew on each render is what React warns against.
  const renderBody = getMDXComponent(code);
  return renderBody({ components });
}

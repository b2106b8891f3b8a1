import type { ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { articleComponents, type BodyContext } from './article-components';

type MdxContentProps = BodyContext & { code: string };

type CompiledBody = { default: (props: { components: ReturnType<typeof articleComponents> }) => ReactNode };

/** Renders a compiled article body on the server; it ships no client JavaScript. */
export function MdxContent({ code, ...context }: MdxContentProps) {
  // The body is @mdx-js/mdx's function-body output (pipeline/mdx-compile.ts): it takes the JSX
  // runtime as its argument and returns its module, as @mdx-js/mdx's own runSync runs it.
  const body = new Function(code)(runtime) as CompiledBody;
  // Called as a function rather than mounted as a component: the compiled body is a pure function
  // of its props, and a component type made anew on each render is what React warns against.
  return body.default({ components: articleComponents(context) });
}

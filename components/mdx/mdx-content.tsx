import { getMDXComponent } from 'next-contentlayer2/hooks';
import { articleComponents, type BodyContext } from './article-components';

type MdxContentProps = BodyContext & { code: string };

/** Renders a compiled article body on the server; it ships no client JavaScript. */
export function MdxContent({ code, ...context }: MdxContentProps) {
  // Called as a function rather than mounted as a component: the compiled body is a pure function
  // of its props, and a component type made anew on each render is what React warns against.
  const renderBody = getMDXComponent(code);
  return renderBody({ components: articleComponents(context) });
}

// The components an article body may use, declared once. The renderer (components/mdx/), the
// content check (pipeline/check/body.ts), the script conversion (pipeline/convert.ts), the index
// step's image sizes (pipeline/index/) and the editors' guide's table (kept in step by a test) all
// read this list.
import type { ReactNode } from 'react';

type AttributeSpec = {
  required: boolean;
  /** Text a reader sees, converted with the rest of the body when the other script is derived. */
  converted: boolean;
  /** A path under public/ to an image the body shows: checked to exist, measured at build. */
  image?: true;
  /** The only values allowed, when the attribute picks from a fixed set. */
  values?: readonly string[];
  /** The form a value must have (an id that goes into an address), and how to write it. */
  pattern?: RegExp;
  patternFix?: string;
};

type ComponentSpec = {
  /** True when the component wraps Markdown (`<Callout>…</Callout>`), false when it stands alone (`<Figure />`). */
  children: boolean;
  attributes: Record<string, AttributeSpec>;
};

// Generic in `required`, so that the props types below know which attributes are required.
const text = <R extends boolean>(required: R) => ({ required, converted: true as const });
const code = <R extends boolean>(required: R) => ({ required, converted: false as const });

export const bodyComponents = {
  Figure: {
    children: false,
    attributes: {
      src: { required: true, converted: false, image: true },
      alt: text(true),
      caption: text(false),
      credit: text(false),
    },
  },
  PullQuote: { children: true, attributes: { cite: text(false) } },
  Callout: { children: true, attributes: { title: text(false) } },
  Video: {
    children: false,
    attributes: {
      provider: { required: true, converted: false, values: ['youtube', 'vimeo'] },
      // The id goes into the player's address: only what YouTube and Vimeo ids are made of.
      id: {
        ...code(true),
        pattern: /^[A-Za-z0-9_-]{1,64}$/,
        patternFix: '只填影片的 id（英文字母、數字、- 與 _），例如網址 youtube.com/watch?v=dQw4w9WgXcQ 的 dQw4w9WgXcQ',
      },
      title: text(true),
    },
  },
  // Each script's form exactly as the editor wrote it: never converted.
  Term: { children: false, attributes: { hant: code(true), hans: code(true) } },
} as const satisfies Record<string, ComponentSpec>;

export type BodyComponentName = keyof typeof bodyComponents;

type Spec<N extends BodyComponentName> = (typeof bodyComponents)[N];
type Attributes<N extends BodyComponentName> = Spec<N>['attributes'];
type AttributeValue<A> = A extends { values: readonly (infer V)[] } ? V : string;

/** The props each body component receives, as the spec declares them (children when it wraps Markdown). */
export type BodyComponentProps<N extends BodyComponentName> = {
  [K in keyof Attributes<N> as Attributes<N>[K] extends { required: true } ? K : never]: AttributeValue<
    Attributes<N>[K]
  >;
} & {
  [K in keyof Attributes<N> as Attributes<N>[K] extends { required: true } ? never : K]?: AttributeValue<
    Attributes<N>[K]
  >;
} & (Spec<N>['children'] extends true ? { children: ReactNode } : unknown);

/** Looks a component up by the name an editor wrote; undefined when the body may not use it. */
export function bodyComponent(name: string): ComponentSpec | undefined {
  return Object.hasOwn(bodyComponents, name) ? bodyComponents[name as BodyComponentName] : undefined;
}

/** Every component name, for messages that list what is allowed. */
export const bodyComponentNames = Object.keys(bodyComponents) as BodyComponentName[];

/** Attributes whose values are never converted between scripts (paths, ids, each script's own form). */
export const unconvertedAttributes = [
  ...new Set(
    Object.values(bodyComponents).flatMap((c) =>
      Object.entries(c.attributes).flatMap(([name, a]) => (a.converted ? [] : [name])),
    ),
  ),
];

/** Attributes that hold an image path, by component. */
export const imageAttributes = Object.entries(bodyComponents).flatMap(([component, c]) =>
  Object.entries(c.attributes).flatMap(([attribute, a]) => ('image' in a && a.image ? [{ component, attribute }] : [])),
);

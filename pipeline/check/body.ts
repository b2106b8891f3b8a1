import { createProcessor } from '@mdx-js/mdx';
import { locales } from '@/i18n/locales';
import { bodyComponent, bodyComponentNames } from '@/lib/body-components';
import type { ImageSize } from '@/lib/content-model';
import { explainMdxError } from './syntax-errors';
import { linkProblem } from './text-rules';

/** A mistake inside an article body, at a line and column of the body. */
export type BodyProblem = { line: number; column: number; message: string; fix: string };

export type BodyCheckContext = {
  imageSize: (src: string) => ImageSize | undefined;
  /** True when an article with this slug is published, in either script. */
  articleExists: (slug: string) => boolean;
  /** True when the site has a page of its own with this slug (content/pages/); unchecked when absent. */
  sitePageExists?: (slug: string) => boolean;
  /** The file's line the body starts on, for positions the parser writes into its messages. */
  firstLine?: number;
};

type Point = { line: number; column: number };
type Attribute = { type: string; name?: string; value?: unknown };
type Node = {
  type: string;
  name?: string | null;
  url?: string;
  alt?: string | null;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: Point };
};

const ALLOWED = bodyComponentNames.join('、');
const ARTICLE_LINK = new RegExp(`^/(?:${locales.join('|')})/articles/([^/?#]+)/?(?:[?#].*)?$`);
const SITE_PAGE_LINK = new RegExp(`^/(?:${locales.join('|')})/info/([^/?#]+)/?(?:[?#].*)?$`);
const processor = createProcessor();

/** A slug as a link writes it, percent-decoded when it can be (a broken escape is then not a published slug). */
export const decodedSlug = (slug: string) => {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
};

/** Reports a problem at a node's place in the body. */
type At = (node: Node, message: string, fix: string) => void;

type ComponentSpec = NonNullable<ReturnType<typeof bodyComponent>>;

/** The parser's error as the one problem of a body that does not parse. */
function syntaxProblem(error: unknown, firstLine: number): BodyProblem {
  const e = error as { line?: number; column?: number; reason?: string; message?: string };
  return {
    line: e.line ?? 1,
    column: e.column ?? 1,
    ...explainMdxError(e.reason ?? e.message ?? '', firstLine - 1),
  };
}

/** An image a component shows must be a file under public/, named by a path from the site's root. */
function checkImageSource(node: Node, src: string, at: At, context: BodyCheckContext) {
  if (/^https?:\/\//.test(src)) {
    at(node, `內文圖片不能直接連到外部網址：${src}`, '把圖片下載後放在 public/images/ 底下，填寫以 / 開頭的路徑');
  } else if (!src.startsWith('/') || !context.imageSize(src)) {
    at(
      node,
      `找不到內文圖片「${src}」`,
      '把圖片放在 public/ 底下，並填寫以 / 開頭的路徑，例如 /images/articles/<代稱>/photo.jpg',
    );
  }
}

/** A component's attributes written as plain text, by name; every other attribute is a problem. */
function attributeValues(node: Node, name: string, spec: ComponentSpec, at: At): Map<string, string> {
  const values = new Map<string, string>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      at(node, `<${name}> 的屬性不能用 {...} 展開`, '每個屬性寫成 名稱="文字"');
    } else if (!Object.hasOwn(spec.attributes, attribute.name)) {
      at(
        node,
        `<${name}> 沒有 ${attribute.name} 這個屬性`,
        `可用的屬性：${Object.keys(spec.attributes).join('、') || '（無）'}`,
      );
    } else if (typeof attribute.value !== 'string') {
      at(node, `<${name}> 的 ${attribute.name} 必須是以雙引號括住的文字`, `寫成 ${attribute.name}="…"，不要用大括號`);
    } else {
      values.set(attribute.name, attribute.value);
    }
  }
  return values;
}

/** The values of a component's attributes against its spec: required ones, images, allowed values, forms. */
function checkAttributeRules(
  node: Node,
  name: string,
  spec: ComponentSpec,
  values: ReadonlyMap<string, string>,
  at: At,
  context: BodyCheckContext,
) {
  const rules = Object.entries(spec.attributes);
  for (const [attribute, rule] of rules) {
    if (rule.required && !values.get(attribute)?.trim())
      at(node, `<${name}> 缺少 ${attribute} 屬性`, `加上 ${attribute}="…"`);
  }
  for (const [attribute, rule] of rules) {
    const value = values.get(attribute);
    if (rule.image && value) checkImageSource(node, value, at, context);
    if (rule.values && value !== undefined && !rule.values.includes(value)) {
      at(node, `<${name}> 不支援 ${attribute}="${value}"`, `目前支援 ${rule.values.join(' 與 ')}`);
    }
    if (rule.pattern && value && !rule.pattern.test(value))
      at(node, `<${name}> 的 ${attribute}="${value}" 格式不對`, rule.patternFix ?? `改成符合 ${rule.pattern} 的值`);
  }
}

/** A JSX element: one of the allowed components, with plain text attributes its spec accepts. */
function checkComponent(node: Node, at: At, context: BodyCheckContext) {
  const name = node.name ?? '';
  const spec = bodyComponent(name);
  if (!spec) {
    at(
      node,
      name ? `未知的元件 <${name}>` : '文章裡不能有 <> 片段',
      `文章只能使用這些元件：${ALLOWED}；HTML 標籤請改用 Markdown`,
    );
    return;
  }
  checkAttributeRules(node, name, spec, attributeValues(node, name, spec, at), at, context);
}

/** A link's address: a safe one, and a story or site page of this site that exists. */
function checkLink(node: Node, at: At, context: BodyCheckContext) {
  const problem = linkProblem(node.url ?? '');
  if (problem) {
    at(node, problem.message, problem.fix);
    return;
  }
  const slug = ARTICLE_LINK.exec(node.url ?? '')?.[1];
  if (slug && !context.articleExists(decodedSlug(slug))) {
    at(node, `連結的文章「${slug}」不存在`, '檢查網址裡的代稱，它必須是 content/articles/ 底下已發布文章的資料夾名稱');
  }
  const page = SITE_PAGE_LINK.exec(node.url ?? '')?.[1];
  if (page && context.sitePageExists && !context.sitePageExists(decodedSlug(page))) {
    at(
      node,
      `連結的網站頁面「${page}」不存在`,
      '檢查網址裡的代稱，它必須是 content/pages/ 底下的資料夾名稱，例如 /zh-Hant/info/about',
    );
  }
}

/** Checks a node by its kind, then its children, in the order they are written. */
function visit(node: Node, at: At, context: BodyCheckContext) {
  switch (node.type) {
    case 'mdxjsEsm':
      at(node, '文章裡不能有 import 或 export', `刪除這一行；文章只能使用 Markdown 與允許的元件（${ALLOWED}）`);
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      at(node, '文章裡不能有 { } 運算式', 'MDX 會把大括號當成程式碼執行：刪除它，或把文字裡的大括號寫成 \\{ 與 \\}');
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkComponent(node, at, context);
      break;
    case 'image':
      // Only <Figure> images get their size measured, so they never shift the page as they load.
      at(
        node,
        'Markdown 圖片語法 ![…](…) 不能用在文章裡',
        '改用 <Figure src="…" alt="…" caption="…" credit="…" />，圖片才有固定尺寸、圖說與圖片來源',
      );
      break;
    // A reference-style link's address is its definition (`[名稱]: 網址`), checked there.
    case 'definition':
    case 'link':
      checkLink(node, at, context);
      break;
  }
  node.children?.forEach((child) => visit(child, at, context));
}

/**
 * Checks an MDX body without compiling it: syntax, and the rule that a body is Markdown plus the
 * allowed components with plain text attributes (MDX compiles to code; nothing else may run).
 */
export function checkBody(body: string, context: BodyCheckContext): BodyProblem[] {
  let tree: Node;
  try {
    tree = processor.parse(body) as Node;
  } catch (error) {
    return [syntaxProblem(error, context.firstLine ?? 1)];
  }
  const problems: BodyProblem[] = [];
  const at: At = (node, message, fix) =>
    problems.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message, fix });
  visit(tree, at, context);
  return problems;
}

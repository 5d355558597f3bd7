import { type DefaultTreeAdapterTypes, parse, defaultTreeAdapter as tree } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose text is not the page's: code, styles, forms, and the site's navigation and frame. */
const dropped = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'canvas',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
]);
const droppedRoles = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'menu',
  'menubar',
]);

/** Elements that start a line of their own: each paragraph or heading of the page becomes one line. */
const blocks = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * The text of an HTML page as a browser saved it, one block (paragraph, heading, list item…) a line. parse5
 * parses it as a browser does and decodes every entity; scripts, styles, navigation, headers and footers, and
 * hidden elements are left out. When the page marks its main content (<main> or role="main"), only that is read.
 */
export function pageText(html: string): string {
  const document = parse(html);
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const walk = (node: Node) => {
    if (tree.isTextNode(node)) {
      line += tree.getTextNodeContent(node);
      return;
    }
    if (!tree.isElementNode(node)) {
      for (const child of childrenOf(node)) walk(child);
      return;
    }
    if (isDropped(node)) return;
    const block = blocks.has(tree.getTagName(node));
    if (block) endLine();
    for (const child of childrenOf(node)) walk(child);
    if (block) endLine();
  };
  walk(findMain(document) ?? document);
  endLine();
  return lines.join('\n\n');
}

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

function attribute(element: Element, name: string): string | undefined {
  return tree.getAttrList(element).find((attr) => attr.name === name)?.value;
}

function isDropped(element: Element): boolean {
  return (
    dropped.has(tree.getTagName(element)) ||
    droppedRoles.has(attribute(element, 'role') ?? '') ||
    attribute(element, 'hidden') !== undefined ||
    attribute(element, 'aria-hidden') === 'true'
  );
}

function findMain(node: Node): Element | undefined {
  if (tree.isElementNode(node)) {
    if (isDropped(node)) return undefined;
    if (tree.getTagName(node) === 'main' || attribute(node, 'role') === 'main') return node;
  }
  for (const child of childrenOf(node)) {
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

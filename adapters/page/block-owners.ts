/** Where a node's text belongs on the page, and whether it is drawn at all. */
import { isBlockElement } from './text-blocks';

/** The block element a text node's text belongs to (crossing shadow boundaries). */
export function ownerOf(node: Node): Element | null {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n) {
    if (n.nodeType === 1 && isBlockElement(n as Element)) return n as Element;
    n = n.parentNode ?? ((n as ShadowRoot).host || null);
  }
  return null;
}

export function hasBlockChildren(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlockElement(c)) return true;
  return false;
}

/** Rendered and visible (display, visibility, content-visibility), where the browser can tell. */
export function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?(o?: object): boolean }).checkVisibility;
  return check ? check.call(el, { visibilityProperty: true }) : true;
}

/**
 * The open shadow roots in a subtree, the element's own included, and those nested in
 * them: querySelectorAll stops at shadow boundaries, so each root found is searched too.
 * The scanner watches (and hit testing looks inside) every one.
 */
export function shadowRootsIn(node: Node): ShadowRoot[] {
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return [];
  const roots: ParentNode[] = [node as ParentNode];
  if (node.nodeType === 1 && (node as Element).shadowRoot) roots.push((node as Element).shadowRoot!);
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i]!.querySelectorAll?.('*') ?? []) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return roots.slice(1) as ShadowRoot[];
}

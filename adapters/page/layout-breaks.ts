/**
 * Blocks as the browser draws them. `collectTextBlocks` cuts the page at block tags,
 * which costs no style read; but news sites lay out inline tags as blocks all the time
 * (a "Related" list of `<a style="display:block">`, a card grid of `<span>`s in a flex
 * row, a kicker above a headline), and read by tags those run together into one string
 * ("RelatedImran Khan's party…conditionsTrump says…"), where names go unseen and
 * phrases join across items. A tag-built block is cut again wherever the elements
 * between two of its text nodes are not laid out inline.
 *
 * Only the elements at a join between two text nodes are looked at, once each, so a
 * paragraph of plain text costs no style read and a paragraph with three links costs
 * about three.
 */
import type { PageBlock, TextSegment } from './text-blocks';

/** Whether an element flows inline with the text around it (the browser reads computed style). */
export type FlowsInline = (el: Element) => boolean;

/**
 * Computed `display` values whose content runs on with the text around it. An empty
 * value (no layout engine, a detached element) says nothing, so it does not cut.
 */
export function isInlineDisplay(display: string): boolean {
  return display === 'inline' || display === 'contents' || display === '' || display.startsWith('ruby');
}

/**
 * The block cut at every join where layout breaks the line. Returns the block itself
 * when nothing breaks it (the common case, no allocation); pieces keep the block's key,
 * since the scanner keys blocks when it hands them on.
 */
export function splitAtLayoutBreaks(block: PageBlock, flowsInline: FlowsInline): PageBlock[] {
  const segments = block.segments;
  if (segments.length < 2) return [block];
  let pieces: PageBlock[] | null = null;
  let from = 0;
  for (let i = 1; i < segments.length; i++) {
    if (!breaksBetween(segments[i - 1]!.node, segments[i]!.node, flowsInline)) continue;
    (pieces ??= []).push(piece(block, from, i));
    from = i;
  }
  if (!pieces) return [block];
  pieces.push(piece(block, from, segments.length));
  // A piece of whitespace alone (indentation between two block-like links) reads as nothing.
  return pieces.filter((p) => p.text.trim() !== '');
}

function piece(block: PageBlock, from: number, to: number): PageBlock {
  const segs = block.segments;
  const start = segs[from]!.start;
  const end = to < segs.length ? segs[to]!.start : block.text.length;
  const segments: TextSegment[] = [];
  for (let i = from; i < to; i++) segments.push({ node: segs[i]!.node, start: segs[i]!.start - start });
  return { key: block.key, text: block.text.slice(start, end), segments };
}

/**
 * Whether layout breaks the line between text nodes `a` and `b` (b after a in the same
 * tag-built block): an element left, entered or stepped over between them is not inline.
 */
function breaksBetween(a: Text, b: Text, flowsInline: FlowsInline): boolean {
  const common = a.parentNode;
  if (common === b.parentNode) {
    // Siblings: only elements between them (an empty divider, a hidden span) can break.
    for (let n = a.nextSibling; n && n !== b; n = n.nextSibling) {
      if (n.nodeType === 1 && !flowsInline(n as Element)) return true;
    }
    return false;
  }
  // Leave a's ancestors up to the one holding b, checking each element left.
  let left: Node = a;
  let up = a.parentNode;
  while (up && !up.contains(b)) {
    if (up.nodeType === 1 && !flowsInline(up as Element)) return true;
    left = up;
    up = up.parentNode;
  }
  if (!up) return false;
  // Enter b's ancestors down from there, checking each element entered.
  let entered: Node = b;
  for (let n = b.parentNode; n && n !== up; n = n.parentNode) {
    if (n.nodeType === 1 && !flowsInline(n as Element)) return true;
    entered = n;
  }
  // And the elements stepped over between the two branches.
  for (let n = left.nextSibling; n && n !== entered; n = n.nextSibling) {
    if (n.nodeType === 1 && !flowsInline(n as Element)) return true;
  }
  return false;
}

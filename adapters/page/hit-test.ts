/**
 * Which mention is under the pointer. The caret position under the point gives a text
 * position, and the mention's own rectangles confirm the pointer is really on it (a
 * caret snaps to the nearest character even when the pointer is in a margin). Where
 * there is no caret position, `CSS.highlights.highlightsFromPoint()` answers instead.
 */
import { liveRange, type MentionIndex, type PageMention } from './mention-index';

interface HighlightHit {
  highlight: unknown;
  ranges?: AbstractRange[];
}

/**
 * Both lookups stop at a shadow host unless told which shadow roots they may enter:
 * mentions inside open shadow roots are found only when their roots are passed.
 */
interface PointOptions {
  shadowRoots?: ShadowRoot[];
}

type DocWithCaret = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: PointOptions): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

export function mentionAtPoint(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): PageMention | null {
  const options: PointOptions = shadowRoots.length ? { shadowRoots } : {};
  // The caret position first: it costs the same on any page. highlightsFromPoint
  // measures every range of every highlight on each call (170 ms a call with 750 marks
  // in one 5 MB text node, on every pointer frame), so it is asked only where there is
  // no caret position to go by.
  const position = caretAt(doc, x, y, options);
  if (position && position.node.nodeType === 3) {
    const mention = index.at(position.node, position.offset) ?? index.at(position.node, position.offset - 1);
    return mention && pointInRange(doc, mention, x, y) ? mention : null;
  }
  const registry = (
    doc.defaultView?.CSS as unknown as {
      highlights?: { highlightsFromPoint?(x: number, y: number, options?: PointOptions): HighlightHit[] };
    }
  )?.highlights;
  if (registry?.highlightsFromPoint) {
    for (const hit of registry.highlightsFromPoint(x, y, options)) {
      for (const range of hit.ranges ?? []) {
        const mention = index.forRange(range);
        if (mention) return mention;
      }
    }
  }
  return null;
}

/** The text position nearest a point (it snaps to the closest line, even from a margin). */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  options: PointOptions = {},
): { node: Node; offset: number } | null {
  const d = doc as DocWithCaret;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y, options);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function pointInRange(doc: Document, mention: PageMention, x: number, y: number): boolean {
  const range = liveRange(doc, mention.range);
  if (!range) return false;
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * Which mention is under the pointer. `CSS.highlights.highlightsFromPoint()` answers
 * directly where the browser has it; elsewhere the caret position under the point gives
 * a text position, and the mention's own rectangles confirm the pointer is really on it
 * (a caret snaps to the nearest character even when the pointer is in a margin).
 */
import { liveRange, type MentionIndex, type PageMention } from './mention-index';

interface HighlightHit {
  highlight: unknown;
  ranges?: AbstractRange[];
}

type DocWithCaret = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

export function mentionAtPoint(doc: Document, index: MentionIndex, x: number, y: number): PageMention | null {
  const registry = (doc.defaultView?.CSS as unknown as { highlights?: { highlightsFromPoint?(x: number, y: number): HighlightHit[] } })?.highlights;
  if (registry?.highlightsFromPoint) {
    const hits = registry.highlightsFromPoint(x, y);
    for (const hit of hits) {
      for (const range of hit.ranges ?? []) {
        const mention = index.forRange(range);
        if (mention) return mention;
      }
    }
    // Older implementations return highlights without ranges: a hit on one of ours
    // still tells us to look closer; no hit on ours means there is nothing here.
    if (hits.length && hits.every((h) => h.ranges !== undefined)) return null;
  }
  const position = caretAt(doc as DocWithCaret, x, y);
  if (!position) return null;
  const mention = index.at(position.node, position.offset) ?? index.at(position.node, position.offset - 1);
  if (!mention) return null;
  return pointInRange(doc, mention, x, y) ? mention : null;
}

function caretAt(doc: DocWithCaret, x: number, y: number): { node: Node; offset: number } | null {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
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

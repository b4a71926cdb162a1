/**
 * Where the card goes, as pure geometry so it can be tested without a browser: next to
 * the mention (below it by default, above when there is more room there), flipped at
 * the viewport's edges and clamped so no part is ever off-screen. On narrow screens
 * (phones), the card becomes a bottom sheet, as touch readers expect.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card must scroll inside itself to fit. */
  maxHeight: number;
  width: number;
  side: 'below' | 'above' | 'sheet';
}

/** Gap between mention and card, and minimum distance from the viewport edge. */
const GAP = 6;
export const EDGE = 8;
/** Below this viewport width a floating card would cover the text; use a sheet. */
export const SHEET_BELOW_WIDTH = 520;
export const CARD_WIDTH = 400;
/**
 * A hover card taller than this covers the paragraph being read; the rest scrolls
 * inside the card. (About 60% of a 1280×800 laptop viewport: room for the head, the lead
 * and three facts.)
 */
export const CARD_MAX_HEIGHT = 520;
/**
 * A phone's bottom sheet takes at most this share of the screen: the head, the lead and
 * three facts, with a third of the screen left for the text the reader tapped in.
 */
export const SHEET_MAX_SHARE = 0.65;

/**
 * `rtl`: the mention is in right-to-left text (Urdu, Persian), where the eye starts
 * from the right: the card lines up with the mention's right edge instead of its left.
 */
export function placeCard(
  anchor: Rect,
  cardHeight: number,
  viewport: { width: number; height: number },
  rtl = false,
): Placement {
  if (viewport.width < SHEET_BELOW_WIDTH) {
    const maxHeight = Math.round(viewport.height * SHEET_MAX_SHARE);
    const height = Math.min(cardHeight, maxHeight);
    return { left: 0, top: viewport.height - height, width: viewport.width, maxHeight, side: 'sheet' };
  }
  const width = Math.min(CARD_WIDTH, viewport.width - 2 * EDGE);
  const left = clamp(rtl ? anchor.left + anchor.width - width : anchor.left, EDGE, viewport.width - EDGE - width);
  const roomBelow = viewport.height - (anchor.top + anchor.height) - GAP - EDGE;
  const roomAbove = anchor.top - GAP - EDGE;
  const wanted = Math.min(cardHeight, CARD_MAX_HEIGHT);
  const below = wanted <= roomBelow || roomBelow >= roomAbove;
  const room = Math.min(Math.max(below ? roomBelow : roomAbove, 120), CARD_MAX_HEIGHT);
  const height = Math.min(cardHeight, room);
  const top = below ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  return {
    left: Math.round(left),
    top: Math.round(clamp(top, EDGE, viewport.height - EDGE - height)),
    width,
    maxHeight: Math.round(room),
    side: below ? 'below' : 'above',
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

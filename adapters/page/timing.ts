/**
 * Every timing constant of the page side, with the reason for its value. Hover values
 * follow Wikipedia's Page Previews, tuned on millions of readers: long enough that a
 * pointer crossing text on its way elsewhere opens nothing, short enough to feel
 * immediate to someone who stopped on a name.
 *
 * Read as `TIMING.x`, never passed around as a value: then the minifier makes each number
 * a constant of its own and drops the names (166 B of the content script, gzipped).
 */
export const TIMING = {
  /** Pointer resting on a mention this long: fetch its card data, so the card is ready. */
  lookupDelayMs: 150,
  /** Pointer resting on a mention this long: show the card (Page Previews: ~500 ms). */
  showDelayMs: 500,
  /**
   * After the pointer leaves the mention or the card, keep the card this long, so the
   * pointer can travel across the gap into the card (Page Previews: 300 ms).
   */
  hideGraceMs: 300,
  /**
   * Above this pointer speed (px per ms; 0.5 = 500 px/s) the reader is sweeping, not
   * pointing: hover intent is not counted. A deliberate stop on a word is far slower.
   */
  sweepSpeedPxPerMs: 0.5,
  /** Speed is measured over this window, long enough to smooth jittery mice. */
  speedWindowMs: 60,
  /** Focus ring on the mention the keyboard stepped to: visible long enough to find. */
  flashMs: 1600,
  /**
   * Scanning work per slice. Half a 60 Hz frame leaves the page the other half, so
   * scrolling stays smooth while a large page is read.
   */
  sliceBudgetMs: 8,
  /**
   * On a page that changes constantly (tickers, live blogs), scanning may use at most
   * this share of the main thread: after a slice of t ms we wait t × (1/share − 1).
   */
  maxMainThreadShare: 0.2,
  /** Mutations are gathered this long before scanning, so a burst is scanned once. */
  mutationSettleMs: 50,
} as const;

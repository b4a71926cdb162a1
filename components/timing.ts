/**
 * The timing values of the extension's own pages (the popup, the side panel), with the
 * reason for each. The page side's are in adapters/page/timing.ts; how long a page that
 * did not answer waits before it is asked again is DIGEST_RETRY_MS in page-report.ts.
 */
export const PAGE_TIMING = {
  /** After a switch flips, the page needs a moment to follow before its digest is asked again. */
  settingsSettleMs: 300,
  /** The result count is announced to screen readers once typing pauses this long. */
  announceAfterMs: 350,
  /** A timeline item brought into view ("Show on timeline", "Around this article") stays highlighted this long. */
  flashMs: 2400,
} as const;

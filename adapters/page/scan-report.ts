/**
 * Benchmark instrumentation (bench/run.ts, the robustness e2e): the page scanner's
 * initial scan is reported as User Timing entries, the mark `backstory:scan-start` and
 * the measure `backstory:scan`, whose detail holds `busyMs`, `slices`, `longestSliceMs`
 * and `mentions`; the page's own performance timeline shows them too. Nothing else reads
 * these fields.
 */
export interface InitialScan {
  started: boolean;
  done: boolean;
  slices: number;
  longestSliceMs: number;
}

/** What the report reads of the scanner once the scan is done. */
export interface ScanTotals {
  readonly busyMs: number;
  readonly idle: boolean;
  /**
   * The event phrases asked for and not yet read over the page: their reading is part of
   * the scan, also when they come after the first pass has read everything (a short page).
   */
  readonly readingPhrases: boolean;
  readonly index: { readonly size: number };
}

export const initialScan = (): InitialScan => ({ started: false, done: false, slices: 0, longestSliceMs: 0 });

/** At the start of every slice: marks the start of the first. */
export function sliceStarted(scan: InitialScan): void {
  if (scan.started) return;
  scan.started = true;
  performance.mark('backstory:scan-start');
}

/** At the end of every slice: counts the initial scan's slices and measures it once it is over. */
export function sliceEnded(scan: InitialScan, spent: number, scanner: ScanTotals): void {
  if (scan.done) return;
  scan.slices++;
  scan.longestSliceMs = Math.max(scan.longestSliceMs, spent);
  scanSettled(scan, scanner);
}

/** Measures the initial scan once its queue has drained and the phrases asked for have read the page. */
export function scanSettled(scan: InitialScan, scanner: ScanTotals): void {
  if (scan.done || !scanner.idle || scanner.readingPhrases) return;
  scan.done = true;
  const detail = {
    busyMs: scanner.busyMs,
    slices: scan.slices,
    longestSliceMs: scan.longestSliceMs,
    mentions: scanner.index.size,
  };
  performance.measure('backstory:scan', { start: 'backstory:scan-start', detail });
}

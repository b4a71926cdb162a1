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
  readonly index: { readonly size: number };
}

export const initialScan = (): InitialScan => ({ started: false, done: false, slices: 0, longestSliceMs: 0 });

/** At the start of every slice: marks the start of the first. */
export function sliceStarted(scan: InitialScan): void {
  if (scan.started) return;
  scan.started = true;
  performance.mark('backstory:scan-start');
}

/** At the end of every slice: counts the initial scan's slices and measures it once its queue drains. */
export function sliceEnded(scan: InitialScan, spent: number, scanner: ScanTotals): void {
  if (scan.done) return;
  scan.slices++;
  scan.longestSliceMs = Math.max(scan.longestSliceMs, spent);
  if (!scanner.idle) return;
  scan.done = true;
  const detail = {
    busyMs: scanner.busyMs,
    slices: scan.slices,
    longestSliceMs: scan.longestSliceMs,
    mentions: scanner.index.size,
  };
  performance.measure('backstory:scan', { start: 'backstory:scan-start', detail });
}

/** Waiting for the page's first frame before the first scan (see PageScanner.start). */
import type { ScanClock } from './page-scanner';

/** Longest wait for the first frame before scanning anyway (hidden tabs paint none). */
const FIRST_FRAME_WAIT_MS = 100;

/** Calls `fn` once the next frame has been rendered, or after FIRST_FRAME_WAIT_MS. */
export function afterFirstFrame(clock: ScanClock, fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clock.clearTimeout(fallback);
    fn();
  };
  const fallback = clock.setTimeout(run, FIRST_FRAME_WAIT_MS);
  // A timeout queued from a frame callback runs after that frame's style, layout and paint.
  clock.requestAnimationFrame(() => clock.setTimeout(run, 0));
}

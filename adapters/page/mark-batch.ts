/**
 * Mark changes not yet handed to the highlighter. Chrome re-validates every range of
 * every highlight in the next frame after any highlight changes (bench/README.md), so
 * adding marks in every slice made the rendering cost of a first pass grow with the
 * square of the page's mentions. During the first pass, marks are handed over when
 * they at least double what is shown (the first screenful at once, then a few growing
 * batches); afterwards, at the end of every slice that changed any.
 */
import type { Highlighter } from './highlighter';
import type { PageMention } from './mention-index';

export class MarkBatch {
  /** Whether to show (true) or take down each mark, in the order first queued; no object per mark. */
  readonly #ops = new Map<PageMention, boolean>();
  #pending = 0;
  #shown = 0;
  readonly #highlighter: Pick<Highlighter, 'add' | 'remove'>;

  constructor(highlighter: Pick<Highlighter, 'add' | 'remove'>) {
    this.#highlighter = highlighter;
  }

  /** Queues a mark to show (`add`) or take down. */
  queue(mark: PageMention, add: boolean): void {
    if (!add && this.#ops.get(mark)) {
      // Never shown: nothing to take back.
      this.#ops.delete(mark);
      this.#pending--;
      return;
    }
    this.#ops.set(mark, add);
    if (add) this.#pending++;
  }

  /** Hands the queued changes over if `now`, or if they at least double the marks shown. */
  flushIf(now: boolean): void {
    if (this.#ops.size && (now || this.#pending >= this.#shown)) this.flush();
  }

  flush(): void {
    const highlighter = this.#highlighter;
    this.#ops.forEach((add, mark) => (add ? highlighter.add(mark) : highlighter.remove(mark)));
    this.#shown += this.#pending;
    this.#ops.clear();
    this.#pending = 0;
  }

  clear(): void {
    this.#ops.clear();
    this.#pending = this.#shown = 0;
  }
}

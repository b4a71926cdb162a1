// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MarkBatch } from '../../adapters/page/mark-batch';
import type { PageMention } from '../../adapters/page/mention-index';

const mark = (n: number) => ({ entity: n, kind: 'person', block: n, range: {} }) as unknown as PageMention;

function setup() {
  const shown = new Set<PageMention>();
  const log: string[] = [];
  const batch = new MarkBatch({
    add: (m) => (shown.add(m as PageMention), log.push(`+${(m as PageMention).entity}`)),
    remove: (m) => (shown.delete(m as PageMention), log.push(`-${(m as PageMention).entity}`)),
  });
  return { batch, shown, log };
}

describe('MarkBatch', () => {
  it('during the first pass, hands marks over when they at least double what is shown', () => {
    const { batch, shown } = setup();
    const sizes: number[] = [];
    for (let i = 0; i < 40; i++) {
      batch.queue(mark(i), true);
      batch.flushIf(false);
      sizes.push(shown.size);
    }
    // The first mark at once, then batches of at least what is shown: 1, 2, 4, 8, 16, 32.
    expect([...new Set(sizes)]).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('hands everything over when told to show now', () => {
    const { batch, shown } = setup();
    for (let i = 0; i < 4; i++) batch.queue(mark(i), true);
    batch.flush();
    batch.queue(mark(9), true);
    batch.flushIf(false);
    expect(shown.size).toBe(4);
    batch.flushIf(true);
    expect(shown.size).toBe(5);
  });

  it('drops a mark taken back before it was shown, and takes down a shown one', () => {
    const { batch, log } = setup();
    const a = mark(1);
    const b = mark(2);
    batch.queue(a, true);
    batch.flush();
    batch.queue(b, true);
    batch.queue(b, false); // never shown: nothing reaches the highlighter
    batch.queue(a, false);
    batch.flushIf(true);
    expect(log).toEqual(['+1', '-1']);
  });

  it('hands changes over in the order they were queued, one per mark', () => {
    const { batch, log } = setup();
    const [a, b, c] = [mark(1), mark(2), mark(3)];
    batch.queue(a, true);
    batch.flush();
    batch.queue(b, true);
    batch.queue(a, false);
    batch.queue(c, true);
    batch.queue(a, false); // asked twice, taken down once
    batch.flush();
    expect(log).toEqual(['+1', '+2', '-1', '+3']);
  });

  it('starts over after clear: nothing queued is handed over, and the next mark shows at once', () => {
    const { batch, shown } = setup();
    for (let i = 0; i < 8; i++) batch.queue(mark(i), true);
    batch.flush();
    batch.queue(mark(8), true);
    batch.clear();
    batch.flushIf(true);
    expect(shown.size).toBe(8);
    batch.queue(mark(9), true);
    batch.flushIf(false);
    expect(shown.size).toBe(9);
  });
});

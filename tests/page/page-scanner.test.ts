import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PageScanner, type ScanClock } from '../../adapters/page/page-scanner';
import type { Highlighter } from '../../adapters/page/highlighter';
import type { PageMention } from '../../adapters/page/mention-index';
import type { DetectionSession, PageDetector, PhraseFinder, TextBlock, Update } from '../../engine/detect';
import { TIMING } from '../../adapters/page/timing';

/**
 * A fake clock: time moves only when the test runs its timers, or when the fake engine
 * "works" (each block read costs `costOf(text)` ms), so a slice's length is what the
 * scanner itself measures.
 */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  /** Each timer callback that did work: when it started and how long it took. */
  const slices: { at: number; ms: number }[] = [];
  const clock: ScanClock = {
    performance: { now: () => now },
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
    requestAnimationFrame: (fn) => clock.setTimeout(fn, 16),
  };
  /** Runs timers up to `ms` from now, letting mutation records arrive between them. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      // A timer that fell due while the last slice ran runs when it ended.
      const at = (now = Math.max(now, due[1].at));
      due[1].fn();
      if (now > at) slices.push({ at, ms: now - at });
    }
    now = Math.max(now, end);
  };
  return { clock, advance, slices, spend: (ms: number) => (now += ms) };
}

/** An engine that finds "Ada" anywhere and takes `costOf(text)` ms of the fake clock per block. */
function fakeDetector(spend: (ms: number) => void, costOf: (text: string) => number): PageDetector {
  const session: DetectionSession = {
    add(blocks: readonly TextBlock[]): Update {
      return {
        blocks: blocks.map((b) => {
          spend(costOf(b.text));
          const start = b.text.indexOf('Ada');
          return { key: b.key, mentions: start < 0 ? [] : [{ entity: 0, start, end: start + 3 }] };
        }),
      };
    },
    remove: () => ({ blocks: [] }),
    mentions: () => [],
    describe: () => ({ blocks: [] }),
    describing: false,
  };
  return { kinds: ['person'], corpus: 'test', session: () => session };
}

const fakeHighlighter = () => {
  const shown = new Set<unknown>();
  const highlighter = {
    attach() {},
    detach: () => shown.clear(),
    add: (m: unknown) => void shown.add(m),
    remove: (m: unknown) => void shown.delete(m),
  };
  return { shown, highlighter: highlighter as unknown as Highlighter };
};

function setup(paragraphs: number, costOf: (text: string) => number) {
  document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} about Ada.</p>`).join('');
  const time = fakeClock();
  const { shown, highlighter } = fakeHighlighter();
  let changes = 0;
  const scanner = new PageScanner(document, fakeDetector(time.spend, costOf), highlighter, {
    skip: () => false,
    onChange: () => changes++,
    clock: time.clock,
  });
  return { ...time, scanner, shown, changes: () => changes };
}

/** StaticRanges made: happy-dom has none, so a plain record of its four fields stands in. */
let rangesMade = 0;
beforeAll(() => {
  vi.stubGlobal('StaticRange', function StaticRange(this: object, init: StaticRangeInit) {
    rangesMade++;
    Object.assign(this, init);
  });
});

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

describe('PageScanner slicing (fake clock)', () => {
  // 1/32 ms a block: a batch of 64 blocks is 2 ms, four batches fill a slice's budget.
  const cost = () => 1 / 32;

  it('counts the phrase re-reads of the blocks read before the phrases came in its busy time', async () => {
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} about Ada.</p>`).join('');
    const time = fakeClock();
    const names = fakeDetector(time.spend, cost);
    // Five re-reads of 2 ms each, then nothing is left to describe.
    let left = 5;
    const session: DetectionSession = {
      ...names.session(),
      describe: () => {
        time.spend(2);
        left--;
        return { blocks: [] };
      },
      get describing() {
        return left > 0;
      },
    };
    const { highlighter } = fakeHighlighter();
    const scanner = new PageScanner(document, { ...names, session: () => session }, highlighter, {
      skip: () => false,
      onChange: () => {},
      loadPhrases: () => Promise.resolve({} as PhraseFinder),
      clock: time.clock,
    });
    stop = () => scanner.stop();
    const measure = vi.spyOn(performance, 'measure');
    scanner.start();
    await time.advance(10_000);
    expect(left).toBe(0);
    expect(scanner.busyMs).toBeCloseTo(40 / 32 + 5 * 2);
    // The first pass read the short page before the phrases came; the benchmark's measure
    // waits for their reading, and counts it.
    const scans = measure.mock.calls.filter(([name]) => name === 'backstory:scan');
    expect(scans.length).toBe(1);
    const detail = (scans[0]![1] as { detail: { busyMs: number; slices: number } }).detail;
    expect(detail.busyMs).toBe(scanner.busyMs);
    expect(detail.slices).toBeGreaterThan(1);
    measure.mockRestore();
  });

  it('reads a big page in several slices, each within the budget, yielding between them', async () => {
    const { scanner, advance, slices, shown } = setup(1200, cost);
    stop = () => scanner.stop();
    const measure = vi.spyOn(performance, 'measure');
    scanner.start();
    await advance(10_000);
    expect(scanner.idle).toBe(true);
    expect(scanner.index.size).toBe(1200);
    expect(shown.size).toBe(1200);
    expect(slices.length).toBeGreaterThanOrEqual(4);
    for (const slice of slices) expect(slice.ms).toBeLessThanOrEqual(TIMING.sliceBudgetMs);
    // Between two slices the page gets at least (1/share − 1) × the time the slice used.
    for (let i = 1; i < slices.length; i++) {
      const gap = slices[i]!.at - (slices[i - 1]!.at + slices[i - 1]!.ms);
      expect(gap).toBeGreaterThanOrEqual(slices[i - 1]!.ms * (1 / TIMING.maxMainThreadShare - 1));
    }
    expect(scanner.busyMs).toBeCloseTo(1200 / 32);
    // The benchmark's User Timing measure (bench/run.ts reads its detail).
    const scans = measure.mock.calls.filter(([name]) => name === 'backstory:scan');
    expect(scans).toEqual([
      [
        'backstory:scan',
        {
          start: 'backstory:scan-start',
          detail: {
            busyMs: scanner.busyMs,
            slices: slices.length,
            longestSliceMs: Math.max(...slices.map((s) => s.ms)),
            mentions: 1200,
          },
        },
      ],
    ]);
  });

  it('marks the top of the page in the first slice', async () => {
    const { scanner, advance, slices } = setup(1200, cost);
    stop = () => scanner.stop();
    scanner.start();
    await advance(40);
    expect(slices.length).toBe(1);
    const first = [...scanner.index.lists()].flat().map((m) => m.range.startContainer.textContent);
    expect(first[0]).toBe('Paragraph 0 about Ada.');
    expect(first.length).toBe(256);
  });

  it("makes a mention's range only when it is asked for, and once", async () => {
    const { scanner, advance } = setup(100, cost);
    stop = () => scanner.stop();
    rangesMade = 0;
    scanner.start();
    await advance(1000);
    expect(scanner.index.size).toBe(100);
    expect(rangesMade).toBe(0);
    const [mention] = [...scanner.index.lists()][0]!;
    const range = mention!.range;
    expect(mention!.range).toBe(range);
    expect(rangesMade).toBe(1);
    expect([range.startOffset, range.endOffset]).toEqual([18, 21]);
    expect(range.startContainer).toBe(document.querySelector('p')!.firstChild);
    expect(range.endContainer).toBe(range.startContainer);
  });

  it('keeps the marks of names a block still has when the phrases read it again', async () => {
    // "Paragraph 0 about Ada.": the phrases find an event around the name in the first
    // block, and another entity in the name's place in the second.
    document.body.innerHTML = '<p>Paragraph 0 about Ada.</p><p>Paragraph 1 about Ada.</p><p>Paragraph 2 about Ada.</p>';
    const time = fakeClock();
    const names = fakeDetector(time.spend, cost);
    let described = false;
    const session: DetectionSession = {
      ...names.session(),
      describe: () => {
        described = true;
        const [a, b] = [...scanner.index.lists()].map((list) => list[0]!.block);
        return {
          blocks: [
            {
              key: a!,
              mentions: [
                { entity: 1, start: 12, end: 21 },
                { entity: 0, start: 18, end: 21 },
              ],
            },
            { key: b!, mentions: [{ entity: 1, start: 18, end: 21 }] },
          ],
        };
      },
      get describing() {
        return !described;
      },
    };
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const highlighter = {
      attach() {},
      detach() {},
      add: (m: unknown) => void added.push(m),
      remove: (m: unknown) => void removed.push(m),
    } as unknown as Highlighter;
    const scanner = new PageScanner(
      document,
      { ...names, kinds: ['person', 'event'], session: () => session },
      highlighter,
      {
        skip: () => false,
        onChange: () => {},
        loadPhrases: () => Promise.resolve({} as PhraseFinder),
        clock: time.clock,
      },
    );
    stop = () => scanner.stop();
    scanner.start();
    await time.advance(10_000);
    expect(described).toBe(true);
    const [first, second, third] = (added.slice(0, 3) as PageMention[]).map((m) => scanner.index.marksOf(m.block));
    expect(first!.map((m) => m.entity)).toEqual([1, 0]);
    expect(second!.map((m) => m.entity)).toEqual([1]);
    // The first pass's three names went up; then only the event and the second block's
    // new entity. The first block's name is the mark the first pass put up, never taken
    // down; only the name whose entity changed was.
    expect(added.length).toBe(5);
    expect(added[0]).toBe(first![1]);
    expect(added[2]).toBe(third![0]);
    expect(added.slice(3)).toEqual([first![0], second![0]]);
    expect(removed).toEqual([added[1]]);
  });

  /** A scanner whose session logs `add` and `describe` in order ("a", "d"); the phrases come at once. */
  function phraseOrder(paragraphs: number) {
    document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} about Ada.</p>`).join('');
    const time = fakeClock();
    const names = fakeDetector(time.spend, cost);
    const calls: string[] = [];
    let undescribed = 0;
    const inner = names.session();
    const session: DetectionSession = {
      ...inner,
      add: (blocks) => {
        calls.push('a');
        if (!calls.includes('d')) undescribed += blocks.length;
        return inner.add(blocks);
      },
      describe: (_phrases, max = Infinity) => {
        calls.push('d');
        undescribed = Math.max(0, undescribed - max);
        return { blocks: [] };
      },
      get describing() {
        return undescribed > 0;
      },
    };
    const scanner = new PageScanner(document, { ...names, session: () => session }, fakeHighlighter().highlighter, {
      skip: () => false,
      onChange: () => {},
      loadPhrases: () => Promise.resolve({} as PhraseFinder),
      clock: time.clock,
    });
    return { ...time, scanner, calls };
  }

  it('lets the phrases read an article once the first pass has read it', async () => {
    // Three slices of the first pass (256 blocks fill one): the phrases come after the first,
    // and the page is read within the two slices they wait at most.
    const { scanner, advance, slices, calls } = phraseOrder(600);
    stop = () => scanner.stop();
    scanner.start();
    await advance(10_000);
    expect(slices.length).toBe(3);
    expect(calls.filter((c) => c === 'a').length).toBeGreaterThanOrEqual(9);
    expect(calls.indexOf('d')).toBeGreaterThan(calls.lastIndexOf('a'));
    expect(scanner.readingPhrases).toBe(false);
  });

  it('keeps the phrases waiting a few slices at most on a long page', async () => {
    const { scanner, advance, calls } = phraseOrder(3000);
    stop = () => scanner.stop();
    scanner.start();
    await advance(10_000);
    // Blocks read before the phrases are handed to the highlighter again when the phrases
    // read them: on a long page they start reading before the first pass is done.
    const first = calls.indexOf('d');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(calls.lastIndexOf('a'));
    expect(scanner.readingPhrases).toBe(false);
  });

  it('lets the phrases read a page that never stops changing, after a few slices', async () => {
    const { scanner, advance, calls } = phraseOrder(10);
    stop = () => scanner.stop();
    scanner.start();
    let added = 0;
    // 100 paragraphs every 10 ms: the first pass is never done.
    for (let step = 0; step < 100 && !calls.includes('d'); step++) {
      for (let i = 0; i < 100; i++) {
        const p = document.createElement('p');
        p.textContent = `Update ${added++} from Ada`;
        document.body.append(p);
      }
      await advance(10);
    }
    expect(scanner.idle).toBe(false);
    expect(calls).toContain('d');
  });

  it('keeps to its share of the main thread on a page that never stops changing', async () => {
    // A live blog adding 100 paragraphs every 10 ms: 12.5 ms of reading for every 10 ms.
    const { scanner, advance, spend } = setup(10, () => 1 / 8);
    stop = () => scanner.stop();
    scanner.start();
    await advance(1000);
    const busyBefore = scanner.busyMs;
    const started = spend(0);
    let added = 0;
    while (spend(0) - started < 1000) {
      for (let i = 0; i < 100; i++) {
        const p = document.createElement('p');
        p.textContent = `Update ${added++} from Ada`;
        document.body.append(p);
      }
      await advance(10);
    }
    const share = (scanner.busyMs - busyBefore) / (spend(0) - started);
    expect(share).toBeGreaterThan(0.15); // it keeps reading
    expect(share).toBeLessThanOrEqual(TIMING.maxMainThreadShare + 0.01);
  });
});

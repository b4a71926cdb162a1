/**
 * What the content script does on request, against a fake page reader: stepping in
 * reading order (wrapping, either way), revealing an entity's next mention with a flash,
 * refusing indices of another corpus, and the page report's counts.
 */
import { describe, expect, it, vi } from 'vitest';
import { MentionIndex, type PageMention } from '../../adapters/page/mention-index';
import { answer, report, step, type NavigablePage } from '../../adapters/page/page-navigation';
import { TIMING } from '../../adapters/page/timing';

function page(): NavigablePage & { calls: string[]; flashed: number[] } {
  document.body.innerHTML = '<p>Dar met Munir.</p><p>Then Dar left.</p>';
  const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
  const mention = (entity: number, block: number, node: Node, from: number, to: number): PageMention => {
    const range = document.createRange(); // happy-dom has no StaticRange
    range.setStart(node, from);
    range.setEnd(node, to);
    return { entity, kind: 'person', block, range, holder: node.parentElement! };
  };
  const index = new MentionIndex();
  // Blocks given out of order: reading order comes from the document.
  index.setBlock(2, [mention(7, 2, second!, 5, 8)]);
  index.setBlock(1, [mention(7, 1, first!, 0, 3), mention(9, 1, first!, 8, 13)]);
  const calls: string[] = [];
  const flashed: number[] = [];
  const fake = {
    doc: document,
    index,
    active: true,
    corpus: 'c0ffee00',
    current: null as PageMention | null,
    calls,
    flashed,
    setCurrent(m: PageMention | null, flashMs = 0) {
      fake.current = m;
      calls.push(m ? (m.range.startContainer.textContent ?? '').slice(m.range.startOffset, m.range.endOffset) : '-');
      if (flashMs) flashed.push(flashMs);
    },
    closeCard: vi.fn(),
    article: null as Element | null,
    unlinkedCount: 0,
    unlink: vi.fn(),
    relinkAll: vi.fn(),
  };
  return fake;
}

describe('page navigation', () => {
  it('reports mentions the reader unlinked, and takes them all back on request', () => {
    const p = page();
    expect('unlinked' in report(p)).toBe(false);
    expect(report({ ...p, unlinkedCount: 2 }).unlinked).toBe(2);
    expect(answer(p, { type: 'relink' })).toBe(true);
    expect(p.relinkAll).toHaveBeenCalledTimes(1);
  });

  it('reports what the article mentions, and apart what only the rest of the page does', () => {
    const p = page();
    expect(report(p).counts).toEqual([7, 2, 9, 1]);
    expect('elsewhere' in report(p)).toBe(false);
    // The first paragraph is the article: Dar (7) is in it, Munir (9) too; nothing is only elsewhere.
    const first = document.querySelector('p')!;
    expect(report({ ...p, article: first }).counts).toEqual([7, 1, 9, 1]);
    expect('elsewhere' in report({ ...p, article: first })).toBe(false);
    // The second is: Munir is mentioned only outside it.
    const second = document.querySelectorAll('p')[1]!;
    const split = report({ ...p, article: second });
    expect(split.counts).toEqual([7, 1]);
    expect(split.elsewhere).toEqual([9, 1]);
  });

  it('steps through mentions in reading order, wrapping both ways, closing the card', () => {
    const p = page();
    for (let i = 0; i < 4; i++) step(p, 1);
    step(p, -1);
    expect(p.calls).toEqual(['Dar', 'Munir', 'Dar', 'Dar', 'Dar']);
    expect(p.closeCard).toHaveBeenCalledTimes(5);
    expect(p.flashed).toEqual([]);
  });

  it('reveals the next mention of one entity, flashed, and only for its own corpus', () => {
    const p = page();
    expect(answer(p, { type: 'reveal', id: { entity: 7, corpus: 'c0ffee00' } })).toBe(true);
    expect(answer(p, { type: 'reveal', id: { entity: 7, corpus: 'c0ffee00' } })).toBe(true);
    expect(p.calls).toEqual(['Dar', 'Dar']);
    expect(p.current?.block).toBe(2);
    expect(p.flashed).toEqual([TIMING.flashMs, TIMING.flashMs]);
    expect(answer(p, { type: 'reveal', id: { entity: 7, corpus: 'another1' } })).toBe(false);
    expect(answer(p, { type: 'reveal', id: { entity: 3, corpus: 'c0ffee00' } })).toBe(false);
  });

  it('reports each entity’s count with the corpus they index', () => {
    const report = answer(page(), { type: 'page-digest' });
    expect(report).toMatchObject({ active: true, corpus: 'c0ffee00', url: location.href, host: location.hostname });
    const counts = (report as { counts: number[] }).counts;
    const pairs = Array.from({ length: counts.length / 2 }, (_, i) => [counts[2 * i], counts[2 * i + 1]]);
    expect(pairs.sort()).toEqual([
      [7, 2],
      [9, 1],
    ]);
  });

  it('has nothing to step through while off', () => {
    const p = { ...page(), index: null };
    expect(answer(p, { type: 'next-mention' })).toBe(false);
  });
});

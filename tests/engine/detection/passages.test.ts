// @vitest-environment node
/**
 * The hand-annotated passages in tests/fixtures/passages/, evaluated against the real
 * corpus (generated/matcher.json, or compiled from data/ if not built yet). The same
 * scoring as `npm run detect:eval`.
 */
import { describe, expect, it } from 'vitest';
import { createNamedDetector } from '../../../engine/detect';
import { loadCorpusTable, loadPassages, scorePassages } from '../../../scripts/evaluate-detection';

const passages = loadPassages();
const { table, ids } = loadCorpusTable();

describe('annotated passages', () => {
  it('are at least forty, from several kinds of outlet', () => {
    expect(passages.length).toBeGreaterThanOrEqual(40);
    const regions = new Set(passages.map((p) => p.region));
    for (const r of ['Pakistani', 'Indian', 'Iranian', 'Gulf', 'Western', 'Trap']) expect(regions).toContain(r);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it('annotate spans that match their text and name corpus entities', () => {
    const known = new Set(ids);
    for (const p of passages) {
      // Sorted by start; spans never cross, and an event phrase may hold the names inside it.
      const open: number[] = [];
      let start = 0;
      for (const e of p.expected) {
        expect(p.text.slice(e.start, e.end), `${p.id} at ${e.start}`).toBe(e.surface);
        expect(e.start, p.id).toBeGreaterThanOrEqual(start);
        while (open.length && open[open.length - 1]! <= e.start) open.pop();
        expect(e.end, `${p.id}: ${e.surface} crosses a span`).toBeLessThanOrEqual(open.at(-1) ?? e.end);
        open.push(e.end);
        expect(known.has(e.id), `${p.id}: unknown entity ${e.id}`).toBe(true);
        start = e.start;
      }
    }
  });

  it('are detected with high precision and recall', () => {
    const score = scorePassages(createNamedDetector(table, ids), passages);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});

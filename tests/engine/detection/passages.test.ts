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
      let end = 0;
      for (const e of p.expected) {
        expect(p.text.slice(e.start, e.end), `${p.id} at ${e.start}`).toBe(e.surface);
        expect(e.start, p.id).toBeGreaterThanOrEqual(end);
        expect(known.has(e.id), `${p.id}: unknown entity ${e.id}`).toBe(true);
        end = e.end;
      }
    }
  });

  it('are detected with high precision and recall', () => {
    const score = scorePassages(createNamedDetector(table, ids), passages);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});

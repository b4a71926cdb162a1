// @vitest-environment node
/**
 * The real-text dev set (tests/fixtures/devset/): well-formed pages whose gold names
 * only corpus entities. The figures are reported by `npm run detect:eval`, not
 * asserted here: the set measures issue-13 work that is still under way.
 */
import { describe, expect, it } from 'vitest';
import { DEV_CATEGORIES, loadCorpusTable, loadDevPages } from '../../../scripts/evaluate-detection';

const pages = loadDevPages();
const ids = new Set(loadCorpusTable().table.entities.map((e) => e.id));

describe('dev set', () => {
  it('has pages of every category', () => {
    for (const c of DEV_CATEGORIES)
      expect(
        pages.some((p) => p.category === c),
        c,
      ).toBe(true);
  });

  it('annotates only corpus entities', () => {
    for (const p of pages)
      for (const e of p.expected) expect(ids.has(e.id), `${p.id}: unknown entity ${e.id}`).toBe(true);
  });

  it('keeps each page within the paraphrase length of the shared format', () => {
    for (const p of pages) {
      const words = p.text.split(/\s+/).filter(Boolean).length;
      expect(words, p.id).toBeGreaterThanOrEqual(100);
      expect(words, p.id).toBeLessThanOrEqual(380);
    }
  });
});

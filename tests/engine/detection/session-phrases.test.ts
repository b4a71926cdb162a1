// @vitest-environment node
/**
 * Event phrases depend on the whole page (`onPage`) and spellings on each block: a live
 * session that reads the dev set's pages in any order, with blocks removed and read
 * again, must end where a fresh session reading them in order does.
 */
import { describe, expect, it } from 'vitest';
import { createNamedDetector } from '../../../engine/detect';
import { loadCorpusTable, loadDevPages } from '../../../scripts/evaluate-detection';

const { table, ids } = loadCorpusTable();
const detector = createNamedDetector(table, ids);

describe('event phrases in a live session', () => {
  it('agree with a fresh session after any order of adds and removals', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const page of loadDevPages()) {
      const blocks = page.text.split(/(?<=\.) /).map((text, key) => ({ key, text }));
      const fresh = detector.session();
      fresh.add(blocks);
      const live = detector.session();
      const order = blocks.map((b) => ({ b, r: random() })).sort((x, y) => x.r - y.r);
      for (const { b } of order) live.add([b]);
      const again = order.slice(0, 3).map(({ b }) => b);
      live.remove(again.map((b) => b.key));
      live.add(again);
      for (const b of blocks) expect(live.mentions(b.key), `${page.id} block ${b.key}`).toEqual(fresh.mentions(b.key));
    }
  });
});

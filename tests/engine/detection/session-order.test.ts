// @vitest-environment node
/**
 * A session re-resolves only the short forms whose nearest anchors may have moved.
 * Whatever order blocks arrive, are replaced and leave in, what the caller shows
 * (every update applied) must equal a fresh session given the blocks on the page now,
 * and an update lists exactly the blocks whose mentions changed.
 */
import { describe, expect, it } from 'vitest';
import type { DetectionSession, Mention, TextBlock } from '../../../engine/detect';
import { seededRandom } from '../../../bench/synthetic-corpus';
import { detector } from './helpers';

/** Forms, competing names and anchors of the helper corpus, with filler. */
const PIECES = [
  'Imran Khan',
  'Khurram Khan',
  'Khan',
  'Mr Khan',
  'Sadiq Khan',
  'Khan Younis',
  'PM Imran Khan',
  'Shehbaz Sharif',
  'Nawaz Sharif',
  'Maryam Nawaz Sharif',
  'Sharif',
  'Shehbaz',
  'PM Shehbaz',
  'Asim Munir',
  'Munir',
  'Munir Akram',
  'Ali Larijani',
  'Larijani',
  'Sadegh Larijani',
  'Ali Khamenei',
  'Khamenei',
  'Mojtaba Khamenei',
  'the Supreme Leader',
  'Supreme Leader',
  'Reza Pahlavi',
  'Pahlavi',
  'Pahlavi University',
  'Lindsey Graham',
  'Graham',
  'Graham Norton',
  'Ishaq Dar',
  'Dar',
  'Operation Sindoor',
  'Sindoor',
  'IRGC',
  'Sepah',
  'Donald Trump Jr.',
  'said',
  'on Monday',
  'officials',
  'in Lahore',
  'and',
  'then',
];

function randomText(rand: () => number): string {
  const words: string[] = [];
  const n = 1 + Math.floor(rand() * 10);
  for (let i = 0; i < n; i++) words.push(PIECES[Math.floor(rand() * PIECES.length)]!);
  return words.join(rand() < 0.85 ? ' ' : '. ');
}

const key = (m: Mention) => `${m.entity}:${m.start}-${m.end}`;
const same = (a: readonly Mention[], b: readonly Mention[]) => a.map(key).join() === b.map(key).join();

/** The caller's side: marks per block, updated only from what updates report. */
function apply(view: Map<number, Mention[]>, update: ReturnType<DetectionSession['add']>): void {
  let last = -Infinity;
  for (const b of update.blocks) {
    expect(b.key).toBeGreaterThan(last);
    last = b.key;
    expect(same(view.get(b.key) ?? [], b.mentions)).toBe(false);
    view.set(b.key, b.mentions);
  }
}

describe('incremental context resolution', () => {
  it('matches a fresh session after any sequence of adds, replacements and removals', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const rand = seededRandom(seed);
      const session = detector.session();
      const page = new Map<number, string>();
      const view = new Map<number, Mention[]>();
      const maxKey = 4 + Math.floor(rand() * 40);
      for (let op = 0; op < 30; op++) {
        if (rand() < 0.75 || page.size === 0) {
          const blocks: TextBlock[] = [];
          for (let n = 1 + Math.floor(rand() * 6); n > 0; n--) {
            const b = { key: Math.floor(rand() * maxKey), text: randomText(rand) };
            page.set(b.key, b.text);
            blocks.push(b);
          }
          if (rand() < 0.5) blocks.sort((x, y) => x.key - y.key);
          apply(view, session.add(blocks));
        } else {
          const gone = [...page.keys()].filter(() => rand() < 0.3);
          for (const k of gone) page.delete(k);
          // The caller drops a removed block's marks itself; updates list the others.
          for (const k of gone) view.delete(k);
          apply(view, session.remove(gone));
        }
        const fresh = detector.session();
        fresh.add([...page].sort((x, y) => x[0] - y[0]).map(([k, text]) => ({ key: k, text })));
        for (const k of page.keys()) {
          expect(session.mentions(k)).toEqual(fresh.mentions(k));
          expect(view.get(k) ?? []).toEqual(fresh.mentions(k));
        }
      }
    }
  });

  it('links a short form read long before its full name, and unlinks it when the name leaves', () => {
    const session = detector.session();
    const blocks = Array.from({ length: 300 }, (_, k) => ({
      key: k,
      text: k === 0 ? 'Graham spoke.' : 'Nothing to see.',
    }));
    for (let i = 0; i < blocks.length; i += 64) session.add(blocks.slice(i, i + 64));
    expect(session.mentions(0)).toEqual([]);
    expect(session.add([{ key: 500, text: 'Lindsey Graham replied.' }]).blocks.map((b) => b.key)).toEqual([0, 500]);
    expect(session.remove([500]).blocks.map((b) => b.key)).toEqual([0]);
    expect(session.mentions(0)).toEqual([]);
  });
});

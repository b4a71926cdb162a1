// @vitest-environment node
/**
 * Scale: a synthetic corpus of 10,000 entities (about 60,000 surface forms) compiles,
 * finds what it should, and costs about the same per megabyte as the bundled corpus.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hydrate, scan } from '../../../engine/automaton';
import { createDetector, type Detector } from '../../../engine/detect';
import { seededRandom, syntheticCorpus, syntheticText } from '../../../engine/synthetic-corpus';
import { compileMatcherTable, type MatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';
import { loadCorpusTable, loadPassages } from '../../../scripts/evaluate-detection';

let corpus: MatcherSource[];
let table: MatcherTable;
let detector: Detector;

beforeAll(() => {
  corpus = syntheticCorpus({ entities: 10_000 });
  table = compileMatcherTable(corpus);
  detector = createDetector(table);
});

/**
 * Best warm runs of two workloads: alternating blocks of runs, so a burst of load from
 * other processes on a shared machine hits both alike, while each block runs warm as a
 * content script does (one table, scanned again and again).
 */
function bestOfBoth(a: () => void, b: () => void, blocks = 4, runs = 6): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let k = 0; k < blocks; k++) {
    a();
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      a();
      bestA = Math.min(bestA, performance.now() - t0);
    }
    b();
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      b();
      bestB = Math.min(bestB, performance.now() - t0);
    }
  }
  return [bestA, bestB];
}

describe('synthetic corpus', () => {
  it('is deterministic and about 50,000 aliases large', () => {
    expect(syntheticCorpus({ entities: 50 })).toEqual(syntheticCorpus({ entities: 50 }));
    const forms = corpus.reduce((n, s) => n + 1 + s.aliases.length + s.ambiguous.length, 0);
    expect(forms).toBeGreaterThanOrEqual(50_000);
  });

  it('finds every name it writes into a sentence', () => {
    const rand = seededRandom(11);
    const picked = Array.from({ length: 300 }, () => corpus[Math.floor(rand() * corpus.length)]!);
    const text = picked.map((e) => `On Tuesday officials said that ${e.name} was expected.`).join(' ');
    const ids = detector.detect(text).map((m) => detector.entities[m.entity]!.id);
    expect(ids).toEqual(picked.map((e) => e.id));
  });

  it('detects mentions in synthetic prose with valid spans', () => {
    const text = syntheticText(corpus, 200_000);
    const mentions = detector.detect(text);
    expect(mentions.length).toBeGreaterThan(1000);
    let end = 0;
    for (const m of mentions) {
      expect(m.start).toBeGreaterThanOrEqual(end);
      end = m.end;
    }
  });

  // Timing on shared machines is noisy: a retry guards against one unlucky burst.
  it('costs about the same per megabyte as the bundled corpus', { retry: 2 }, () => {
    const bundled = loadCorpusTable().table;
    const prose = loadPassages()
      .map((p) => p.text)
      .join('\n\n');
    // Half hand-written news naming the bundled corpus, half synthetic prose naming the
    // large corpus at the same density (one name in about 26 words), so each detector
    // has about as much to find.
    let text = '';
    while (text.length < 1_000_000) text += `${prose}\n\n${syntheticText(corpus, 20_000, text.length, 26)}\n\n`;
    const small = hydrate(bundled);
    const large = hydrate(table);
    const hits: number[] = [];
    const [scanSmall, scanLarge] = bestOfBoth(
      () => scan(small, text, (hits.length = 0, hits)),
      () => scan(large, text, (hits.length = 0, hits)),
    );
    const bundledDetector = createDetector(bundled);
    const [detectSmall, detectLarge] = bestOfBoth(
      () => bundledDetector.detect(text),
      () => detector.detect(text),
      3,
      4,
    );
    console.info(
      `1 MB scan: bundled ${scanSmall.toFixed(1)} ms, 10k entities ${scanLarge.toFixed(1)} ms; ` +
        `detect: ${detectSmall.toFixed(1)} ms (${bundledDetector.detect(text).length} mentions) vs ` +
        `${detectLarge.toFixed(1)} ms (${detector.detect(text).length} mentions)`,
    );
    // The 1.3× goal is measured by `npm run bench` on a quiet machine; tests assert
    // behaviour, so here the bound only catches a change of complexity (a per-alias
    // loop would cost a hundred times more), not noise from a shared machine.
    expect(scanLarge / scanSmall).toBeLessThanOrEqual(2);
    expect(detectLarge / detectSmall).toBeLessThanOrEqual(2);
  });
});

// @vitest-environment node
/**
 * Scale: a synthetic corpus of 10,000 entities (about 60,000 surface forms) compiles,
 * and finds what it should. What it costs per megabyte against the bundled corpus is
 * measured by `npm run bench` (scale_10k_vs_bundled): timings make flaky tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNamedDetector, type NamedDetector } from '../../../engine/detect';
import { seededRandom, syntheticCorpus, syntheticText } from '../../../bench/synthetic-corpus';
import { compileMatcherTable, type MatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';

let corpus: MatcherSource[];
let table: MatcherTable;
let detector: NamedDetector;

beforeAll(() => {
  corpus = syntheticCorpus({ entities: 10_000 });
  table = compileMatcherTable(corpus);
  detector = createNamedDetector(
    table,
    corpus.map((s) => s.id),
  );
});

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
    const ids = detector.detect(text).map((m) => detector.ids[m.entity]!);
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
});

// @vitest-environment node
/** The compiled table: plain JSON, deterministic, compact, validated on load. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hydrate } from '../../../engine/automaton';
import { createDetector, createNamedDetector } from '../../../engine/detect';
import { corpusKey, decodeKinds } from '../../../engine/table-format';
import { syntheticCorpus } from '../../../bench/synthetic-corpus';
import { compileMatcherTable, type MatcherTable } from '../../../engine/table';
import { found, SOURCES } from './helpers';

describe('compileMatcherTable', () => {
  it('produces plain JSON that survives a round trip', () => {
    const table = compileMatcherTable(SOURCES);
    const copy = JSON.parse(JSON.stringify(table)) as MatcherTable;
    expect(copy).toEqual(table);
    const text = 'Imran Khan met Khan and the LeT. Tehreek-e-Taliban.';
    expect(
      found(
        text,
        createNamedDetector(
          copy,
          SOURCES.map((s) => s.id),
        ),
      ),
    ).toEqual(found(text));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(compileMatcherTable(SOURCES))).toBe(JSON.stringify(compileMatcherTable(SOURCES)));
  });

  it('carries entity kinds in corpus order, and the corpus they belong to, but no ids', () => {
    const table = compileMatcherTable(SOURCES);
    expect(decodeKinds(table.kinds)).toEqual(SOURCES.map((s) => s.kind));
    expect(table.corpus).toBe(corpusKey(SOURCES.map((s) => s.id)));
    expect(JSON.stringify(table)).not.toContain('"imran-khan"');
  });

  it('refuses ids of another corpus (a tab read before an update)', () => {
    const table = compileMatcherTable(SOURCES);
    const ids = SOURCES.map((s) => s.id);
    expect(() => createNamedDetector(table, ids.slice(1))).toThrow(/reload/);
    expect(() => createNamedDetector(table, ids.toReversed())).toThrow(/reload/);
    expect(createNamedDetector(table, ids).ids).toBe(ids);
  });

  it('stays small: about 100 entities and 800 aliases gzip well under the budget', () => {
    const corpus = syntheticCorpus({ entities: 100, aliasesPerEntity: 8, seed: 3 });
    const aliases = corpus.reduce((n, s) => n + 1 + s.aliases.length + s.ambiguous.length, 0);
    expect(aliases).toBeGreaterThan(700);
    const bytes = gzipSync(JSON.stringify(compileMatcherTable(corpus))).length;
    expect(bytes).toBeLessThan(14_000);
  });

  it('finds every child of a wide state, in and outside the direct row’s alphabet', () => {
    // "Zor" has ten children: Latin letters and a digit (row slots), Cyrillic, Greek and CJK
    // (not in the row's alphabet: found through the edge list), and "Zora" goes on deeper.
    const forms = ['Zora', 'Zorb', 'Zorc', 'Zor9', 'Zorж', 'Zorλ', 'Zor中', 'Zorx', 'Zory', 'Zoraz'];
    const sources = forms.map((name, k) => ({
      id: `z${k}`,
      name,
      kind: 'person' as const,
      aliases: [],
      ambiguous: [],
    }));
    const d = createDetector(compileMatcherTable(sources));
    const text = forms.join(', ') + ', Zorq, Zorй, Zorμ, Zor日.';
    expect(d.detect(text).map((m) => text.slice(m.start, m.end))).toEqual(forms);
  });

  it('rejects a corrupt or foreign table on load', () => {
    const table = compileMatcherTable(SOURCES);
    expect(() => hydrate({ ...table, labels: table.labels.slice(1) })).toThrow(/corrupt/);
    expect(() => hydrate({ ...table, format: 3 as 4 })).toThrow(/format/);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contextOfDigest, contextOfRef, digestOfReport } from '../../adapters/extension/page-report';
import { corpusKey } from '../../engine/table-format';

const entities = [
  { id: 'ali-larijani', kind: 'person' as const },
  { id: 'shehbaz-sharif', kind: 'person' as const },
  { id: 'cpec', kind: 'agreement' as const },
];
const ids = entities.map((e) => e.id);

describe('page report', () => {
  it('names a card’s page from the content script’s indices, with the article’s date', () => {
    expect(contextOfRef({ date: '2020-01-13', corpus: corpusKey(ids), onPage: [2, 0, 9] }, ids)).toEqual({
      date: '2020-01-13',
      onPage: ['cpec', 'ali-larijani'],
    });
    expect(contextOfRef({ corpus: corpusKey(ids), onPage: [] }, ids)).toEqual({ onPage: [] });
  });

  it('refuses the indices of another corpus (a tab read before an update)', () => {
    expect(() => contextOfRef({ corpus: corpusKey(['other']), onPage: [0] }, ids)).toThrow(
      /read against records of corpus/,
    );
  });

  it('carries the article’s date from the report to the digest and the card context', () => {
    const digest = digestOfReport(
      { url: 'u', host: 'h', active: true, corpus: corpusKey(ids), counts: [1, 4], date: '2025-11' },
      entities,
    );
    expect(digest.date).toBe('2025-11');
    expect(contextOfDigest(digest)).toEqual({ date: '2025-11', onPage: ['shehbaz-sharif'] });
    const undated = digestOfReport({ url: 'u', host: 'h', active: true, corpus: corpusKey(ids), counts: [] }, entities);
    expect('date' in undated).toBe(false);
  });

  it('names what only the rest of the page mentions apart, and leaves it out of the card’s page', () => {
    const report = { url: 'u', host: 'h', active: true, corpus: corpusKey(ids), counts: [0, 3], elsewhere: [2, 1] };
    const digest = digestOfReport(report, entities);
    expect(digest.entities).toEqual([{ id: 'ali-larijani', kind: 'person', count: 3 }]);
    expect(digest.elsewhere).toEqual([{ id: 'cpec', kind: 'agreement', count: 1 }]);
    expect(contextOfDigest(digest)).toEqual({ onPage: ['ali-larijani'] });
    expect('elsewhere' in digestOfReport({ ...report, elsewhere: [] }, entities)).toBe(false);
  });
});

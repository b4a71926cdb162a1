import { describe, expect, it } from 'vitest';
import { buildEntityView, indexCorpus, relationMeaning } from '../../engine/entity-view';
import type { EntityRecord, Relation } from '../../engine/types';

function person(id: string, related: Relation[] = []): EntityRecord {
  return {
    id,
    kind: 'person',
    name: id.toUpperCase(),
    aliases: [],
    ambiguous: [],
    role: 'r',
    summary: 's',
    facts: [],
    related,
  };
}
const rel = (type: Relation['type'], target: string, date?: string): Relation => ({
  type,
  target,
  sources: [],
  ...(date ? { date } : {}),
});

describe('connections on a card', () => {
  it('shows a meeting stated on both cards once, with the date either gives', () => {
    const index = indexCorpus({
      entities: [person('a', [rel('met', 'b')]), person('b', [rel('met', 'a', '2025-06-18')])],
      events: [],
      sources: [],
    });
    expect(buildEntityView(index, 'a')!.related).toEqual([
      { id: 'b', name: 'B', kind: 'person', type: 'met', direction: 'out', dateLabel: '18 June 2025' },
    ]);
    expect(buildEntityView(index, 'b')!.related).toHaveLength(1);
  });

  it('keeps two meetings on different dates', () => {
    const index = indexCorpus({
      entities: [person('a', [rel('met', 'b', '2025-06-18'), rel('met', 'b', '2025-09-25')]), person('b')],
      events: [],
      sources: [],
    });
    expect(buildEntityView(index, 'a')!.related.map((r) => r.dateLabel)).toEqual(['18 June 2025', '25 September 2025']);
  });

  it('reads "successor of" here and "predecessor of" there as one tie', () => {
    const index = indexCorpus({
      entities: [
        person('qaani', [rel('successor-of', 'soleimani')]),
        person('soleimani', [rel('predecessor-of', 'qaani')]),
      ],
      events: [],
      sources: [],
    });
    expect(buildEntityView(index, 'qaani')!.related.map((r) => [r.type, r.direction])).toEqual([
      ['successor-of', 'out'],
    ]);
    expect(buildEntityView(index, 'soleimani')!.related.map((r) => [r.type, r.direction])).toEqual([
      ['predecessor-of', 'out'],
    ]);
  });

  it('keeps ties of different meaning apart', () => {
    expect(relationMeaning('leads', 'out')).not.toBe(relationMeaning('leads', 'in'));
    expect(relationMeaning('successor-of', 'out')).toBe(relationMeaning('predecessor-of', 'in'));
    expect(relationMeaning('met', 'out')).toBe(relationMeaning('met', 'in'));
  });
});

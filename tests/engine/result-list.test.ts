// @vitest-environment node
/** The popup's result list: hits grouped by kind, excerpts, starting points. */
import { describe, expect, it } from 'vitest';
import type { CorpusRecords } from '../../engine/types';
import { excerpt, groupByKind, recentEvents } from '../../engine/result-list';

describe('result list', () => {
  it('groups hits by kind in the order of their best hit', () => {
    const groups = groupByKind([
      { id: 'a', kind: 'event' as const },
      { id: 'b', kind: 'person' as const },
      { id: 'c', kind: 'event' as const },
    ]);
    expect(groups.map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      ['event', ['a', 'c']],
      ['person', ['b']],
    ]);
  });

  it('groups a page’s names in the kinds’ fixed order, whichever comes first', () => {
    const groups = groupByKind(
      [
        { id: 'a', kind: 'place' as const },
        { id: 'b', kind: 'event' as const },
        { id: 'c', kind: 'person' as const },
        { id: 'd', kind: 'place' as const },
      ],
      'fixed',
    );
    expect(groups.map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      ['person', ['c']],
      ['event', ['b']],
      ['place', ['a', 'd']],
    ]);
  });

  it('cuts an excerpt around the first match, at word boundaries, with ellipses', () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.';
    const start = text.indexOf('nine');
    const cut = excerpt(text, [[start, start + 4]], 12, 40);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text).not.toMatch(/^…\S*\s?$/);
    const [a, b] = cut.ranges[0]!;
    expect(cut.text.slice(a, b)).toBe('nine');
    expect(excerpt('short text', [[0, 5]])).toEqual({ text: 'short text', ranges: [[0, 5]] });
  });

  it('lists the latest events first', () => {
    const records: CorpusRecords = {
      entities: [],
      sources: [],
      events: [
        { id: 'old', name: 'Old', summary: '', start: '2019-06', participants: [], sources: ['s'] },
        {
          id: 'new',
          name: 'New',
          summary: '',
          start: '2025-05-07',
          end: '2025-05-10',
          participants: [],
          sources: ['s'],
        },
        { id: 'mid', name: 'Mid', summary: '', start: '2021', participants: [], sources: ['s'] },
      ],
    };
    expect(recentEvents(records, 2)).toEqual([
      { id: 'new', name: 'New', dateLabel: '7–10 May 2025' },
      { id: 'mid', name: 'Mid', dateLabel: '2021' },
    ]);
  });
});

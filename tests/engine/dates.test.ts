// @vitest-environment node
/**
 * Dates at every shape the corpus schema allows (YYYY, YYYY-MM, YYYY-MM-DD, and
 * START/END of those; an event's start and end may each be either), parsed once
 * (engine/dates.ts) and shown the same by the timeline, the card, the popup's
 * starting points and the search's event line.
 */
import { describe, expect, it } from 'vitest';
import { eventIso, formatIsoDate, parseDate, pointKey, readDate } from '../../engine/dates';
import { buildEntityView, indexCorpus } from '../../engine/entity-view';
import { recentEvents } from '../../engine/result-list';
import { createSearchIndex } from '../../engine/search';
import { buildTimeline } from '../../engine/timeline';
import type { CorpusRecords, EntityRecord } from '../../engine/types';

const bounds = (iso: string) => {
  const span = parseDate(iso);
  if (!span) throw new Error(`${iso} does not parse`);
  return { first: pointKey(span.start, 'start'), last: pointKey(span.end ?? span.start, 'end') };
};

describe('parsing', () => {
  it('bounds years, months, days and intervals of them', () => {
    expect(bounds('2025')).toEqual({ first: 20250101, last: 20251231 });
    expect(bounds('2024-02')).toEqual({ first: 20240201, last: 20240229 });
    expect(bounds('2025-02')).toEqual({ first: 20250201, last: 20250228 });
    expect(bounds('2025-05-07')).toEqual({ first: 20250507, last: 20250507 });
    expect(bounds('2025-05-07/2025-05-10')).toEqual({ first: 20250507, last: 20250510 });
    expect(bounds('2025-05-07/2025-05')).toEqual({ first: 20250507, last: 20250531 });
    expect(bounds('2025/2026-03')).toEqual({ first: 20250101, last: 20260331 });
    expect(bounds('2025-05/2025')).toEqual({ first: 20250501, last: 20251231 });
  });

  it('says why a text is not a date', () => {
    expect(readDate('2025-13')).toBe('"2025-13" has no month 13');
    expect(readDate('2025-02-29')).toBe('"2025-02-29" is not a calendar date');
    expect(readDate('2024-02-29')).toMatchObject({ start: { year: 2024, month: 2, day: 29, precision: 'day' } });
    expect(readDate('2025-06-24/2025-06-13')).toBe('interval "2025-06-24/2025-06-13" starts after it ends');
    expect(readDate('2025-05-07/2025-05-08/2025-05-10')).toBe(
      '"2025-05-07/2025-05-08/2025-05-10" is not a date or a START/END interval',
    );
    expect(readDate('May 2025')).toBe('"May 2025" is not YYYY, YYYY-MM or YYYY-MM-DD');
    expect(parseDate('2025-00')).toBeNull();
  });
});

/** [start, end, the event's ISO span, its label]: every shape, with and without an end. */
const EVENT_DATES: [start: string, end: string | undefined, iso: string, label: string][] = [
  ['2025', undefined, '2025', '2025'],
  ['2025-05', undefined, '2025-05', 'May 2025'],
  ['2025-05-07', undefined, '2025-05-07', '7 May 2025'],
  ['2025/2026', undefined, '2025/2026', '2025 – 2026'],
  ['2025-05/2025-06', undefined, '2025-05/2025-06', 'May–June 2025'],
  ['2025-05-07/2025-05-08', undefined, '2025-05-07/2025-05-08', '7–8 May 2025'],
  ['2025', '2026', '2025/2026', '2025 – 2026'],
  ['2025', '2025-06', '2025/2025-06', '2025 – June 2025'],
  ['2025-05', '2025-06', '2025-05/2025-06', 'May–June 2025'],
  ['2025-05', '2026-01', '2025-05/2026-01', 'May 2025 – January 2026'],
  ['2025-05-07', '2025-05-10', '2025-05-07/2025-05-10', '7–10 May 2025'],
  ['2025-05-07', '2025-06-02', '2025-05-07/2025-06-02', '7 May – 2 June 2025'],
  ['2025-05-07', '2025-05-07', '2025-05-07', '7 May 2025'],
  ['2025-05-07/2025-05-08', '2025-05-10', '2025-05-07/2025-05-10', '7–10 May 2025'],
  ['2025-05-07', '2025-05-09/2025-05-10', '2025-05-07/2025-05-10', '7–10 May 2025'],
  ['2025-05-07/2025-05-08', '2025-05-09/2025-05-10', '2025-05-07/2025-05-10', '7–10 May 2025'],
  ['2025-05-07/2025-05-08', '2025-05-08', '2025-05-07/2025-05-08', '7–8 May 2025'],
  ['2025/2026', '2027', '2025/2027', '2025 – 2027'],
  ['2025-05/2025-06', '2025-07/2025-08', '2025-05/2025-08', 'May–August 2025'],
];

describe('event dates', () => {
  it.each(EVENT_DATES)('%s to %s is %s, "%s"', (start, end, iso, label) => {
    expect(eventIso(start, end)).toBe(iso);
    expect(formatIsoDate(eventIso(start, end))).toBe(label);
  });

  it('are shown the same by the timeline, the card, the starting points and the search', () => {
    const place: EntityRecord = {
      id: 'zanzibar',
      kind: 'place',
      name: 'Zanzibar',
      aliases: [],
      ambiguous: [],
      role: 'An island',
      summary: 'An island.',
      facts: [],
      related: [],
    };
    const events: EntityRecord[] = EVENT_DATES.map(([start, end], i) => ({
      id: `event-${i}`,
      kind: 'event',
      name: `Event ${i}`,
      aliases: [],
      ambiguous: [],
      role: 'A meeting',
      summary: 'A meeting.',
      facts: [],
      related: [],
      event: { start, ...(end ? { end } : {}), participants: [], place: 'zanzibar', sources: ['s'] },
    }));
    const records: CorpusRecords = {
      entities: [place, ...events],
      events: events.map((e) => ({ id: e.id, name: e.name, summary: e.summary, ...e.event! })),
      sources: [],
    };
    const timeline = new Map(buildTimeline(records).items.map((item) => [item.subject.id, item.dateLabel]));
    const index = indexCorpus(records);
    const recent = new Map(recentEvents(records, events.length).map((r) => [r.id, r.dateLabel]));
    const searched = new Map(
      createSearchIndex(records)
        .search('zanzibar', 100)
        .map((hit) => [hit.id, hit]),
    );
    const shown = events.map((e, i) => ({
      event: `${e.event!.start} to ${e.event!.end}`,
      timeline: timeline.get(e.id),
      card: buildEntityView(index, e.id)?.event?.dateLabel,
      startingPoints: recent.get(e.id),
      search: searched.get(e.id)?.field === 'event' ? searched.get(e.id)?.text : 'not found by its place',
      label: EVENT_DATES[i]![3],
    }));
    expect(shown).toEqual(
      shown.map((s) => ({
        ...s,
        timeline: s.label,
        card: s.label,
        startingPoints: s.label,
        search: `${s.label}, Zanzibar`,
      })),
    );
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  anchorItem,
  buildTimeline,
  filterTimeline,
  firstItemFor,
  groupByYear,
  isFiltering,
  suggestEntities,
  yearsWithItems,
  type TimelineFilter,
} from '../../engine/timeline';
import { firstSentence } from '../../engine/summary-lead';
import type { CorpusRecords } from '../../engine/types';
import { ENTITIES, RECORDS, SOURCES } from '../components/timeline-fixture';
import { loadBundledRecords } from './bundled-records';

const model = buildTimeline(RECORDS);
const byId = (id: string) => {
  const item = model.items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}; have ${model.items.map((i) => i.id).join(', ')}`);
  return item;
};
const factOf = (entityId: string, date: string) => {
  const item = model.items.find((i) => i.origin === 'fact' && i.subject.id === entityId && i.date === date);
  if (!item) throw new Error(`no fact of ${entityId} on ${date}`);
  return item;
};
const filter = (f: Partial<TimelineFilter>) => filterTimeline(model.items, { ...EMPTY_FILTER, ...f });
const dates = (items: { date: string }[]) => items.map((i) => i.date);

describe('buildTimeline', () => {
  it('orders items chronologically across precisions and ranges', () => {
    expect(model.items.map((i) => `${i.date} ${i.title}`)).toEqual([
      '2023-11 Northland Council',
      '2024 Amira Khan',
      '2025-05 Amira Khan',
      '2025-05-07 Amira Khan',
      '2025-05-07 Boris Lind',
      '2025-05-07/2025-05-09 Geneva talks',
      '2025-05-08 Geneva talks',
      '2025-06 Signing ceremony',
      '2025-06-03 Harbour Accord',
    ]);
  });

  it('puts a year before its months and a month before its days', () => {
    const records: CorpusRecords = {
      ...RECORDS,
      entities: [
        {
          ...ENTITIES[0]!,
          related: [],
          facts: [
            { date: '2025-05-01', text: 'Day.', sources: [] },
            { date: '2025-05', text: 'Month.', sources: [] },
            { date: '2025', text: 'Year.', sources: [] },
            { date: '2024-12-31', text: 'Eve.', sources: [] },
            { date: '2025-05-01/2025-05-20', text: 'Long.', sources: [] },
            { date: '2025-05-01/2025-05-02', text: 'Short.', sources: [] },
          ],
        },
      ],
    };
    expect(buildTimeline(records).items.map((i) => i.text)).toEqual([
      'Eve.',
      'Year.',
      'Month.',
      'Day.',
      'Short.',
      'Long.',
    ]);
  });

  it('shows dates at their precision, ranges as ranges', () => {
    expect(factOf('amira-khan', '2024').dateLabel).toBe('2024');
    expect(factOf('amira-khan', '2025-05').dateLabel).toBe('May 2025');
    expect(factOf('amira-khan', '2025-05-07').dateLabel).toBe('7 May 2025');
    expect(byId('event-geneva-talks').dateLabel).toBe('7–9 May 2025');
    expect(byId('event-geneva-talks').date).toBe('2025-05-07/2025-05-09');
    expect(byId('event-signing-ceremony').dateLabel).toBe('June 2025');
  });

  it('builds event items from the event: first sentence, participants, place, sources', () => {
    const talks = byId('event-geneva-talks');
    expect(talks.origin).toBe('event');
    expect(talks.kind).toBe('event');
    expect(talks.title).toBe('Geneva talks');
    expect(talks.text).toBe('Three days of talks between Northland and Southland in Geneva.');
    expect(talks.entities.map((e) => e.id)).toEqual(['geneva-talks', 'amira-khan', 'boris-lind', 'geneva']);
    expect(talks.sources.map((s) => s.outlet)).toContain('The Wire Desk');
    expect(talks.sources[0]).toMatchObject({ outlet: 'The Wire Desk', publishedLabel: '8 May 2025' });
  });

  it("folds the event's own fact on the event's date into the event item", () => {
    const talks = byId('event-geneva-talks');
    expect(talks.notes).toEqual(['Delegations met for three days.']);
    expect(talks.sources.map((s) => s.id)).toEqual(['wire-1', 'daily-2']);
    expect(model.items.filter((i) => i.subject.id === 'geneva-talks').map((i) => i.date)).toEqual([
      '2025-05-07/2025-05-09',
      '2025-05-08',
    ]);
  });

  it('folds a fact involving exactly the event entities on its date, but not a contested claim', () => {
    const records: CorpusRecords = {
      ...RECORDS,
      entities: ENTITIES.map((e) =>
        e.id === 'boris-lind'
          ? {
              ...e,
              related: [],
              facts: [
                {
                  date: '2025-05-07/2025-05-09',
                  text: 'Boris Lind met Amira Khan at the Geneva talks in Geneva.',
                  sources: ['daily-2'],
                },
                {
                  date: '2025-05-07/2025-05-09',
                  text: 'Boris Lind walked out of the Geneva talks in Geneva with Amira Khan.',
                  sources: [],
                  attribution: 'a rival',
                },
              ],
            }
          : e,
      ),
    };
    const built = buildTimeline(records);
    const talks = built.items.find((i) => i.id === 'event-geneva-talks')!;
    expect(talks.notes).toContain('Boris Lind met Amira Khan at the Geneva talks in Geneva.');
    expect(built.items.filter((i) => i.subject.id === 'boris-lind').map((i) => i.attribution)).toEqual(['a rival']);
  });

  it('links a fact to the entities its text names and to relations on the same date', () => {
    expect(factOf('amira-khan', '2025-05-07').entities.map((e) => e.id)).toEqual([
      'amira-khan',
      'boris-lind',
      'geneva',
    ]);
    expect(factOf('harbour-accord', '2025-06-03').entities.map((e) => e.id)).toEqual([
      'harbour-accord',
      'amira-khan',
      'boris-lind',
    ]);
    // Boris Lind "met" the Northland Council on that day: a dated relation.
    expect(factOf('boris-lind', '2025-05-07').entities.map((e) => e.id)).toEqual(['boris-lind', 'northland-council']);
    // The relation shows on the other side too? Only on facts of that date: the council has none.
    expect(factOf('northland-council', '2023-11').entities.map((e) => e.id)).toEqual(['northland-council']);
  });

  it('matches names as whole words, with the first letter in either case', () => {
    const records: CorpusRecords = {
      ...RECORDS,
      entities: [
        ...ENTITIES.filter((e) => e.id !== 'geneva-talks' && e.id !== 'signing-ceremony'),
        {
          ...ENTITIES[3]!,
          id: 'probe',
          kind: 'person',
          name: 'Probe',
          facts: [{ date: '2020', text: 'Genevans cheered; the Council agreed; Minister Khan spoke.', sources: [] }],
        },
      ],
    };
    const probe = buildTimeline(records).items.find((i) => i.subject.id === 'probe')!;
    expect(probe.entities.map((e) => e.id)).toEqual(['probe', 'northland-council', 'amira-khan']);
  });

  it('keeps background and attribution, resolves sources', () => {
    expect(factOf('amira-khan', '2024')).toMatchObject({ background: true, sources: [] });
    expect(factOf('amira-khan', '2025-05')).toMatchObject({ attribution: 'her office' });
    expect(factOf('amira-khan', '2025-05').sources.map((s) => `${s.outlet}, ${s.publishedLabel}`)).toEqual([
      'Daily Ledger, June 2025',
    ]);
  });

  it('gives every item a stable, unique id that is safe in HTML', () => {
    const again = buildTimeline(RECORDS);
    expect(again.items.map((i) => i.id)).toEqual(model.items.map((i) => i.id));
    expect(new Set(model.items.map((i) => i.id)).size).toBe(model.items.length);
    for (const item of model.items) expect(item.id).toMatch(/^[a-z0-9-]+$/);
    // Two identical facts on the same day still get two ids.
    const twice = buildTimeline({
      ...RECORDS,
      entities: [{ ...ENTITIES[1]!, related: [], facts: [ENTITIES[1]!.facts[0]!, ENTITIES[1]!.facts[0]!] }],
    });
    expect(twice.items.map((i) => i.id)).toEqual([twice.items[0]!.id, `${twice.items[0]!.id}-2`]);
  });

  it('lists the entities involved with their counts', () => {
    expect(model.byId.get('amira-khan')?.count).toBe(6);
    expect(model.byId.get('geneva')?.count).toBe(3);
    expect(model.entities.map((e) => e.name)).toEqual(model.entities.map((e) => e.name).sort());
  });

  it('skips dates that do not parse and survives an empty corpus', () => {
    const broken = buildTimeline({
      ...RECORDS,
      entities: [{ ...ENTITIES[1]!, related: [], facts: [{ date: '2025-02-30', text: 'No such day.', sources: [] }] }],
    });
    expect(broken.items).toEqual([]);
    const empty = buildTimeline({ entities: [], events: [], sources: SOURCES });
    expect(empty.items).toEqual([]);
  });

  it('groups items by the year they start', () => {
    const groups = groupByYear(model.items);
    expect(groups.map((g) => [g.year, g.items.length])).toEqual([
      [2023, 1],
      [2024, 1],
      [2025, 7],
    ]);
  });
});

describe('filterTimeline', () => {
  it('lets everything through with no filter', () => {
    expect(filter({})).toHaveLength(model.items.length);
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, page: [] })).toBe(true);
  });

  it('filters by one entity, by any of several, or by all of them', () => {
    expect(dates(filter({ entities: ['boris-lind'] }))).toEqual([
      '2025-05-07',
      '2025-05-07',
      '2025-05-07/2025-05-09',
      '2025-06-03',
    ]);
    const any = filter({ entities: ['northland-council', 'geneva'] });
    expect(any.map((i) => i.id)).toEqual(
      model.items
        .filter((i) => i.entities.some((e) => e.id === 'northland-council' || e.id === 'geneva'))
        .map((i) => i.id),
    );
    expect(any).toHaveLength(5);
    const all = filter({ entities: ['amira-khan', 'boris-lind'], match: 'all' });
    expect(all.map((i) => i.title)).toEqual(['Amira Khan', 'Geneva talks', 'Harbour Accord']);
  });

  it('filters by the kind of what the item is about', () => {
    expect(filter({ kinds: ['event'] }).map((i) => i.title)).toEqual([
      'Geneva talks',
      'Geneva talks',
      'Signing ceremony',
    ]);
    expect(filter({ kinds: ['organisation', 'agreement'] }).map((i) => i.title)).toEqual([
      'Northland Council',
      'Harbour Accord',
    ]);
  });

  it('filters by a date range that an item overlaps, at any precision', () => {
    // From May 2025: the whole-year 2024 item is out, "2025-05" and everything after are in.
    expect(dates(filter({ from: '2025-05' }))[0]).toBe('2025-05');
    expect(filter({ from: '2025-05' })).toHaveLength(7);
    // To May 2025 takes the whole month, and the talks (7–9 May) with it.
    expect(dates(filter({ to: '2025-05' }))).toEqual([
      '2023-11',
      '2024',
      '2025-05',
      '2025-05-07',
      '2025-05-07',
      '2025-05-07/2025-05-09',
      '2025-05-08',
    ]);
    // A year bound means the whole year; a month-precision item overlapping a one-day window is in.
    expect(dates(filter({ from: '2024', to: '2024' }))).toEqual(['2024']);
    expect(dates(filter({ from: '2025-06', to: '2025-06' }))).toEqual(['2025-06', '2025-06-03']);
    expect(dates(filter({ from: '2025-05-09', to: '2025-05-09' }))).toEqual(['2025-05', '2025-05-07/2025-05-09']);
    // A range that ends before it starts keeps nothing.
    expect(filter({ from: '2025', to: '2024' })).toEqual([]);
  });

  it('keeps only items involving entities found on the page', () => {
    expect(filter({ page: ['northland-council'] }).map((i) => i.date)).toEqual(['2023-11', '2025-05-07']);
    expect(filter({ page: [] })).toEqual([]);
    expect(filter({ page: ['not-in-corpus'] })).toEqual([]);
  });

  it('combines filters: each one narrows', () => {
    const items = filter({ entities: ['amira-khan'], kinds: ['person'], from: '2025', page: ['geneva'] });
    expect(items.map((i) => i.date)).toEqual(['2025-05-07']);
  });
});

describe('helpers', () => {
  it('suggests entities by name or alias, word starts first, most involved first', () => {
    expect(suggestEntities(model.entities, 'gen').map((e) => e.id)).toEqual(['geneva', 'geneva-talks']);
    expect(suggestEntities(model.entities, 'khan').map((e) => e.id)).toEqual(['amira-khan']);
    expect(suggestEntities(model.entities, 'minister').map((e) => e.id)).toEqual(['amira-khan']);
    expect(suggestEntities(model.entities, 'AMÍRA').map((e) => e.id)).toEqual(['amira-khan']);
    expect(suggestEntities(model.entities, 'a', ['amira-khan'], 2)).toHaveLength(2);
    expect(suggestEntities(model.entities, '  ')).toEqual([]);
  });

  it('finds the first item involving an entity', () => {
    expect(firstItemFor(model.items, 'boris-lind')?.date).toBe('2025-05-07');
    expect(firstItemFor(model.items, 'nobody')).toBeUndefined();
  });

  it('opens around an article’s date: the last item begun by then, else the first; with no date, the latest', () => {
    const items = model.items;
    expect(anchorItem(items)).toBe(items.at(-1));
    const mid = items[Math.floor(items.length / 2)]!;
    const anchor = anchorItem(items, mid.date.split('/')[0])!;
    // Nothing after the anchor began by the article's date; the anchor itself did.
    const at = items.indexOf(anchor);
    expect(at).toBeGreaterThanOrEqual(items.indexOf(mid));
    expect(items[at + 1]?.span.start.year ?? Infinity).toBeGreaterThanOrEqual(anchor.span.start.year);
    expect(anchorItem(items, '1800-01-01')).toBe(items[0]);
    expect(anchorItem(items, '2999-12')).toBe(items.at(-1));
    expect(anchorItem([], '2020-01-13')).toBeUndefined();
  });

  it('offers only years that have items, newest first', () => {
    const years = yearsWithItems(model.items);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    for (const y of years)
      expect(model.items.some((i) => i.year === y || (i.span.end ?? i.span.start).year === y)).toBe(true);
    expect(years[0]).toBe(2025);
    expect(years.at(-1)).toBe(2023);
  });

  it('takes the first sentence, not fooled by initials and abbreviations', () => {
    expect(firstSentence('One. Two.')).toBe('One.');
    expect(firstSentence('The U.S. Senate voted. Then it rested.')).toBe('The U.S. Senate voted.');
    expect(firstSentence('Talks led by Dr. Lind ended. More.')).toBe('Talks led by Dr. Lind ended.');
    expect(firstSentence('He said "enough." Then left.')).toBe('He said "enough."');
    expect(firstSentence('No full stop')).toBe('No full stop');
    expect(firstSentence('Version 2.5 shipped in 2025. Next.')).toBe('Version 2.5 shipped in 2025.');
  });
});

describe('entity suggestions on the bundled corpus', () => {
  // The popup's search finds both; the picker, with a fold of its own, found neither.
  const real = buildTimeline(loadBundledRecords());
  const ids = (query: string) => suggestEntities(real.entities, query).map((e) => e.id);

  it('finds a name through a typo, as the popup does', () => {
    expect(ids('larijni')).toContain('ali-larijani');
    expect(ids('ali larijni')[0]).toBe('ali-larijani');
  });

  it('finds a name written with number words or digits, as the popup does', () => {
    expect(ids('twelve day')).toContain('twelve-day-war');
    expect(ids('12 day')).toContain('twelve-day-war');
  });

  it('keeps what each typed letter found, though the search key spells it differently', () => {
    // "Afghan" has the key "afkan": "Afg" is no start of that (and too short for a typo), but is of the spelling.
    const all = (query: string) => suggestEntities(real.entities, query, [], real.entities.length).map((e) => e.id);
    for (const [name, id] of [
      ['Araghchi', 'abbas-araghchi'],
      ['Afghan mujahideen', 'afghan-mujahideen'],
    ] as const) {
      for (let n = 1; n <= name.length; n++) expect(all(name.slice(0, n)), name.slice(0, n)).toContain(id);
    }
  });

  it('finds another romanisation of a name', () => {
    expect(ids('Aragchi')).toContain('abbas-araghchi');
    expect(ids('Laridjani')).toContain('ali-larijani');
  });

  it('finds a name typed in Urdu, Persian or Hindi script, as the popup does', () => {
    expect(ids('لاریجانی')[0]).toBe('ali-larijani');
    // Arabic letter forms and the Persian non-joiner fold as on pages.
    expect(ids('علي لاريجاني')[0]).toBe('ali-larijani');
    expect(ids('خامنه\u200cای')).toContain('ali-khamenei');
    expect(ids('लारीजानी')[0]).toBe('ali-larijani');
  });
});

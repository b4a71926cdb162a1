/**
 * A small hand-written corpus for the timeline's tests: a few people, an organisation,
 * a place, an agreement and two events, with dates at every precision and a range.
 */
import type { CorpusRecords, EntityRecord, Source } from '../../engine/types';

function entity(e: Partial<EntityRecord> & Pick<EntityRecord, 'id' | 'kind' | 'name'>): EntityRecord {
  return {
    aliases: [],
    ambiguous: [],
    role: `${e.name}'s role`,
    summary: `${e.name} summary.`,
    facts: [],
    related: [],
    ...e,
  };
}

export const SOURCES: Source[] = [
  {
    id: 'wire-1',
    title: 'Talks open in Geneva',
    outlet: 'The Wire Desk',
    author: 'A. Writer',
    published: '2025-05-08',
    kind: 'news',
    file: 'seed/wire-1.md',
  },
  {
    id: 'daily-2',
    title: 'A year of talks',
    outlet: 'Daily Ledger',
    author: null,
    published: '2025-06',
    kind: 'analysis',
    file: 'seed/daily-2.md',
  },
];

export const ENTITIES: EntityRecord[] = [
  entity({
    id: 'amira-khan',
    kind: 'person',
    name: 'Amira Khan',
    aliases: ['Minister Khan'],
    role: 'Foreign minister of Northland',
    summary: 'Amira Khan is the foreign minister of Northland. She led the Geneva talks.',
    facts: [
      { date: '2025-05-07', text: 'Amira Khan met Boris Lind in Geneva.', sources: ['wire-1'] },
      { date: '2024', text: 'Became foreign minister.', sources: [], background: true },
      {
        date: '2025-05',
        text: 'Said the talks were a turning point.',
        sources: ['daily-2'],
        attribution: 'her office',
      },
    ],
    related: [{ type: 'negotiated', target: 'harbour-accord', date: '2025-06-01/2025-06-03', sources: [] }],
  }),
  entity({
    id: 'boris-lind',
    kind: 'person',
    name: 'Boris Lind',
    role: 'Envoy of Southland',
    facts: [{ date: '2025-05-07', text: 'Arrived for talks with the Northland delegation.', sources: ['wire-1'] }],
    related: [{ type: 'met', target: 'northland-council', date: '2025-05-07', sources: [] }],
  }),
  entity({
    id: 'northland-council',
    kind: 'organisation',
    name: 'Northland Council',
    aliases: ['the Council'],
    facts: [{ date: '2023-11', text: 'The Council voted to seek talks with Southland.', sources: ['daily-2'] }],
  }),
  entity({ id: 'geneva', kind: 'place', name: 'Geneva', facts: [] }),
  entity({
    id: 'harbour-accord',
    kind: 'agreement',
    name: 'Harbour Accord',
    facts: [{ date: '2025-06-03', text: 'Signed by Amira Khan and Boris Lind.', sources: ['daily-2'] }],
  }),
  entity({
    id: 'geneva-talks',
    kind: 'event',
    name: 'Geneva talks',
    summary: 'Three days of talks between Northland and Southland in Geneva. They ended with a draft accord.',
    event: {
      start: '2025-05-07',
      end: '2025-05-09',
      participants: ['amira-khan', 'boris-lind'],
      place: 'geneva',
      sources: ['wire-1'],
    },
    facts: [
      { date: '2025-05-07/2025-05-09', text: 'Delegations met for three days.', sources: ['daily-2'] },
      { date: '2025-05-08', text: 'A draft text was agreed on the second day.', sources: ['wire-1'] },
    ],
  }),
  entity({
    id: 'signing-ceremony',
    kind: 'event',
    name: 'Signing ceremony',
    summary: 'The Harbour Accord was signed at a ceremony in Geneva.',
    event: { start: '2025-06', participants: ['amira-khan'], place: 'geneva', sources: ['daily-2'] },
  }),
];

export const RECORDS: CorpusRecords = {
  entities: ENTITIES,
  events: ENTITIES.filter((e) => e.event).map((e) => ({ id: e.id, name: e.name, summary: e.summary, ...e.event! })),
  sources: SOURCES,
};

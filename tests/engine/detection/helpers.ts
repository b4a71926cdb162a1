/**
 * A small hand-written corpus for rule tests, independent of data/ (which changes as
 * the corpus grows), and helpers that print mentions as "id:surface" for readable
 * expectations.
 */
import { createNamedDetector, type Mention, type NamedDetector } from '../../../engine/detect';
import { compileMatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';

export const SOURCES: MatcherSource[] = [
  {
    id: 'imran-khan',
    name: 'Imran Khan',
    kind: 'person',
    aliases: ['Imran Ahmed Khan Niazi', 'PM Imran Khan'],
    ambiguous: ['Khan', 'Mr Khan'],
  },
  { id: 'khurram-khan', name: 'Khurram Khan', kind: 'person', aliases: [], ambiguous: ['Khan', 'Mr Khan'] },
  {
    id: 'shehbaz-sharif',
    name: 'Shehbaz Sharif',
    kind: 'person',
    aliases: ['PM Shehbaz', 'Prime Minister Shehbaz'],
    ambiguous: ['Sharif', 'Shehbaz'],
  },
  {
    id: 'asim-munir',
    name: 'Asim Munir',
    kind: 'person',
    aliases: ['Field Marshal Munir', 'Gen. Asim Munir'],
    ambiguous: ['Munir'],
  },
  { id: 'ali-larijani', name: 'Ali Larijani', kind: 'person', aliases: ['Larijani'], ambiguous: [] },
  { id: 'ishaq-dar', name: 'Ishaq Dar', kind: 'person', aliases: [], ambiguous: ['Dar'] },
  { id: 'qasem-soleimani', name: 'Qasem Soleimani', kind: 'person', aliases: ['Soleimani'], ambiguous: [] },
  { id: 'reza-pahlavi', name: 'Reza Pahlavi', kind: 'person', aliases: [], ambiguous: ['Pahlavi'] },
  { id: 'lindsey-graham', name: 'Lindsey Graham', kind: 'person', aliases: [], ambiguous: ['Graham'] },
  { id: 'ashraf-ghani', name: 'Ashraf Ghani', kind: 'person', aliases: [], ambiguous: ['Ghani'] },
  { id: 'nicolas-maduro', name: 'Nicolás Maduro', kind: 'person', aliases: ['Maduro'], ambiguous: [] },
  { id: 'nawaz-sharif-corpus', name: 'Nawaz Sharif', kind: 'person', aliases: [], ambiguous: [] },
  {
    id: 'reza-amiri-moghadam',
    name: 'Reza Amiri-Moghadam',
    kind: 'person',
    aliases: ['Amiri-Moghadam'],
    ambiguous: [],
  },
  {
    id: 'lashkar-e-tayyiba',
    name: 'Lashkar-e-Tayyiba',
    kind: 'organisation',
    aliases: ['LeT', 'Lashkar-e-Taiba'],
    ambiguous: [],
  },
  {
    id: 'ttp',
    name: 'Tehreek-e-Taliban Pakistan',
    kind: 'organisation',
    aliases: ['TTP', 'Tehreek-e-Taliban'],
    ambiguous: [],
  },
  { id: 'trf', name: 'The Resistance Front', kind: 'organisation', aliases: ['TRF'], ambiguous: [] },
  {
    id: 'irgc',
    name: 'Islamic Revolutionary Guard Corps',
    kind: 'organisation',
    aliases: ['IRGC'],
    ambiguous: ['Sepah'],
  },
  {
    id: 'operation-sindoor',
    name: 'Operation Sindoor',
    kind: 'event',
    aliases: ['Op Sindoor'],
    ambiguous: ['Sindoor'],
  },
  { id: 'us', name: 'United States', kind: 'place', aliases: ['U.S.'], ambiguous: [] },
  { id: 'ali-khamenei', name: 'Ali Khamenei', kind: 'person', aliases: ['Khamenei'], ambiguous: ['Supreme Leader'] },
];

/** A detector over `sources` that knows their ids (for labels). */
export function named(sources: MatcherSource[]): NamedDetector {
  return createNamedDetector(
    compileMatcherTable(sources),
    sources.map((s) => s.id),
  );
}

export const detector: NamedDetector = named(SOURCES);

/** "id:surface" for each mention, in document order. */
export function labels(text: string, mentions: Mention[], d: NamedDetector = detector): string[] {
  return mentions.map((m) => `${d.ids[m.entity]!}:${text.slice(m.start, m.end)}`);
}

export function found(text: string, d: NamedDetector = detector): string[] {
  return labels(text, d.detect(text), d);
}

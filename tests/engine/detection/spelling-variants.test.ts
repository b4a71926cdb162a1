// @vitest-environment node
/**
 * Known names under other spellings (engine/spelling-variants.ts): a run of capitalised
 * words whose search key is a person's name, with the guards that keep precision.
 */
import { describe, expect, it } from 'vitest';
import { createNamedDetector } from '../../../engine/detect';
import { compileMatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';

const SOURCES: MatcherSource[] = [
  { id: 'qasem-soleimani', name: 'Qasem Soleimani', kind: 'person', aliases: ['Soleimani'], ambiguous: [] },
  { id: 'asim-munir', name: 'Asim Munir', kind: 'person', aliases: [], ambiguous: ['Munir'] },
  { id: 'ali-larijani', name: 'Ali Larijani', kind: 'person', aliases: ['Larijani'], ambiguous: [] },
  { id: 'reza-moghadam', name: 'Reza Amiri Moghadam', kind: 'person', aliases: [], ambiguous: [] },
];
const detector = createNamedDetector(
  compileMatcherTable(SOURCES),
  SOURCES.map((s) => s.id),
);
const read = (text: string) =>
  detector.detect(text).map((m) => `${detector.ids[m.entity]}:${text.slice(m.start, m.end)}`);

describe('names under other spellings', () => {
  it('finds a full name or a long surname whose search key is a known name', () => {
    expect(read('Qasim Sulemani died and Soleymani was buried.')).toEqual([
      'qasem-soleimani:Qasim Sulemani',
      'qasem-soleimani:Soleymani',
    ]);
    expect(read('Ambassador Reza Amiri Moqaddam said so.')).toEqual(['reza-moghadam:Reza Amiri Moqaddam']);
    expect(read('Asem Munir spoke.')).toEqual(['asim-munir:Asem Munir']);
  });

  it('leaves lower case, short keys, longer names and unknown first names alone', () => {
    expect(read('the sulemani said')).toEqual([]);
    expect(read('Munyr spoke.')).toEqual([]);
    expect(read('Sulemani Street is closed.')).toEqual([]);
    expect(read('Sadegh Amoli Larijany spoke, and so did Sadegh Amoli Larijani.')).toEqual([]);
  });

  it('keeps reading right on an endless page, past the words it can remember at once', () => {
    // More distinct capitalised words than the reader keeps (16,384): it starts over, and
    // words seen before and after still read as they should.
    const filler = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => `Mab${(from + i).toString(36)}`).join(' and ');
    for (let round = 0; round < 3; round++) {
      expect(read(`Soleymani spoke. ${filler(round * 9000, 9000)} and Sulemani.`)).toEqual([
        'qasem-soleimani:Soleymani',
        'qasem-soleimani:Sulemani',
      ]);
    }
  });
});

// @vitest-environment node
/**
 * How names are written in real news beyond the corpus's own spelling: editorial
 * insertions, titles before a name, lower-case generic nouns in organisation names.
 */
import { describe, expect, it } from 'vitest';
import type { MatcherSource } from '../../../engine/types';
import { found, named } from './helpers';

const SOURCES: MatcherSource[] = [
  {
    id: 'bajwa',
    name: 'Qamar Javed Bajwa',
    kind: 'person',
    aliases: ['General Qamar Bajwa', 'General Bajwa'],
    ambiguous: ['Bajwa'],
  },
  {
    id: 'pakistan-army',
    name: 'Pakistan Army',
    kind: 'organisation',
    aliases: ['Pakistani Army', "Pakistan's army"],
    ambiguous: [],
  },
  {
    id: 'irgc',
    name: 'Islamic Revolutionary Guard Corps',
    kind: 'organisation',
    aliases: ['IRGC', 'Iranian Revolutionary Guards'],
    ambiguous: [],
  },
  {
    id: 'quds-force',
    name: 'Quds Force',
    kind: 'organisation',
    aliases: ['Qods Force', 'IRGC Quds Force'],
    ambiguous: [],
  },
  { id: 'qasem-soleimani', name: 'Qasem Soleimani', kind: 'person', aliases: ['Soleimani'], ambiguous: [] },
  { id: 'persian-gulf', name: 'Persian Gulf', kind: 'place', aliases: [], ambiguous: [] },
];
const detector = named(SOURCES);
const find = (text: string) => found(text, detector);

describe('editorial insertions and titles', () => {
  it('reads through square brackets an editor put inside a quoted name', () => {
    expect(find('"General [Qamar] Bajwa and I spoke," he wrote. Bajwa agreed.')).toEqual([
      'bajwa:General [Qamar] Bajwa',
      'bajwa:Bajwa',
    ]);
    expect(find('as General Qamar Bajwa[1] said')).toEqual(['bajwa:General Qamar Bajwa']);
  });

  it('links a title-led name after a capitalised job title', () => {
    // "Staff" is not a first name: the alias starts with a title, so nothing before it is.
    expect(find("Pakistan's Chief of Staff General Bajwa called.")).toEqual(['bajwa:General Bajwa']);
  });

  it('still rejects a full name with another first name before it', () => {
    expect(find('Kamal Qamar Javed Bajwa, a shopkeeper, spoke.')).toEqual([]);
  });

  it('reads a dash as the end of a phrase, not a link between name parts', () => {
    expect(find('ERBIL, Kurdistan Region \u2013 Qasem Soleimani, a commander, died.')).toEqual([
      'qasem-soleimani:Qasem Soleimani',
    ]);
    expect(find('He met Kurdistan Region Qasem Soleimani, a namesake, in Erbil.')).toEqual([]);
  });
});

describe('organisation names with a lower-case generic noun', () => {
  it('links the demonym form with a lower-case head noun', () => {
    expect(find('The Pakistani army has fenced the border.')).toEqual(['pakistan-army:Pakistani army']);
    expect(find('the Qods force and the Iranian Revolutionary guards')).toEqual([
      'quds-force:Qods force',
      'irgc:Iranian Revolutionary guards',
    ]);
  });

  it('reads the lower-case form before a title as part of the title', () => {
    expect(find("Pakistan army chief Asim Munir and Pakistan's army chief spoke.")).toEqual([]);
    expect(find("the powerful head of Pakistan's army, and the Pakistan Army chief")).toEqual([
      "pakistan-army:Pakistan's army",
      'pakistan-army:Pakistan Army',
    ]);
  });

  it('names a unit once when it follows its parent organisation', () => {
    expect(find("the Islamic Revolutionary Guard Corps' Quds Force and the IRGC - Quds Force")).toEqual([
      "quds-force:Islamic Revolutionary Guard Corps' Quds Force",
      'quds-force:IRGC - Quds Force',
    ]);
    expect(find('the Islamic Revolutionary Guard Corps (IRGC) Quds Force')).toEqual([
      'quds-force:Islamic Revolutionary Guard Corps (IRGC) Quds Force',
    ]);
    expect(find('the Islamic Revolutionary Guard Corps (IRGC), the IRGC and the Quds Force')).toEqual([
      'irgc:Islamic Revolutionary Guard Corps',
      'irgc:IRGC',
      'irgc:IRGC',
      'quds-force:Quds Force',
    ]);
  });

  it('skips a place that begins the name of a league or a day', () => {
    expect(find('the Persian Gulf Professional League, Persian Gulf National Day, the Persian Gulf')).toEqual([
      'persian-gulf:Persian Gulf',
    ]);
  });

  it('never links the generic noun alone or a lower-case demonym', () => {
    expect(find('the army and the pakistani army and the guards')).toEqual([]);
  });
});

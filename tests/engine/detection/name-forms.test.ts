// @vitest-environment node
/**
 * How names are written in real news beyond the corpus's own spelling: editorial
 * insertions, titles before a name, lower-case generic nouns in organisation names.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../engine/detect';
import { compileMatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';
import { found } from './helpers';

const SOURCES: MatcherSource[] = [
  { id: 'bajwa', name: 'Qamar Javed Bajwa', kind: 'person', aliases: ['General Qamar Bajwa', 'General Bajwa'], ambiguous: ['Bajwa'] },
  { id: 'pakistan-army', name: 'Pakistan Army', kind: 'organisation', aliases: ['Pakistani Army'], ambiguous: [] },
  { id: 'irgc', name: 'Islamic Revolutionary Guard Corps', kind: 'organisation', aliases: ['Iranian Revolutionary Guards'], ambiguous: [] },
];
const detector = createDetector(compileMatcherTable(SOURCES));
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
});

describe('organisation names with a lower-case generic noun', () => {
  it('links the demonym form with a lower-case head noun', () => {
    expect(find('The Pakistani army has fenced the border.')).toEqual(['pakistan-army:Pakistani army']);
    // "Guards" follows an adjective, not a demonym: only the corpus's own case links.
    expect(find('the Iranian Revolutionary guards and the Iranian Revolutionary Guards')).toEqual([
      'irgc:Iranian Revolutionary Guards',
    ]);
  });

  it('keeps the capital after a country name, where the noun is part of a title', () => {
    expect(find('Pakistan army chief Asim Munir spoke.')).toEqual([]);
    expect(find('The Pakistan Army said.')).toEqual(['pakistan-army:Pakistan Army']);
  });

  it('never links the generic noun alone or a lower-case demonym', () => {
    expect(find('the army and the pakistani army and the guards')).toEqual([]);
  });
});

// @vitest-environment node
/**
 * A known name inside a longer proper name is not a mention of it, and namesakes (the
 * actor who shares a politician's name) link nothing on a page about them.
 */
import { describe, expect, it } from 'vitest';
import type { NamedDetector } from '../../../engine/detect';
import type { MatcherSource } from '../../../engine/types';
import { found, named } from './helpers';

const SOURCES: MatcherSource[] = [
  {
    id: 'imran-khan',
    name: 'Imran Khan',
    kind: 'person',
    aliases: ['PM Imran Khan'],
    ambiguous: ['Khan', 'Imran'],
    namesakes: [{ names: ['Imran Khan'], cues: ['Bollywood', 'Aamir Khan', 'Delhi Belly'] }],
    related: ['shah-mahmood-qureshi'],
  },
  {
    id: 'shehbaz-sharif',
    name: 'Shehbaz Sharif',
    kind: 'person',
    aliases: ['PM Shehbaz'],
    ambiguous: ['Sharif'],
    namesakes: [{ names: [], cues: ['Nawaz', 'three-time prime minister'] }],
  },
  { id: 'shah-mahmood-qureshi', name: 'Shah Mahmood Qureshi', kind: 'person', aliases: ['Qureshi'], ambiguous: [] },
  {
    id: 'donald-trump',
    name: 'Donald Trump',
    kind: 'person',
    aliases: ['Trump'],
    ambiguous: [],
    longerNames: ['Trump card', 'Trump cards'],
  },
  {
    id: 'balochistan',
    name: 'Balochistan',
    kind: 'place',
    aliases: ['Baluchistan'],
    ambiguous: [],
    longerNames: ['Sistan and Baluchistan', 'Sistan-Baluchistan'],
  },
  { id: 'taliban', name: 'Taliban', kind: 'organisation', aliases: ['Afghan Taliban'], ambiguous: [] },
  {
    id: 'ttp',
    name: 'Tehreek-e-Taliban Pakistan',
    kind: 'organisation',
    aliases: ['TTP', 'Pakistan Taliban'],
    ambiguous: [],
  },
];
const detector = named(SOURCES);
const find = (text: string) => found(text, detector);

/** Mentions of a page read as one session, paragraph by paragraph. */
function page(paragraphs: string[], d: NamedDetector = detector): string[] {
  const session = d.session();
  const blocks = paragraphs.map((text, key) => ({ key, text }));
  session.add(blocks);
  return blocks.flatMap((b) =>
    session.mentions(b.key).map((m) => `${d.ids[m.entity]!}:${b.text.slice(m.start, m.end)}`),
  );
}

describe('names inside longer names', () => {
  it('skips a person name that starts a company or an institution', () => {
    expect(find('Trump Media shares fell; the Imran Khan Stadium filled; then Trump spoke.')).toEqual([
      'donald-trump:Trump',
    ]);
  });

  it('skips a place that starts an organisation name', () => {
    expect(find('The Balochistan Liberation Army attacked in Baluchistan.')).toEqual(['balochistan:Baluchistan']);
  });

  it('skips longer names the corpus lists as other things', () => {
    expect(find("Iran's Sistan-Baluchistan province, or Sistan and Baluchistan, borders Baluchistan.")).toEqual([
      'balochistan:Baluchistan',
    ]);
  });

  it('skips a word that is a name only by its capital: the tarot\u2019s Trump cards', () => {
    // Readability's article-author-tag page: "plus 21 Trump cards known as the Major Arcana".
    expect(find('Plus 21 Trump cards known as the Major Arcana. The Trump Card, a memoir.')).toEqual([]);
    expect(find('Trump played his trump card; Trump cards aside, Trump won.')).toEqual([
      'donald-trump:Trump',
      'donald-trump:Trump',
    ]);
  });

  it('reads "Pakistan Taliban" as the TTP, not the Afghan Taliban', () => {
    expect(find('The Pakistan Taliban and the Taliban')).toEqual(['ttp:Pakistan Taliban', 'taliban:Taliban']);
  });
});

describe('namesakes', () => {
  it('links a politician\u2019s name on a page with no cue', () => {
    expect(page(['Imran Khan addressed a rally.', 'Khan said the vote was rigged.'])).toEqual([
      'imran-khan:Imran Khan',
      'imran-khan:Khan',
    ]);
  });

  it('links nothing on a page about the actor, before or after the cue', () => {
    expect(
      page(['Bollywood actor Imran Khan returns to films.', 'Khan said he missed acting.', 'Imran Khan smiled.']),
    ).toEqual([]);
    expect(page(['Imran Khan, star of Delhi Belly, spoke to reporters.', 'Imran Khan left.'])).toEqual([]);
  });

  it('keeps the link when the cue\u2019s block also names the entity or a related one', () => {
    expect(page(['PM Imran Khan criticised Bollywood.', 'Imran Khan spoke again.'])).toEqual([
      'imran-khan:PM Imran Khan',
      'imran-khan:Imran Khan',
    ]);
    expect(page(['Imran Khan and Qureshi watched Bollywood films.'])).toEqual([
      'imran-khan:Imran Khan',
      'shah-mahmood-qureshi:Qureshi',
    ]);
  });

  it('lets a cue compete for a short form like another person\u2019s name', () => {
    // The brother named by a cue is nearer to "Sharif" than the prime minister is.
    expect(page(['PM Shehbaz met the cabinet.', 'Nawaz returned from London.', 'Sharif thanked supporters.'])).toEqual([
      'shehbaz-sharif:PM Shehbaz',
    ]);
    expect(
      page(['The three-time prime minister returned.', 'PM Shehbaz met the cabinet.', 'Sharif thanked supporters.']),
    ).toEqual(['shehbaz-sharif:PM Shehbaz', 'shehbaz-sharif:Sharif']);
  });

  it('works for a place that shares its name with a song', () => {
    const d = named([
      {
        id: 'kashmir',
        name: 'Kashmir',
        kind: 'place',
        aliases: ['Jammu and Kashmir'],
        ambiguous: [],
        namesakes: [{ names: ['Kashmir'], cues: ['Led Zeppelin'] }],
      },
    ]);
    expect(page(["Led Zeppelin's greatest album?", "Plant named the song 'Kashmir' among his favourites."], d)).toEqual(
      [],
    );
    expect(page(['Shelling was reported in Kashmir.', 'Kashmir remains tense.'], d)).toEqual([
      'kashmir:Kashmir',
      'kashmir:Kashmir',
    ]);
    // The region's unambiguous form in the cue's block says the page means it.
    expect(page(['In Jammu and Kashmir, a Led Zeppelin tribute band played.', 'Kashmir cheered.'], d)).toEqual([
      'kashmir:Jammu and Kashmir',
      'kashmir:Kashmir',
    ]);
  });

  it('a cue is never a mention and does not hide a name it overlaps', () => {
    expect(find('Aamir Khan spoke.')).toEqual([]);
    expect(find('bollywood')).toEqual([]);
  });
});

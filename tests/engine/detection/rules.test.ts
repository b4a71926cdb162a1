// @vitest-environment node
/**
 * Every detection rule, on sentences written for the purpose against the small
 * inline corpus in helpers.ts.
 */
import { describe, expect, it } from 'vitest';
import { detector, found, named } from './helpers';

describe('normalisation keeps offsets into the original text', () => {
  it('matches through diacritics, dashes, no-break spaces and invisible characters', () => {
    expect(found('Nicolas Maduro and NICOLÁS MADURO spoke.')).toEqual([
      'nicolas-maduro:Nicolas Maduro',
      'nicolas-maduro:NICOLÁS MADURO',
    ]);
    expect(found('The Tehreek e Taliban and the Tehreek\u2011e\u2011Taliban.')).toEqual([
      'ttp:Tehreek e Taliban',
      'ttp:Tehreek\u2011e\u2011Taliban',
    ]);
    expect(found('Ali\u00a0Larijani, Lari\u00adjani and Amiri Moghadam.')).toEqual([
      'ali-larijani:Ali\u00a0Larijani',
      'ali-larijani:Lari\u00adjani',
      'reza-amiri-moghadam:Amiri Moghadam',
    ]);
  });

  it('covers a decomposed accent at the end of a name', () => {
    const text = 'Visit by Nicola\u0301s Maduro.';
    expect(found(text)).toEqual(['nicolas-maduro:Nicola\u0301s Maduro']);
  });

  it('matches across a line break but not across a blank line', () => {
    expect(found('said Imran\nKhan today')).toEqual(['imran-khan:Imran\nKhan']);
    expect(found('said Ali\n\nLarijani')).toEqual(['ali-larijani:Larijani']);
  });
});

describe('word boundaries', () => {
  it('never matches inside a word', () => {
    expect(found('Ishaq Dar flew over Darfur; Sardar and Khanna met Khanate envoys.')).toEqual(['ishaq-dar:Ishaq Dar']);
    expect(found('Larijanis and Soleimanism')).toEqual([]);
  });

  it('matches possessives without the apostrophe-s', () => {
    expect(found("Larijani's aide, Larijani\u2019s plane, Soleimani' legacy")).toEqual([
      'ali-larijani:Larijani',
      'ali-larijani:Larijani',
      'qasem-soleimani:Soleimani',
    ]);
  });

  it('matches in parentheses, quotes, headlines and at line ends', () => {
    expect(found('(Larijani) "Larijani" \u201cSoleimani\u201d\nLARIJANI VISITS ISLAMABAD\nmet Larijani')).toEqual([
      'ali-larijani:Larijani',
      'ali-larijani:Larijani',
      'qasem-soleimani:Soleimani',
      'ali-larijani:LARIJANI',
      'ali-larijani:Larijani',
    ]);
  });
});

describe('case policy', () => {
  it('reads LeT only as written', () => {
    expect(found('Let them go, let it be, LET IT BE. LeT denied it.')).toEqual(['lashkar-e-tayyiba:LeT']);
  });

  it('needs a capitalised name, but accepts an all-caps headline', () => {
    expect(found('Lindsey Graham likes graham crackers. LINDSEY GRAHAM SPEAKS')).toEqual([
      'lindsey-graham:Lindsey Graham',
      'lindsey-graham:LINDSEY GRAHAM',
    ]);
    expect(found('maduro, imran khan')).toEqual([]);
  });

  it('matches particles in any case', () => {
    expect(found('Tehreek-E-Taliban fighters')).toEqual(['ttp:Tehreek-E-Taliban']);
  });
});

describe('longest match wins', () => {
  it('prefers the longer alias', () => {
    expect(found('Operation Sindoor began; Imran Ahmed Khan Niazi spoke.')).toEqual([
      'operation-sindoor:Operation Sindoor',
      'imran-khan:Imran Ahmed Khan Niazi',
    ]);
  });

  it('drops a leading article but keeps the name', () => {
    expect(found('Officials blamed the Resistance Front. The Resistance Front denied it.')).toEqual([
      'trf:Resistance Front',
      'trf:The Resistance Front',
    ]);
  });

  it('matches dotted and dotless spellings', () => {
    expect(found('Gen. Asim Munir and Gen Asim Munir met U.S. officials')).toEqual([
      'asim-munir:Gen. Asim Munir',
      'asim-munir:Gen Asim Munir',
      'us:U.S.',
    ]);
  });

  it('resolves overlaps leftmost first, the same way every time', () => {
    const text = 'Field Marshal Munir Imran Khan Niazi';
    const once = detector.detect(text);
    expect(found(text)).toEqual(['asim-munir:Field Marshal Munir', 'imran-khan:Imran Khan']);
    expect(detector.detect(text)).toEqual(once);
  });
});

describe('ambiguous short forms need context', () => {
  it('links a short form only when the entity is named unambiguously on the page', () => {
    expect(found('Khan said the talks would go on.')).toEqual([]);
    expect(found('Imran Khan arrived. Khan said the talks would go on.')).toEqual([
      'imran-khan:Imran Khan',
      'imran-khan:Khan',
    ]);
  });

  it('looks ahead when no mention precedes', () => {
    expect(found('Khan said, in a statement, that Imran Khan would appeal.')).toEqual([
      'imran-khan:Khan',
      'imran-khan:Imran Khan',
    ]);
  });

  it('takes the nearest preceding mention among several candidates', () => {
    const text = 'Imran Khan and Khurram Khan were charged. Khan denied it. Imran Khan was silent; Khan too.';
    expect(found(text)).toEqual([
      'imran-khan:Imran Khan',
      'khurram-khan:Khurram Khan',
      'khurram-khan:Khan',
      'imran-khan:Imran Khan',
      'imran-khan:Khan',
    ]);
  });

  it('does not link Sindoor at a wedding', () => {
    expect(found('The bride wore sindoor. Sindoor is applied at weddings.')).toEqual([]);
  });

  it('accepts a corpus title-and-name alias as the unambiguous mention', () => {
    expect(found('Field Marshal Munir spoke. Munir later left.')).toEqual([
      'asim-munir:Field Marshal Munir',
      'asim-munir:Munir',
    ]);
  });

  it('counts an unknown full name ending in the surname as a competitor', () => {
    const text = 'PM Shehbaz met Maryam Nawaz Sharif. Sharif said the province was ready.';
    expect(found(text)).toEqual(['shehbaz-sharif:PM Shehbaz']);
    const later = 'Maryam Nawaz Sharif spoke first. PM Shehbaz replied, and Sharif thanked her.';
    expect(found(later)).toEqual(['shehbaz-sharif:PM Shehbaz', 'shehbaz-sharif:Sharif']);
  });

  it('counts a corpus alias of another person ending in the surname as a competitor', () => {
    const text = 'Shehbaz Sharif met Nawaz Sharif. Sharif, the elder brother, spoke.';
    expect(found(text)).toEqual(['shehbaz-sharif:Shehbaz Sharif', 'nawaz-sharif-corpus:Nawaz Sharif']);
  });

  it('gives a page about Sadiq Khan no Imran Khan link', () => {
    expect(found('Sadiq Khan opened the line. Khan said fares would fall. Mr Khan smiled.')).toEqual([]);
    expect(found('Imran Khan spoke in 2019. Sadiq Khan, the mayor, replied. Khan said no. Mr Khan left.')).toEqual([
      'imran-khan:Imran Khan',
    ]);
  });

  it('reads a name made of digits inside a date or number as part of it', () => {
    const d = named([{ id: 'sept-11', name: 'September 11 attacks', kind: 'event', aliases: ['9/11'], ambiguous: [] }]);
    expect(found('After 9/11, the law changed.', d)).toEqual(['sept-11:9/11']);
    expect(found('Posted 9/11/13 at 10:00AM; filed 19/9/11; build 9/11.2.', d)).toEqual([]);
  });

  it('reads a country or capital right before a name as a place, not a first name', () => {
    expect(found('Pakistan Imran Khan said the talks would go on.')).toEqual(['imran-khan:Imran Khan']);
    expect(found('TEHRAN Imran Khan arrived on Monday.')).toEqual(['imran-khan:Imran Khan']);
  });

  it('is not fooled by titles and sentence-initial words before a surname', () => {
    const text = 'Imran Khan spoke. But Khan, like Mr Khan, and Former Premier Khan all agree. Jailed Khan.';
    expect(found(text).filter((m) => m.endsWith(':Khan') || m.endsWith('Mr Khan'))).toHaveLength(4);
  });

  it('rejects a short form that begins a longer name', () => {
    expect(found('Imran Khan said Khan Younis was shelled.')).toEqual(['imran-khan:Imran Khan']);
    expect(found('Ishaq Dar flew to Dar es Salaam.')).toEqual(['ishaq-dar:Ishaq Dar']);
    expect(found('Lindsey Graham met Graham Potter.')).toEqual(['lindsey-graham:Lindsey Graham']);
  });

  it('applies to ambiguous forms of organisations too', () => {
    expect(found('Bank Sepah was sanctioned.')).toEqual([]);
    expect(found('The IRGC, or Sepah, said.')).toEqual(['irgc:IRGC', 'irgc:Sepah']);
  });
});

describe('names inside the names of other things', () => {
  it('rejects a person inside an institution, place or dynasty name', () => {
    const text =
      'Imran Khan Stadium, Sharif University of Technology, Soleimani Air Base, Khan Academy, the Pahlavi dynasty, ' +
      'Imran Khan Sports Complex, Fort Soleimani and Larijani Hospital.';
    const page = `Imran Khan, Shehbaz Sharif and Reza Pahlavi were named. ${text}`;
    expect(found(page)).toEqual([
      'imran-khan:Imran Khan',
      'shehbaz-sharif:Shehbaz Sharif',
      'reza-pahlavi:Reza Pahlavi',
    ]);
  });

  it('keeps titles before a name and lower-case words after it', () => {
    expect(found('President Larijani, the Larijani government and the Soleimani era')).toEqual([
      'ali-larijani:Larijani',
      'ali-larijani:Larijani',
      'qasem-soleimani:Soleimani',
    ]);
  });

  it('keeps a surname followed by capitalised words in a title-case headline', () => {
    expect(found('Larijani Warns Against New Sanctions On Tehran')).toEqual(['ali-larijani:Larijani']);
  });
});

describe('one-word surnames the corpus calls unambiguous', () => {
  it('link on sight', () => {
    expect(found('Larijani arrived.')).toEqual(['ali-larijani:Larijani']);
  });

  it('anchor the ambiguous forms of their entity once linked', () => {
    expect(found('Khamenei spoke first. The Supreme Leader then left.')).toEqual([
      'ali-khamenei:Khamenei',
      'ali-khamenei:Supreme Leader',
    ]);
    expect(found('Mojtaba Khamenei spoke first. The Supreme Leader then left.')).toEqual([]);
  });

  it('treat a son named Jr. as a competing name', () => {
    expect(found('Nicolás Maduro Jr. spoke. Maduro said more.')).toEqual([]);
    expect(found('Maduro spoke. Nicolás Maduro Jr. did not.')).toEqual(['nicolas-maduro:Maduro']);
  });

  it('defer to a competing full name that precedes them', () => {
    expect(found('Sadegh Larijani chaired the council. Larijani said the plan was ready.')).toEqual([]);
    expect(found('Larijani spoke. Sadegh Larijani, his brother, did not.')).toEqual(['ali-larijani:Larijani']);
  });
});

describe('aliases that start lower-case', () => {
  const d = named([
    {
      id: 'gaza-war',
      name: 'Gaza war',
      kind: 'event',
      aliases: ['war in Gaza', '12 day war', 'al Mayadeen strike'],
      ambiguous: [],
    },
    { id: 'warsaw', name: 'Warsaw', kind: 'place', aliases: ['War Office'], ambiguous: [] },
    { id: 'alma', name: 'Almaty', kind: 'place', aliases: ['Alma Ata'], ambiguous: [] },
  ]);
  const ids = (text: string) => d.detect(text).map((m) => `${d.ids[m.entity]!}:${text.slice(m.start, m.end)}`);

  it('are found after lower-case words that only capitalised aliases begin with', () => {
    expect(ids('the war in Gaza and the 12 day war, in warsaw, al Mayadeen strike')).toEqual([
      'gaza-war:war in Gaza',
      'gaza-war:12 day war',
      'gaza-war:al Mayadeen strike',
    ]);
    expect(ids('alma ata, war office, Alma Ata, War Office, wars in Gaza')).toEqual([
      'alma:Alma Ata',
      'warsaw:War Office',
    ]);
    expect(ids('aftermath: war in Gaza')).toEqual(['gaza-war:war in Gaza']);
  });
});

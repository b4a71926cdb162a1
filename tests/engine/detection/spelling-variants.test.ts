// @vitest-environment node
/**
 * Known names under other spellings (engine/spelling-variants.ts): a run of capitalised
 * words whose search key is a person's name, with the guards that keep precision; and
 * the consonant skeleton by which the phrase lexicon hands the reader only the
 * capitalised words that may end a name (engine/search-key.ts), which must let through
 * every word whose key is a name's last word.
 */
import { describe, expect, it } from 'vitest';
import { createNamedDetector } from '../../../engine/detect';
import { createLexicon } from '../../../engine/phrase-lexicon';
import { foldForSearch } from '../../../engine/search-key';
import { createVariantReader, previousWordStart } from '../../../engine/spelling-variants';
import { compileMatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';
import { loadCorpusTable, loadDevPages } from '../../../scripts/evaluate-detection';

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

  it('reads a name the page repeats by what comes before it each time', () => {
    // The reader remembers each run of words it has folded ("Sulemani", "Asem Sulemani"):
    // a surname alone, then after an unknown first name, then alone again, in one block
    // and across blocks of one session.
    const text = 'Sulemani spoke. Asem Sulemani spoke. Sulemani spoke.';
    expect(read(text)).toEqual(['qasem-soleimani:Sulemani', 'qasem-soleimani:Sulemani']);
    const session = detector.session();
    const { blocks } = session.add([
      { key: 1, text: 'Asem Sulemani spoke.' },
      { key: 2, text: 'Sulemani spoke.' },
      { key: 3, text: 'Qasim Sulemani spoke.' },
    ]);
    expect(blocks.map((b) => `${b.key}:${b.mentions.length}`)).toEqual(['2:1', '3:1']);
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

/** The capitalised words of `text` that the lexicon lists for the reader, as "from:end". */
function listed(lexicon: ReturnType<typeof createLexicon>, text: string): string[] {
  const capitals: number[] = [];
  lexicon.scan(text, [], capitals);
  const out: string[] = [];
  for (let k = 0; k < lexicon.capitalCount; k += 3) out.push(`${capitals[k]}:${capitals[k + 1]}`);
  return out;
}

/**
 * Spellings of a word one change away, as romanisations differ: each vowel another (or
 * two), a letter doubled, the letters and pairs the search key merges swapped for each
 * other, an accent or a combining mark on a letter, an h after a final vowel.
 */
function respell(word: string): string[] {
  const out = new Set<string>();
  const swaps: [string, string[]][] = [
    ['k', ['q', 'gh', 'kk']],
    ['q', ['k', 'gh']],
    ['gh', ['k', 'q', 'g']],
    ['g', ['gh', 'q']],
    ['v', ['w']],
    ['w', ['v']],
    ['f', ['ph']],
    ['ph', ['f', 'p']],
    ['p', ['ph']],
    ['j', ['dj']],
    ['dj', ['j']],
    ['h', ['']],
  ];
  for (let i = 0; i < word.length; i++) {
    const before = word.slice(0, i);
    const c = word[i]!;
    if ('aeiouy'.includes(c))
      for (const v of ['a', 'e', 'i', 'o', 'u', 'y', 'ee', 'oo', 'ou', 'ei', ''])
        out.add(before + v + word.slice(i + 1));
    out.add(before + c + word.slice(i));
    for (const [from, tos] of swaps)
      if (word.startsWith(from, i)) for (const to of tos) out.add(before + to + word.slice(i + from.length));
    const accented = (c + '\u0301').normalize('NFC');
    out.add(before + accented + word.slice(i + 1));
    out.add(before + c + '\u0308' + word.slice(i + 1));
  }
  if ('aeiouy'.includes(word[word.length - 1]!)) out.add(word + 'h');
  return [...out];
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

describe('the consonant skeleton the lexicon sorts capitalised words by', () => {
  const { table } = loadCorpusTable();
  const reader = createVariantReader(table.variants ?? []);
  const keys = (table.variants ?? []).filter(([, e]) => e >= 0).map(([k]) => k);
  const lastWords = new Set(keys.map((key) => key.slice(key.lastIndexOf(' ') + 1)));
  const everyWord = createLexicon(['war']);
  const filtered = createLexicon(['war'], reader.lastWordSkeletons);

  /** The words of `text` whose search key ends a name but that the filter drops, and how many end one. */
  const dropped = (text: string) => {
    const kept = new Set(listed(filtered, text));
    const missing: string[] = [];
    let matching = 0;
    for (const span of listed(everyWord, text)) {
      const [from, end] = span.split(':').map(Number) as [number, number];
      if (!lastWords.has(foldForSearch(text.slice(from, end)))) continue;
      matching++;
      if (!kept.has(span)) missing.push(text.slice(from, end));
    }
    return { missing, matching };
  };

  it('lists every spelling of a name’s last word that folds to it', () => {
    expect(lastWords.size).toBeGreaterThan(10);
    // The last words as keys and as the corpus spells them, in the forms the matcher knows.
    const bases = new Set(lastWords);
    for (const [form] of table.variants ?? []) {
      const word = form.slice(form.lastIndexOf(' ') + 1);
      if (lastWords.has(foldForSearch(word))) bases.add(word);
    }
    const words = new Set<string>();
    for (const base of bases)
      for (const once of respell(base)) {
        words.add(once);
        // Two changes, for a sample of the first.
        if (words.size % 5 === 0) for (const twice of respell(once)) words.add(twice);
      }
    const text = [...words].flatMap((w) => [capitalised(w), w.toUpperCase(), capitalised(w) + '\u0301']).join(' ');
    const { missing, matching } = dropped(text);
    expect(missing).toEqual([]);
    // The spellings above are a test only if many of them are names' last words.
    expect(matching).toBeGreaterThan(5_000);
  });

  it('lists the dev set’s words that fold to a last word, and few others', () => {
    const pages = loadDevPages();
    expect(pages.length).toBeGreaterThan(0);
    const text = pages.map((p) => p.text).join('\n');
    // Every word capitalised too, so that the lower-case ones are read as well.
    const words = text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
    const all = `${text}\n${words.map(capitalised).join(' ')}`;
    const { missing, matching } = dropped(all);
    expect(missing).toEqual([]);
    expect(matching).toBeGreaterThan(0);
    expect(listed(filtered, all).length).toBeLessThan(listed(everyWord, all).length / 5);
  });

  it('lets a number word through when a last word is its digits', () => {
    const numbers = createVariantReader([['operation 12', 0]]);
    const lexicon = createLexicon(['war'], numbers.lastWordSkeletons);
    // "Tvelve" has the skeleton of "Twelve" (the reader then folds it to another key);
    // "12" does not begin with a capital, and is not read as one.
    expect(listed(lexicon, 'Twelve Twélve TWELVE Tvelve Twelfth Trade 12')).toEqual(['0:6', '7:13', '14:20', '21:27']);
  });

  it('lists every capitalised word when a last word keeps a letter beyond ASCII', () => {
    const lexicon = createLexicon(['war'], createVariantReader([['ali straße', 0]]).lastWordSkeletons);
    expect(listed(lexicon, 'Strasse The Straße')).toEqual(['0:7', '8:11', '12:18']);
  });
});

describe('the capitalised word before a name, read in place', () => {
  /** What the reader matched before: the expression on the text a name can reach back over. */
  const PREVIOUS = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*[ \-‐]$/u;
  const byExpression = (text: string, at: number) => {
    const from = Math.max(0, at - 41);
    const m = PREVIOUS.exec(text.slice(from, at));
    return m ? from + m.index : -1;
  };

  it('finds what the expression finds at every position of the dev set and of edge cases', () => {
    const edges = [
      'said Sulemani',
      'Qasim Sulemani',
      'Qasim-Sulemani',
      'Qasim‐Sulemani',
      'Café Sulemani',
      'O’Brien Sulemani',
      "O'Brien Sulemani",
      'F16 Sulemani',
      'É Sulemani',
      'A Sulemani',
      ' Sulemani',
      `${'Q'.repeat(60)} Sulemani`,
      `${'q'.repeat(38)}Qasim Sulemani`,
      'Mohammad\u0301 Sulemani',
      'ابو Sulemani',
    ];
    const text = [...loadDevPages().map((p) => p.text), ...edges].join('\n');
    let found = 0;
    for (let at = 0; at <= text.length; at++) {
      const expected = byExpression(text, at);
      expect(previousWordStart(text, at)).toBe(expected);
      if (expected >= 0) found++;
    }
    // A test only if many positions have a word before them.
    expect(found).toBeGreaterThan(1_000);
  });
});

// @vitest-environment node
/**
 * The search key and detection's fold read one set of character rules (engine/normalize.ts):
 * which code units are letters and what they fold to, which are spaces, which vanish.
 * Every UTF-16 code unit is put between two letters and folded both ways; where the
 * folds differ by design (punctuation, apostrophes), the test says how.
 */
import { describe, expect, it } from 'vitest';
import { CharClass, charClass, normalizeText } from '../../engine/normalize';
import { foldForSearch, foldSpelling } from '../../engine/search-key';

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Each code unit between "b" and "k" (letters no transliteration rule touches). */
function disagreements(
  expected: (c: number, detected: string) => string | null,
  fold: (s: string) => string,
): string[] {
  const out: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const text = `b${String.fromCharCode(c)}k`;
    const want = expected(c, normalizeText(text));
    const got = fold(text);
    if (want !== null && got !== want)
      out.push(`${hex(c)}: detection ${JSON.stringify(normalizeText(text))}, search ${JSON.stringify(got)}`);
  }
  return out;
}

describe('the search key shares detection character rules', () => {
  it('folds every letter to what detection folds it to, and ends or keeps words where detection does', () => {
    const spelling = (c: number, detected: string): string => {
      switch (charClass(c)) {
        // A letter or digit folds the same (case, diacritics) and stays in its word.
        case CharClass.Word:
          return detected;
        // Invisible controls and combining marks vanish inside a word in both.
        case CharClass.Ignore:
        case CharClass.Mark:
          return 'bk';
        // Spaces, dashes and line breaks separate words in both.
        case CharClass.Space:
        case CharClass.LineBreak:
          return 'b k';
        // By design: detection keeps an apostrophe as `'` (possessives split off); the
        // search key drops it inside a word (Khamene'i = Khamenei).
        case CharClass.Apostrophe:
          return 'bk';
        // By design: detection keeps punctuation as itself; to the search key it is a gap.
        default:
          return 'b k';
      }
    };
    expect(disagreements(spelling, foldSpelling)).toEqual([]);
  });

  it('agrees the same way with transliteration on, for everything but letters', () => {
    const nonLetters = (c: number): string | null => {
      const cls = charClass(c);
      if (cls === CharClass.Word) return null;
      return cls === CharClass.Space || cls === CharClass.LineBreak || cls === CharClass.Other ? 'b k' : 'bk';
    };
    expect(disagreements(nonLetters, foldForSearch)).toEqual([]);
  });

  it('spot checks: accents, case, dashes, invisible characters', () => {
    for (const [a, b] of [
      ['Nicolás', 'NICOLAS'],
      ['Tehreek‐e‐Taliban', 'Tehreek e Taliban'],
      ['Pe\u00adzeshkian', 'Pezeshkian'],
      ['Łódź', 'lodz'],
    ] as const) {
      expect(normalizeText(a)).toBe(normalizeText(b));
      expect(foldSpelling(a)).toBe(foldSpelling(b));
      expect(foldForSearch(a)).toBe(foldForSearch(b));
    }
  });
});

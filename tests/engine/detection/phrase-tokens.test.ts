// @vitest-environment node
/**
 * The words around a trigger (engine/phrase-tokens.ts) are listed as the regular
 * expression they replace lists them, whole, from any index: checked on hand-picked cases and
 * on random text over an alphabet of the awkward characters (marks, half-spaces,
 * abbreviations, surrogate pairs, lone surrogates, other scripts).
 */
import { describe, expect, it } from 'vitest';
import { isUpperUnit, PhraseTokens, WordKeys, wordKey, yearsWithin } from '../../../engine/phrase-tokens';

const TOKEN = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{M}\p{N}\u200c\u200d]+|\S/gu;

/**
 * The regular expression's words, listed in steps as the phrase reader lists them: a step
 * [from, to] lists the words that start before `to`, from the start of the run of
 * characters without spaces that holds `from` (or from where the last step stopped, if
 * later); a step [-1, to] lists the next word if it starts before `to`. Each word is
 * [start, end, 1 if a listing began at it with words not listed right before it].
 */
function byExpression(text: string, steps: [number, number][]): [number, number, number][] {
  const out: [number, number, number][] = [];
  let covered = 0;
  for (const [from, to] of steps) {
    if (from === -1) {
      TOKEN.lastIndex = covered;
      const m = TOKEN.exec(text);
      if (m && m.index < to) {
        out.push([m.index, m.index + m[0].length, 0]);
        covered = m.index + m[0].length;
      } else covered = m ? m.index : text.length;
      continue;
    }
    if (covered >= to) continue;
    let i = Math.max(0, from, covered);
    if (i > covered && i < text.length && !/\s/u.test(text[i]!)) while (i > covered && !/\s/u.test(text[i - 1]!)) i--;
    let began = i > covered ? 1 : 0;
    TOKEN.lastIndex = i;
    let m = TOKEN.exec(text);
    for (; m && m.index < to; m = TOKEN.exec(text)) {
      out.push([m.index, m.index + m[0].length, began]);
      began = 0;
    }
    covered = m ? m.index : text.length;
  }
  return out;
}

/** Integers below `n` from a seeded generator (an LCG's high bits: its low ones repeat with a short period). */
function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return Math.floor((seed / 0x80000000) * n);
  };
}

function listed(tokens: PhraseTokens): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let k = 0; k < tokens.length; k++) out.push([tokens.starts[k]!, tokens.ends[k]!, tokens.beganAt(k) ? 1 : 0]);
  return out;
}

const words = (text: string) => {
  const t = new PhraseTokens();
  t.reset(text);
  t.cover(0, text.length);
  return listed(t).map(([s, e]) => text.slice(s, e));
};

describe('phrase tokens', () => {
  it('lists words, abbreviations and single marks of punctuation', () => {
    expect(words('Dr. Masoud Pezeshkian’s U.S.-led visit, e.g 12-day')).toEqual([
      'Dr',
      '.',
      'Masoud',
      'Pezeshkian',
      '’',
      's',
      'U.S.',
      '-',
      'led',
      'visit',
      ',',
      'e.g',
      '12',
      '-',
      'day',
    ]);
    expect(words('رئیس‌جمهوری «مسعود» आतंकी 😀x')).toEqual(['رئیس‌جمهوری', '«', 'مسعود', '»', 'आतंकी', '😀', 'x']);
  });

  it('reads what the phrase reader asks of a word', () => {
    const text = 'Gen. Asim Munir and his. 12 — “the” Dr.x Genl.';
    const t = new PhraseTokens();
    t.reset(text);
    t.cover(0, text.length);
    const at = (w: string, nth = 0) => {
      let k = -1;
      for (let seen = -1; seen < nth;) if (text.slice(t.starts[++k]!, t.ends[k]!) === w) seen++;
      return k;
    };
    expect(t.capitalOrNumber(at('Asim'))).toBe(true);
    expect(t.capitalOrNumber(at('12'))).toBe(true);
    expect(t.capitalOrNumber(at('and'))).toBe(false);
    expect(t.isAbbreviationDot(at('.'))).toBe(true); // after "Gen"
    expect(t.isAbbreviationDot(at('.', 1))).toBe(false); // after "his": not capitalised
    expect(t.isAbbreviationDot(at('.', 2))).toBe(true); // after "Dr"
    expect(t.isAbbreviationDot(at('.', 3))).toBe(false); // after "Genl": too long
    expect(t.isJoiner(at('—'))).toBe(true);
    expect(t.isJoiner(at('“'))).toBe(true);
    expect(t.isJoiner(at('the'))).toBe(false);
  });

  it('finds a word of the set in any case, and a word beyond ASCII by its folded key', () => {
    const keys = new WordKeys(['the', 'gaza', 'é'].map(wordKey));
    const text = 'THE Gaza gAZa ZAZ thee É';
    const has = (word: string) => {
      const at = text.indexOf(word);
      return keys.has(text, at, at + word.length);
    };
    expect(['THE', 'Gaza', 'gAZa', 'É'].map(has)).toEqual([true, true, true, true]);
    expect(['ZAZ', 'thee', 'TH'].map(has)).toEqual([false, false, false]);
  });

  it('matches the regular expression on random text, from any index, in pieces', () => {
    const alphabet = [
      ..."aAbZabaB.. . .-'’“/«»",
      'é',
      '\u0301', // combining acute
      '\u200c',
      '\u200d',
      '7',
      'ب',
      'ि',
      'क',
      '\u00a0',
      '\n',
      '😀',
      '𝐀', // a letter outside the BMP
      '\ud83d', // a lone lead surrogate
      '\ude00', // a lone trail surrogate
      '\u2028',
      '\ufeff',
      '\u0000',
      '٣',
    ];
    const random = seeded(7);
    const keys = new WordKeys(['the', 'u.s', 'and', 'aab', 'é', 'ب'].map(wordKey));
    const reference = new Set(['the', 'u.s', 'and', 'aab', 'é', 'ب'].map(wordKey));
    const t = new PhraseTokens();
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let i = 0, n = 1 + random(40); i < n; i++) text += alphabet[random(alphabet.length)];
      const from = random(text.length + 2) - 1;
      const mid = random(text.length + 3);
      const to = mid + random(4);
      t.reset(text);
      // Listed in two steps, as `find` does for two triggers of one block (the second reaching
      // further), then word by word.
      const steps: [number, number][] = [
        [from, mid],
        [from + random(3), to],
        [-1, to + random(5)],
        [-1, to + random(5)],
      ];
      for (const [a, b] of steps) {
        if (a === -1) t.listNext(b);
        else t.cover(a, b);
      }
      const expected = byExpression(text, steps);
      expect(listed(t), JSON.stringify({ text, from, to })).toEqual(expected);
      for (let k = 0; k < t.length; k++) {
        const [s, e] = [t.starts[k]!, t.ends[k]!];
        const w = text.slice(s, e);
        const previous = k > 0 ? text.slice(t.starts[k - 1]!, t.ends[k - 1]!) : '';
        expect(t.capitalOrNumber(k), w).toBe(/^[\p{Lu}\p{N}]/u.test(w));
        expect(t.isJoiner(k), w).toBe(/^[-‐‑–—'’“”"/«»]$/.test(w));
        expect(t.isAbbreviationDot(k), `${previous}|${w}`).toBe(
          w === '.' && k > 0 && t.ends[k - 1] === s && /^\p{Lu}\p{L}{0,2}$/u.test(previous),
        );
        expect(keys.has(text, s, e), w).toBe(reference.has(wordKey(w)));
      }
    }
  });

  it('reads Latin-1, the general punctuation and the regional blocks, set without the regular expressions, as they would', () => {
    const t = new PhraseTokens();
    const ranges: [number, number][] = [
      [0x80, 0x100],
      [0x2000, 0x2070],
      [0x0600, 0x0700],
      [0x0900, 0x0980],
    ];
    for (const [from, to] of ranges) {
      for (let c = from; c < to; c++) {
        const ch = String.fromCharCode(c);
        // Inside a word, alone, in an abbreviation, and starting a word.
        const text = `a${ch}b ${ch} A.${ch}. ${ch}x`;
        t.reset(text);
        t.cover(0, text.length);
        const label = `U+${c.toString(16)}`;
        expect(listed(t), label).toEqual(byExpression(text, [[0, text.length]]));
        for (let k = 0; k < t.length; k++) {
          const w = text.slice(t.starts[k]!, t.ends[k]!);
          expect(t.capitalOrNumber(k), `${label} ${w}`).toBe(/^[\p{Lu}\p{N}]/u.test(w));
        }
      }
    }
  });

  it('finds the years a phrase names as the regular expression did, from any index', () => {
    const YEAR = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;
    const byExpression = (text: string, from: number, to: number, first: number, last: number) => {
      YEAR.lastIndex = from;
      for (let m = YEAR.exec(text); m && m.index < to; m = YEAR.exec(text)) {
        const y = Number(m[1]);
        if (y < first || y > last) return false;
      }
      return true;
    };
    expect(yearsWithin('the 1971 war', 0, 12, 2025, 2025)).toBe(false);
    expect(yearsWithin('the 2025 war', 0, 12, 2025, 2025)).toBe(true);
    expect(yearsWithin('F-16s bought in 19710', 0, 21, 2025, 2025)).toBe(true);
    // Pieces that make years, and what may stand beside one.
    const alphabet = [
      '19',
      '20',
      '18',
      '71',
      '25',
      '0',
      '9',
      '1',
      ' ',
      'a',
      'é',
      '\u0301',
      '٣',
      '𝐀',
      '😀',
      '\ud83d',
      '-',
      '.',
    ];
    const random = seeded(11);
    for (let round = 0; round < 5000; round++) {
      let text = '';
      for (let i = 0, n = 1 + random(24); i < n; i++) text += alphabet[random(alphabet.length)];
      const from = random(text.length + 1);
      const to = from + random(text.length + 2);
      const first = 1800 + random(300);
      const last = first + random(60);
      expect(yearsWithin(text, from, to, first, last), JSON.stringify({ text, from, to, first, last })).toBe(
        byExpression(text, from, to, first, last),
      );
    }
  });

  it('tells an upper-case code unit as the expression does, for every code unit', () => {
    const upper = /\p{Lu}/u;
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isUpperUnit(c) !== upper.test(String.fromCharCode(c))) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });
});

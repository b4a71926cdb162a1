/**
 * The search key: the one fold that search-like matching compares text by (the popup's
 * search, the timeline's entity picker). Case, diacritics, punctuation, hyphens and
 * dashes go ("12-day" = "12 day"), number words become digits ("Twelve-Day" = "12 day"),
 * and romanisation variants of the same name meet.
 *
 * Which code units are letters, spaces, marks or invisible, and what a letter folds to
 * (case, diacritics), are detection's character rules (`engine/normalize.ts`), read here
 * through `charClass` and `foldChar` so the two cannot drift apart; what the search key
 * adds on top is below. `tests/engine/search-key.test.ts` checks the agreement.
 *
 * Transliteration folding. Names from Persian, Arabic and Urdu reach English in many
 * spellings (Soleimani, Suleimani, Sulaimani; Tehreek-e-Taliban, Tehrik-i-Taliban;
 * Qaani, Ghaani; Sindoor, Sindur). The variation is nearly all in the vowels, which
 * the Arabic script mostly does not write, and in a few letters with two customary
 * spellings. So, inside a word:
 * - vowels fold to the three of Arabic: e, y → i; o → u (so ee → i, oo and ou → u);
 * - q and gh → k (Persian merges the two letters they render), w → v, ph → f, dj → j;
 * - a doubled letter is written once (Qassem = Qasem, Moghaddam = Moghadam);
 * - a final h after a vowel goes (Shah = Sha, Hezbollah = Hezbolla).
 * Folding applies to query and text alike, so it can only make spellings meet, never
 * part them; the exact spelling (`foldSpelling`) then breaks ties in search.
 */
import { CharClass, charClass, foldChar } from './normalize';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  hundred: '100',
};

const a_ = 'a'.charCodeAt(0),
  d_ = 'd'.charCodeAt(0),
  e_ = 'e'.charCodeAt(0),
  f_ = 'f'.charCodeAt(0),
  g_ = 'g'.charCodeAt(0),
  h_ = 'h'.charCodeAt(0),
  i_ = 'i'.charCodeAt(0),
  j_ = 'j'.charCodeAt(0),
  k_ = 'k'.charCodeAt(0),
  o_ = 'o'.charCodeAt(0),
  p_ = 'p'.charCodeAt(0),
  q_ = 'q'.charCodeAt(0),
  u_ = 'u'.charCodeAt(0),
  v_ = 'v'.charCodeAt(0),
  w_ = 'w'.charCodeAt(0),
  y_ = 'y'.charCodeAt(0),
  z_ = 'z'.charCodeAt(0);

/** The one-letter rules: e, y → i; o → u; q → k; w → v. */
function singleLetter(c: number): number {
  if (c === e_ || c === y_) return i_;
  if (c === o_) return u_;
  if (c === q_) return k_;
  return c === w_ ? v_ : c;
}

function isAsciiLetter(c: number): boolean {
  return c >= a_ && c <= z_;
}

/** A search key and, per key character, the source range it came from. */
export interface Folded {
  key: string;
  from: number[];
  to: number[];
}

/**
 * Folds text to its search key. With `translit` false only case, diacritics and
 * punctuation fold (the "exact spelling" form used to break ties).
 */
function fold(text: string, translit: boolean, withMap: boolean): Folded {
  const out: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  // The word being read: folded code units and their source ranges.
  const word: number[] = [];
  const wFrom: number[] = [];
  const wTo: number[] = [];

  const flush = () => {
    if (word.length === 0) return;
    if (out.length > 0) {
      out.push(32);
      if (withMap) {
        from.push(to[to.length - 1]!);
        to.push(wFrom[0]!);
      }
    }
    emitWord(word, wFrom, wTo);
    // Emptied in place: the popup folds every field and a page's words are folded one by one.
    word.length = wFrom.length = wTo.length = 0;
  };

  const emitWord = (w: number[], wf: number[], wt: number[]) => {
    if (!translit) {
      for (let i = 0; i < w.length; i++) {
        out.push(w[i]!);
        if (withMap) {
          from.push(wf[i]!);
          to.push(wt[i]!);
        }
      }
      return;
    }
    const digits = w.length <= 9 ? NUMBER_WORDS[String.fromCharCode(...w)] : undefined;
    if (digits) {
      for (let i = 0; i < digits.length; i++) {
        out.push(digits.charCodeAt(i));
        if (withMap) {
          from.push(wf[0]!);
          to.push(wt[w.length - 1]!);
        }
      }
      return;
    }
    const start = out.length;
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const c = w[i]!;
      const next = i + 1 < n ? w[i + 1]! : -1;
      // Digraphs first: ph → f, gh → k, dj → j.
      const digraph = next === h_ ? (c === p_ ? f_ : c === g_ ? k_ : -1) : c === d_ && next === j_ ? j_ : -1;
      if (digraph < 0 && c === h_ && i === n - 1 && n > 2 && out.length > start) {
        const prev = out[out.length - 1]!;
        if (prev === a_ || prev === i_ || prev === u_) {
          if (withMap) to[to.length - 1] = wt[i]!;
          continue;
        }
      }
      const emit = digraph >= 0 ? digraph : singleLetter(c);
      const span = digraph >= 0 ? 2 : 1;
      if (out.length > start && out[out.length - 1] === emit && isAsciiLetter(emit)) {
        if (withMap) to[to.length - 1] = wt[i + span - 1]!;
      } else {
        out.push(emit);
        if (withMap) {
          from.push(wf[i]!);
          to.push(wt[i + span - 1]!);
        }
      }
      i += span - 1;
    }
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CharClass.Word) {
      word.push(foldChar(c));
      if (withMap) {
        wFrom.push(i);
        wTo.push(i + 1);
      }
    } else if (cls === CharClass.Mark || cls === CharClass.Ignore || cls === CharClass.Apostrophe) {
      // Inside a word: Khamene'i = Khamenei, and a combining accent stays with its letter
      // (an apostrophe is not part of the letter before it: Larijani's).
      if (withMap && word.length > 0 && cls !== CharClass.Apostrophe) wTo[wTo.length - 1] = i + 1;
    } else {
      flush();
    }
  }
  flush();
  return { key: String.fromCharCode(...out), from, to };
}

/**
 * The consonant skeleton of a word: its letters folded as above (`foldChar`, marks
 * passed over), then every vowel and y read as one vowel mark, h dropped, g, q and k
 * read as one letter, so p and f, w and v, d and j, and a run of one skeleton letter
 * written once (a run of vowels is one mark). Every rule of the transliteration fold
 * replaces letters by letters of the same skeleton letter (e, y → i; o → u; q → k;
 * ph → f; gh → k; dj → j), or drops an h or a repeat, and none removes a run of vowels
 * (ee → i, ou → u leave one); so a word and its search key have one skeleton, and words
 * of different skeletons never share a key. Where the vowels fall is kept because a
 * large corpus's thousands of last words left few consonant patterns unused. That lets
 * the phrase lexicon's pass (phrase-lexicon.ts) hand the spelling reader only the
 * capitalised words whose skeleton is a name's last word's, without folding any: most
 * of a page's are not, and folding each new one cost most of the reader's time in a
 * page's first scan. It must stay a necessary condition of the fold: a rule the fold
 * gains that gives words of different skeletons one key needs its mirror here, or names
 * under those spellings are silently missed (tests/engine/detection/spelling-variants.test.ts
 * reads the bundled names under many spellings through it). Number words, whose key is
 * digits, are the one rule it cannot mirror: `keySkeletons` adds their skeletons.
 *
 * Per folded ASCII code, its skeleton letter (1: the vowel mark), 0 for none; a code
 * from 128 up is its own.
 */
export const SKELETON = /* @__PURE__ */ (() => {
  // Pure, so that the content script, which imports this module's neighbours without it, drops it.
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = c;
  for (const c of 'aeiouy') table[c.charCodeAt(0)] = 1;
  table[h_] = 0;
  for (const [c, to] of ['gk', 'qk', 'pf', 'wv', 'jd']) table[c!.charCodeAt(0)] = to!.charCodeAt(0);
  return table;
})();

/** The skeleton of a word of search keys, as skeleton letters. */
function keySkeleton(word: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const s = c < 128 ? SKELETON[c]! : c;
    if (s === 0 || s === last) continue;
    out += String.fromCharCode(s);
    last = s;
  }
  return out;
}

/**
 * The skeletons a word of text may have if its search key is one of `words` (words of
 * search keys): theirs, and for a key of digits that a number word folds to, the number
 * word's ("Twelve" is "12", but its skeleton is not that of "12").
 */
export function keySkeletons(words: Iterable<string>): string[] {
  const keys = new Set(words);
  const out = new Set([...keys].map(keySkeleton));
  for (const [word, digits] of Object.entries(NUMBER_WORDS)) if (keys.has(digits)) out.add(keySkeleton(word));
  return [...out];
}

/** The search key of a text: what queries and fields are compared as. */
export function foldForSearch(text: string): string {
  return fold(text, true, false).key;
}

/** The search key with, per key character, the range of `text` it came from. */
export function foldWithMap(text: string): Folded {
  return fold(text, true, true);
}

/** Case, diacritics and punctuation folded, spelling kept. */
export function foldSpelling(text: string): string {
  return fold(text, false, false).key;
}

/**
 * The words around an event trigger as the phrase reader (event-phrases.ts) walks them:
 * a word (letters with their marks and digits, Persian half-spaces inside), an
 * abbreviation ("U.S.", "e.g"), or any other single character but a space. They are
 * listed in typed arrays and read by code unit through a table of Unicode categories
 * filled as characters are first seen. A regular expression listed them before, with a
 * match, a token object and a cut-out string per word: on a page with a trigger in most
 * paragraphs that was most of the reader's garbage, and most of its time.
 */
import { normalizeText } from './normalize';
import { FNV_PRIME, FNV_START } from './phrase-lexicon';

const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const UPPER = 8;
const SPACE = 16;
/** Zero-width non-joiner and joiner (the Persian half-space): inside a word. */
const JOINER = 32;
const KNOWN = 128;
/** In a word (`[\p{L}\p{M}\p{N}\u200c\u200d]`). */
const WORDLIKE = LETTER | MARK | NUMBER | JOINER;

/** The Arabic block (Urdu, Persian) and Devanagari (Hindi), [first, last]. */
const REGIONAL_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff],
  [0x0900, 0x097f],
];
/**
 * Their letters, marks and digits, [first, last, categories]; the rest is punctuation and
 * signs, and none is a capital or a space.
 */
const REGIONAL_RUNS: readonly (readonly [number, number, number])[] = [
  [0x0610, 0x061a, MARK],
  [0x0620, 0x064a, LETTER],
  [0x064b, 0x065f, MARK],
  [0x0660, 0x0669, NUMBER],
  [0x066e, 0x066f, LETTER],
  [0x0670, 0x0670, MARK],
  [0x0671, 0x06d3, LETTER],
  [0x06d5, 0x06d5, LETTER],
  [0x06d6, 0x06dc, MARK],
  [0x06df, 0x06e4, MARK],
  [0x06e5, 0x06e6, LETTER],
  [0x06e7, 0x06e8, MARK],
  [0x06ea, 0x06ed, MARK],
  [0x06ee, 0x06ef, LETTER],
  [0x06f0, 0x06f9, NUMBER],
  [0x06fa, 0x06fc, LETTER],
  [0x06ff, 0x06ff, LETTER],
  [0x0900, 0x0903, MARK],
  [0x0904, 0x0939, LETTER],
  [0x093a, 0x093c, MARK],
  [0x093d, 0x093d, LETTER],
  [0x093e, 0x094f, MARK],
  [0x0950, 0x0950, LETTER],
  [0x0951, 0x0957, MARK],
  [0x0958, 0x0961, LETTER],
  [0x0962, 0x0963, MARK],
  [0x0966, 0x096f, NUMBER],
  [0x0971, 0x097f, LETTER],
];

/**
 * Categories by code unit (0 until first seen), and by code point beyond the BMP. ASCII,
 * Latin-1, the general punctuation (curly quotes, dashes, the spaces of typesetting) and
 * the regional scripts' blocks are set without a regular expression: compiling the five
 * below costs about a millisecond, more than a page's phrases need (a test checks these
 * against them). Pure, so that a bundle which imports this module without using it (the
 * content script, through detect.ts) drops it.
 */
const CATEGORIES = /* @__PURE__ */ (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 128; c++) {
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    table[c] =
      KNOWN |
      (letter ? LETTER : 0) |
      (c >= 65 && c <= 90 ? UPPER : 0) |
      (c >= 48 && c <= 57 ? NUMBER : 0) |
      (c === 32 || (c >= 9 && c <= 13) ? SPACE : 0);
  }
  // Latin-1: letters from U+00C0 but the two signs, capitals up to U+00DE; ª µ º are
  // letters too, ² ³ ¹ ¼ ½ ¾ numbers, the no-break space a space.
  for (let c = 0x80; c < 0x100; c++) {
    const letter = (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xb5 || c === 0xba;
    const number = c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
    table[c] =
      KNOWN |
      (letter ? LETTER : 0) |
      (c >= 0xc0 && c < 0xdf && c !== 0xd7 ? UPPER : 0) |
      (number ? NUMBER : 0) |
      (c === 0xa0 ? SPACE : 0);
  }
  // General punctuation: no letters or numbers; spaces U+2000–U+200A, the line and
  // paragraph separators and U+202F, U+205F; the joiners U+200C, U+200D.
  for (let c = 0x2000; c < 0x2070; c++) {
    const space = c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
    table[c] = KNOWN | (space ? SPACE : 0) | (c === 0x200c || c === 0x200d ? JOINER : 0);
  }
  // The regional scripts' blocks: else an Urdu, Persian or Hindi page compiles the five on its first phrase.
  for (const [first, last] of REGIONAL_BLOCKS) table.fill(KNOWN, first, last + 1);
  for (const [first, last, k] of REGIONAL_RUNS) table.fill(KNOWN | k, first, last + 1);
  return table;
})();
const ASTRAL = /* @__PURE__ */ new Map<number, number>();

function categorise(ch: string): number {
  let k = KNOWN;
  if (/\p{L}/u.test(ch)) k |= LETTER;
  if (/\p{M}/u.test(ch)) k |= MARK;
  if (/\p{N}/u.test(ch)) k |= NUMBER;
  if (/\p{Lu}/u.test(ch)) k |= UPPER;
  if (/\s/u.test(ch)) k |= SPACE;
  if (ch === '\u200c' || ch === '\u200d') k |= JOINER;
  return k;
}

const isLead = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrail = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The categories of the code point at `i` (a surrogate pair read whole). */
function categoryAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isLead(c) && isTrail(text.charCodeAt(i + 1))) {
    const cp = text.codePointAt(i)!;
    let k = ASTRAL.get(cp);
    if (k === undefined) ASTRAL.set(cp, (k = categorise(String.fromCodePoint(cp))));
    return k;
  }
  return unitCategory(c);
}

/** The categories of one code unit, read alone (a surrogate alone is none of them). */
function unitCategory(c: number): number {
  let k = CATEGORIES[c]!;
  if (k === 0) CATEGORIES[c] = k = categorise(String.fromCharCode(c));
  return k;
}

/** Whether the code point at `i` is a letter or a number (`[\p{L}\p{N}]`); false past the end. */
function letterOrNumberAt(text: string, i: number): boolean {
  return i < text.length && (categoryAt(text, i) & (LETTER | NUMBER)) !== 0;
}

/** Whether the code point that ends right before `i` is a letter or a number (what `(?<![\p{L}\p{N}])` looks at). */
function letterOrNumberBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const at = i >= 2 && isTrail(text.charCodeAt(i - 1)) && isLead(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
  return (categoryAt(text, at) & (LETTER | NUMBER)) !== 0;
}

/**
 * Whether every year (1800–2099, four digits with no letter or number either side) that
 * starts in [from, to) lies in [first, last]: as `/(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu`
 * would find them from `from`, without compiling it (a millisecond, on a page's first
 * phrase with a year to check).
 */
export function yearsWithin(text: string, from: number, to: number, first: number, last: number): boolean {
  const end = Math.min(to, text.length - 3);
  for (let i = Math.max(0, from); i < end; i++) {
    const a = text.charCodeAt(i);
    if (a !== 49 && a !== 50) continue;
    const b = text.charCodeAt(i + 1);
    if (a === 49 ? b !== 56 && b !== 57 : b !== 48) continue;
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    if (c < 48 || c > 57 || d < 48 || d > 57) continue;
    if (letterOrNumberBefore(text, i) || letterOrNumberAt(text, i + 4)) continue;
    const year = (a - 48) * 1000 + (b - 48) * 100 + (c - 48) * 10 + (d - 48);
    if (year < first || year > last) return false;
    // A match ends before the next can begin.
    i += 3;
  }
  return true;
}

/** Whether a code unit alone is an upper-case letter (`/\p{Lu}/u` on it: a surrogate alone is none). */
export function isUpperUnit(c: number): boolean {
  return (unitCategory(c) & UPPER) !== 0;
}

/** Code units of the code point at `i`. */
const widthAt = (text: string, i: number) => (isLead(text.charCodeAt(i)) && isTrail(text.charCodeAt(i + 1)) ? 2 : 1);

/** How a phrase word is looked up: ASCII by its lower case, other scripts folded as the matcher folds. */
export function wordKey(word: string): string {
  return /^[ -~]*$/.test(word) ? word.toLowerCase() : normalizeText(word);
}

/** A set of `wordKey`s, asked about a span of text without cutting it out when the span is ASCII. */
export class WordKeys {
  readonly #all: Set<string>;
  /** Open-addressed by the hash of the lower-cased ASCII key: index + 1 into `#ascii`, 0 for empty. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #ascii: string[] = [];

  constructor(keys: Iterable<string>) {
    this.#all = new Set(keys);
    let size = 16;
    while (size < 2 * this.#all.size) size <<= 1;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (const key of this.#all) {
      if (!/^[!-~]+$/.test(key)) continue;
      let at = asciiHash(key, 0, key.length) & this.#mask;
      while (this.#slots[at] !== 0) at = (at + 1) & this.#mask;
      this.#slots[at] = this.#ascii.push(key);
    }
  }

  /** Whether `wordKey(text.slice(from, end))` is in the set. */
  has(text: string, from: number, end: number): boolean {
    // One read of the span gives its hash (as `asciiHash`), unless a code unit beyond
    // printable ASCII sends it to the set of all keys.
    let h = FNV_START;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return this.#all.has(wordKey(text.slice(from, end)));
      h = Math.imul(h ^ lowerAscii(c), FNV_PRIME);
    }
    for (let at = (h >>> 0) & this.#mask; this.#slots[at] !== 0; at = (at + 1) & this.#mask) {
      const key = this.#ascii[this.#slots[at]! - 1]!;
      if (key.length !== end - from) continue;
      let i = 0;
      while (i < key.length && lowerAscii(text.charCodeAt(from + i)) === key.charCodeAt(i)) i++;
      if (i === key.length) return true;
    }
    return false;
  }
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** FNV-1a over the lower-cased code units of an ASCII span (as `WordKeys.has` reads one). */
function asciiHash(text: string, from: number, end: number): number {
  let h = FNV_START;
  for (let i = from; i < end; i++) h = Math.imul(h ^ lowerAscii(text.charCodeAt(i)), FNV_PRIME);
  return h >>> 0;
}

/** Punctuation inside a phrase: hyphens, dashes, apostrophes, quotes, slashes. */
const JOINERS = /* @__PURE__ */ (() => new Set([...'-‐‑–—\'’“”"/«»'].map((c) => c.charCodeAt(0))))();

/**
 * One block's words, listed on demand as far as its triggers reach: as a global regular
 * expression `/\p{L}(?:\.\p{L})+\.?|[\p{L}\p{M}\p{N}\u200c\u200d]+|\S/gu` lists them. No
 * word holds a space, so the words of a run of characters without spaces are the same
 * from wherever before it a listing begins: a listing begins at such a run's start (or
 * goes on where the last one stopped), and a word is always listed whole.
 */
export class PhraseTokens {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** Whether each word may be in a phrase, once read: -1 unread, 0, 1 (event-phrases.ts). */
  passes = new Int8Array(256);
  /** 1 for a word a listing began at, with words not listed right before it. */
  #began = new Uint8Array(256);
  length = 0;
  #text = '';
  /** Where the listing stopped: the text before it is listed, or was passed over. */
  #covered = 0;

  reset(text: string): void {
    this.#text = text;
    this.length = 0;
    this.#covered = 0;
  }

  /**
   * Lists the words that start before `to`, from `from` (from the start of the run of
   * characters without spaces that holds it) or from where the listing stopped, whichever
   * is later.
   */
  cover(from: number, to: number): void {
    if (this.#covered >= to) return;
    const text = this.#text;
    let i = Math.max(0, from, this.#covered);
    let began = i > this.#covered;
    if (began && i < text.length && !(categoryAt(text, i) & SPACE)) {
      while (i > this.#covered && !(unitCategory(text.charCodeAt(i - 1)) & SPACE)) i--;
      began = i > this.#covered;
    }
    for (;;) {
      i = this.#skipSpaces(i);
      if (i >= text.length || i >= to) break;
      const end = tokenEnd(text, i);
      this.#push(i, end, began);
      began = false;
      i = end;
    }
    this.#covered = Math.min(i, text.length);
  }

  /** Lists the next word if it starts before `to`; whether it did. */
  listNext(to: number): boolean {
    const i = this.#skipSpaces(this.#covered);
    this.#covered = i;
    if (i >= this.#text.length || i >= to) return false;
    const end = tokenEnd(this.#text, i);
    this.#push(i, end, false);
    this.#covered = end;
    return true;
  }

  /** Whether word `k` is where a listing began, with words not listed right before it. */
  beganAt(k: number): boolean {
    return this.#began[k] === 1;
  }

  /** The first index at or after `i` that is not a space. */
  #skipSpaces(i: number): number {
    const text = this.#text;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      // A code unit that is not a surrogate is read from the table in place: this runs
      // for every character listed, mostly before the code is optimised.
      const k = c < 0xd800 || c > 0xdfff ? CATEGORIES[c] || unitCategory(c) : categoryAt(text, i);
      if (!(k & SPACE)) break;
      i += c < 0xd800 || c > 0xdfff ? 1 : widthAt(text, i);
    }
    return i;
  }

  /** The first word that starts at or after `at`. */
  firstFrom(at: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether word `k` begins with a capital letter or a digit. */
  capitalOrNumber(k: number): boolean {
    return (categoryAt(this.#text, this.starts[k]!) & (UPPER | NUMBER)) !== 0;
  }

  /** Whether word `k` is one joining punctuation mark (`JOINERS`). */
  isJoiner(k: number): boolean {
    const s = this.starts[k]!;
    return this.ends[k] === s + 1 && JOINERS.has(this.#text.charCodeAt(s));
  }

  /** "Dr. Masoud Pezeshkian", "Gen. Asim Munir": word `k` is a dot right after an abbreviation (a capital and up to two letters). */
  isAbbreviationDot(k: number): boolean {
    const text = this.#text;
    const s = this.starts[k]!;
    if (k === 0 || this.ends[k] !== s + 1 || text.charCodeAt(s) !== 46 || this.ends[k - 1] !== s) return false;
    let i = this.starts[k - 1]!;
    if (!(categoryAt(text, i) & UPPER)) return false;
    let letters = 0;
    for (i += widthAt(text, i); i < s; i += widthAt(text, i), letters++) {
      if (!(categoryAt(text, i) & LETTER) || letters === 2) return false;
    }
    return true;
  }

  #push(start: number, end: number, began: boolean): void {
    if (this.length === this.starts.length) {
      const grow = <T extends Int32Array | Int8Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
      this.starts = grow(this.starts, new Int32Array(2 * this.length));
      this.ends = grow(this.ends, new Int32Array(2 * this.length));
      this.passes = grow(this.passes, new Int8Array(2 * this.length));
      this.#began = grow(this.#began, new Uint8Array(2 * this.length));
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.#began[this.length] = began ? 1 : 0;
    this.passes[this.length++] = -1;
  }
}

/** The end of the word starting at `i` (not a space). */
function tokenEnd(text: string, i: number): number {
  const first = categoryAt(text, i);
  const w = widthAt(text, i);
  // An abbreviation: a letter, then a dot and a letter, again and again; a last dot may follow.
  if (first & LETTER) {
    let end = i + w;
    let dots = 0;
    while (text.charCodeAt(end) === 46 && end + 1 < text.length && categoryAt(text, end + 1) & LETTER) {
      end += 1 + widthAt(text, end + 1);
      dots++;
    }
    if (dots > 0) return text.charCodeAt(end) === 46 ? end + 1 : end;
  }
  if (!(first & WORDLIKE)) return i + w;
  let end = i + w;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c < 0xd800 || c > 0xdfff) {
      if (!((CATEGORIES[c] || unitCategory(c)) & WORDLIKE)) break;
      end++;
    } else {
      if (!(categoryAt(text, end) & WORDLIKE)) break;
      end += widthAt(text, end);
    }
  }
  return end;
}

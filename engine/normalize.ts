/**
 * Character normalisation shared by the table compiler (for aliases) and the scanner
 * (for page text). Both sides must fold text identically, so this module is the one
 * place that decides what "the same" means:
 *
 * - case and diacritics fold away (Nicolás = NICOLAS = nicolas);
 * - every apostrophe-like mark becomes `'`;
 * - runs of whitespace, hyphens, dashes and square brackets become one space
 *   (Tehreek-e-Taliban = Tehreek e Taliban; "General [Qamar] Bajwa" = "General Qamar
 *   Bajwa"), except that a blank line is a hard break no alias can span;
 * - soft hyphens, zero-width and bidi controls vanish; combining marks vanish but
 *   stay inside their word;
 * - with `addFolds`, more: the regional scripts' letter variants (engine/regional-script.ts),
 *   which every reader of text applies except the content script on a page in English.
 *
 * Folding works per UTF-16 code unit through typed lookup tables, so the scanner's hot
 * loop never allocates. The tables are filled once at module load (a few thousand
 * cheap operations); code units above the table use a small range test.
 */

/**
 * How a code unit takes part in matching. Plain numbers (not an enum) so the scanner
 * can compare table entries without property lookups.
 */
export const CharClass = {
  /** Punctuation or symbol: kept as itself, ends a word. */
  Other: 0,
  /** Letter or digit: folded, part of a word. */
  Word: 1,
  /** Whitespace, hyphen or dash: runs collapse to one space. */
  Space: 2,
  /** Invisible: dropped entirely (soft hyphen, zero-width, bidi controls). */
  Ignore: 3,
  /** Combining mark: dropped, but does not split its word. */
  Mark: 4,
  /** Apostrophe-like: becomes `'`, ends a word (so possessives split off). */
  Apostrophe: 5,
  /** A line break: a space, but two in one run make a hard break. */
  LineBreak: 6,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** Folded code of a collapsed space run. */
export const SPACE = 32;
/** Folded code of every apostrophe. */
export const APOSTROPHE = 39;
/** Folded code of a paragraph break; never appears in an alias, so nothing matches across it. */
export const HARD_BREAK = 10;

export const CASE_UPPER = 1;
export const CASE_LOWER = 2;

/** Code units below this have table entries; the rest go through `slowClass`. */
const TABLE_SIZE = 0x2100;

const CLASS = new Uint8Array(TABLE_SIZE);
const FOLD = new Uint16Array(TABLE_SIZE);
const CASE = new Uint8Array(TABLE_SIZE);

function setRange(from: number, to: number, cls: CharClass): void {
  // A fill, not a loop: this runs once per bundle that folds text, as the page is being
  // read, and a loop this long was compiled twice on the way (a 6 ms optimising compile).
  CLASS.fill(cls, from, Math.min(to + 1, TABLE_SIZE));
}

function buildTables(): void {
  for (let c = 0; c < TABLE_SIZE; c++) FOLD[c] = c;
  // Default: everything from Latin-1 upward is a letter of some script; punctuation
  // and symbol blocks are carved out below. Under-classifying a symbol as a letter
  // only makes a word boundary stricter, never creates a false match.
  setRange(0x80, TABLE_SIZE - 1, CharClass.Word);
  setRange(0x30, 0x39, CharClass.Word);
  setRange(0x41, 0x5a, CharClass.Word);
  setRange(0x61, 0x7a, CharClass.Word);
  setRange(0x80, 0xbf, CharClass.Other);
  CLASS[0xaa] = CLASS[0xb5] = CLASS[0xba] = CharClass.Word;
  CLASS[0xd7] = CLASS[0xf7] = CharClass.Other;
  setRange(0x2b0, 0x2ff, CharClass.Other); // spacing modifier letters (quotes, accents)
  setRange(0x300, 0x36f, CharClass.Mark);
  setRange(0x37e, 0x37e, CharClass.Other);
  setRange(0x387, 0x387, CharClass.Other);
  setRange(0x483, 0x489, CharClass.Mark);
  setRange(0x55a, 0x55f, CharClass.Other);
  setRange(0x589, 0x58a, CharClass.Other);
  setRange(0x591, 0x5bd, CharClass.Mark);
  CLASS[0x5be] = CharClass.Space; // maqaf, the Hebrew hyphen
  for (const c of [0x5c0, 0x5c3, 0x5c6, 0x5f3, 0x5f4]) CLASS[c] = CharClass.Other;
  for (const c of [0x60c, 0x60d, 0x61b, 0x61e, 0x61f, 0x66a, 0x66b, 0x66c, 0x66d, 0x6d4]) CLASS[c] = CharClass.Other;
  setRange(0x610, 0x61a, CharClass.Mark);
  setRange(0x64b, 0x65f, CharClass.Mark);
  CLASS[0x670] = CharClass.Mark;
  CLASS[0x964] = CLASS[0x965] = CharClass.Other;
  CLASS[0x180e] = CharClass.Ignore;
  setRange(0x1ab0, 0x1aff, CharClass.Mark);
  setRange(0x1dc0, 0x1dff, CharClass.Mark);
  setRange(0x2000, 0x20ff, CharClass.Other);
  setRange(0x2000, 0x200a, CharClass.Space);
  setRange(0x200b, 0x200f, CharClass.Ignore);
  setRange(0x2010, 0x2015, CharClass.Space);
  CLASS[0x2028] = CLASS[0x2029] = CharClass.LineBreak;
  setRange(0x202a, 0x202e, CharClass.Ignore);
  CLASS[0x202f] = CLASS[0x205f] = CharClass.Space;
  setRange(0x2060, 0x206f, CharClass.Ignore);
  setRange(0x20d0, 0x20ff, CharClass.Mark);

  // ASCII punctuation and controls.
  for (let c = 0; c < 0x80; c++) {
    if (c < 0x30 || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61) || c > 0x7a) CLASS[c] = CharClass.Other;
  }
  CLASS[0x09] = CLASS[0x0b] = CLASS[0x0c] = CLASS[0x20] = CLASS[0xa0] = CLASS[0x1680] = CharClass.Space;
  CLASS[0x0a] = CLASS[0x0d] = CLASS[0x85] = CharClass.LineBreak;
  CLASS[0x2d] = CharClass.Space;
  // Square brackets are editorial insertions inside quotes ("General [Qamar] Bajwa"):
  // read through them, so the name matches as if the editor's word were printed plain.
  CLASS[0x5b] = CLASS[0x5d] = CharClass.Space;
  CLASS[0xad] = CharClass.Ignore;
  CLASS[0x34f] = CharClass.Ignore; // combining grapheme joiner
  for (const c of [0x27, 0x60, 0xb4, 0x2bb, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032]) CLASS[c] = CharClass.Apostrophe;

  // Case and diacritic folding. Decomposition strips accents (á → a); toLowerCase
  // folds case. Letters without a decomposition get explicit bases.
  for (let c = 0x41; c <= 0x5a; c++) {
    FOLD[c] = c + 32;
    CASE[c] = CASE_UPPER;
  }
  for (let c = 0x61; c <= 0x7a; c++) CASE[c] = CASE_LOWER;
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x370, 0x52f],
    [0x1e00, 0x1fff],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      if (CLASS[c] !== CharClass.Word) continue;
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (lower !== ch) CASE[c] = CASE_UPPER;
      else if (upper !== ch) CASE[c] = CASE_LOWER;
      const base = lower.normalize('NFD');
      const b = base.charCodeAt(0);
      if (lower.length === 1 && b < TABLE_SIZE && CLASS[b] === CharClass.Word) FOLD[c] = b;
    }
  }
  const extra: [string, string][] = [
    ['ØøǾǿ', 'o'],
    ['ĐđƉɖ', 'd'],
    ['ŁłƚȽ', 'l'],
    ['ıİ', 'i'],
    ['Ħħ', 'h'],
    ['Ŧŧ', 't'],
    ['ƀɃ', 'b'],
  ];
  for (const [chars, base] of extra) {
    for (let i = 0; i < chars.length; i++) FOLD[chars.charCodeAt(i)] = base.charCodeAt(0);
  }
}
buildTables();

let added = '';

/** Every fold `addFolds` has added, in order: what another bundle's own tables need to fold text as these do. */
export function addedFolds(): string {
  return added;
}

/**
 * Adds folds to the tables, as pairs of code units: a character and what it becomes,
 * another letter, or U+0000 (a mark: dropped inside its word), U+0001 (dropped) or a
 * space (a word break). The content script carries only this function; the regional
 * scripts' folds come with the table for pages in those scripts (engine/regional-script.ts).
 */
export function addFolds(pairs: string): void {
  added += pairs;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const c = pairs.charCodeAt(i);
    const to = pairs.charCodeAt(i + 1);
    if (to === 0) CLASS[c] = CharClass.Mark;
    else if (to === 1) CLASS[c] = CharClass.Ignore;
    else if (to === SPACE) CLASS[c] = CharClass.Space;
    else FOLD[c] = to;
  }
}

/** Class of code units beyond the table: rare on news pages, so range tests suffice. */
function slowClass(c: number): CharClass {
  if (c < 0x2e00) {
    // Letterlike symbols, arrows, maths, box drawing, dingbats: symbols; Glagolitic,
    // Latin Extended-C, Coptic, Georgian supplement, Ethiopic extended: letters.
    if (c >= 0x2c00) return c >= 0x2de0 ? CharClass.Mark : CharClass.Word;
    return CharClass.Other;
  }
  if (c < 0x2e80) return c === 0x2e3a || c === 0x2e3b ? CharClass.Space : CharClass.Other;
  if (c === 0x3000) return CharClass.Space;
  if (c < 0x3040) return c < 0x3001 ? CharClass.Word : CharClass.Other;
  if (c < 0xd800) return CharClass.Word;
  if (c < 0xe000) return CharClass.Other; // surrogates: emoji and astral symbols end words
  if (c < 0xf900) return CharClass.Other; // private use
  if (c < 0xfe00) return CharClass.Word;
  if (c < 0xfe10) return CharClass.Ignore; // variation selectors
  if (c >= 0xfe20 && c < 0xfe30) return CharClass.Mark;
  if (c < 0xfe70) return c === 0xfe58 || c === 0xfe63 ? CharClass.Space : CharClass.Other;
  if (c === 0xfeff) return CharClass.Ignore;
  if (c < 0xff00) return CharClass.Word;
  if (c === 0xff07) return CharClass.Apostrophe;
  if (c === 0xff0d) return CharClass.Space;
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a))
    return CharClass.Word;
  if (c >= 0xff66 && c < 0xffe0) return CharClass.Word;
  return CharClass.Other;
}

export function charClass(c: number): CharClass {
  return c < TABLE_SIZE ? (CLASS[c] as CharClass) : slowClass(c);
}

/** Folded code of a Word or Other code unit (case and diacritics removed). */
export function foldChar(c: number): number {
  return c < TABLE_SIZE ? FOLD[c]! : c;
}

/** CASE_UPPER, CASE_LOWER or 0 for uncased code units. */
export function caseOf(c: number): number {
  return c < TABLE_SIZE ? CASE[c]! : 0;
}

/** Direct table access for the scanner's hot loop (index only below `tableSize`). */
export const tables = { CLASS, FOLD, CASE, size: TABLE_SIZE } as const;

/**
 * The folded form of a whole string, exactly as the scanner would see it, with
 * leading and trailing spaces trimmed. Used for aliases at build time and in tests.
 */
export function normalizeText(s: string): string {
  const out: number[] = [];
  let inSpace = false;
  let breaks = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CharClass.Ignore || cls === CharClass.Mark) continue;
    if (cls === CharClass.Space || cls === CharClass.LineBreak) {
      if (!inSpace) {
        out.push(SPACE);
        inSpace = true;
        breaks = 0;
      }
      if (cls === CharClass.LineBreak && !(c === 0x0a && i > 0 && s.charCodeAt(i - 1) === 0x0d)) {
        if (++breaks === 2) out.push(HARD_BREAK);
      }
      continue;
    }
    inSpace = false;
    out.push(cls === CharClass.Apostrophe ? APOSTROPHE : foldChar(c));
  }
  while (out.length > 0 && out[out.length - 1] === SPACE) out.pop();
  let start = 0;
  while (start < out.length && out[start] === SPACE) start++;
  return codesToString(out, start);
}

/** String from char codes without spreading huge arrays onto the call stack. */
export function codesToString(codes: ArrayLike<number>, from = 0): string {
  let s = '';
  for (let i = from; i < codes.length; i += 4096) {
    s += String.fromCharCode.apply(
      null,
      Array.prototype.slice.call(codes, i, Math.min(i + 4096, codes.length)) as number[],
    );
  }
  return s;
}

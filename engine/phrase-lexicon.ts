/**
 * The words the event phrases look for (triggers, participants' words, page cues), read
 * in one pass over a block. A regular expression per word list read every block once
 * per list and cost the engine several times its name matching; this reads each
 * character once, with the same folding as the matcher (normalize.ts: case, diacritics,
 * the regional scripts' letter forms once those folds are added, hyphens and dashes as
 * spaces), and enters its small trie only at word starts.
 *
 * A form with a capital letter matches only as printed ("US" is not "us"); the others
 * match in any case. Every form found at a word start is reported, so a word can be a
 * trigger and part of a longer participant at once ("gas line project").
 */
import { APOSTROPHE, CharClass, charClass, normalizeText, SPACE, tables } from './normalize';

export interface Lexicon {
  /**
   * Writes triples [start, end, form] (offsets into `text`, form = index into the list
   * the lexicon was built from) to the front of `out`, by start, and returns how many
   * numbers it wrote. With `onCapital`, also reports each word that starts with a capital
   * Latin letter, with a hash of its code units (FNV-1a: equal words, equal hashes).
   */
  scan(
    text: string,
    out: number[],
    onCapital?: (text: string, from: number, end: number, hash: number) => void,
  ): number;
}

// Module-local copies: the scan is a hot loop (see automaton.ts on imported bindings).
const CLASS = tables.CLASS;
const FOLD = tables.FOLD;
const CASE = tables.CASE;
const TABLE_SIZE = tables.size;
const WORD = CharClass.Word;
const MARK = CharClass.Mark;
const IGNORE = CharClass.Ignore;
const SPACE_CLASS = CharClass.Space;
const LINE_BREAK = CharClass.LineBreak;
const APOSTROPHE_CLASS = CharClass.Apostrophe;
const SPACE_CODE = SPACE;
const APOSTROPHE_CODE = APOSTROPHE;

const classAt = charClass;

/** The cased letters' cases (CASE_UPPER / CASE_LOWER) of a span, in order. */
function caseShape(text: string, from: number, end: number): string {
  let shape = '';
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_SIZE ? CASE[c]! : 0;
    if (k) shape += k;
  }
  return shape;
}

/** Whether a span's `caseShape` is `shape`, read in place (a match of a capitalised form is checked this way every time). */
function hasShape(text: string, from: number, end: number, shape: string): boolean {
  let at = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_SIZE ? CASE[c]! : 0;
    if (k !== 0 && (at >= shape.length || shape.charCodeAt(at++) !== 48 + k)) return false;
  }
  return at === shape.length;
}

const SPACE_SLOT = 28;
/**
 * Slot of a folded ASCII code in the start filters: letters, then digits, space,
 * apostrophe, others; 0 is for a code they cannot judge (`slotAt`).
 */
const PREFIX_SLOT = new Uint8Array(128).fill(31);
{
  for (let c = 97; c <= 122; c++) PREFIX_SLOT[c] = c - 96;
  for (let c = 48; c <= 57; c++) PREFIX_SLOT[c] = 27;
  PREFIX_SLOT[SPACE] = SPACE_SLOT;
  PREFIX_SLOT[APOSTROPHE] = 29;
}

/**
 * The folded code at `at` as the trie reads it (a space past the end), or -1 for a mark
 * or an invisible character (whose word the start filters cannot judge).
 */
function foldedAt(text: string, at: number): number {
  if (at >= text.length) return SPACE_CODE;
  const c = text.charCodeAt(at);
  const k = classAt(c);
  if (k === MARK || k === IGNORE) return -1;
  if (k === SPACE_CLASS || k === LINE_BREAK) return SPACE_CODE;
  if (k === APOSTROPHE_CLASS) return APOSTROPHE_CODE;
  return k === WORD && c < TABLE_SIZE ? FOLD[c]! : c;
}

/** The start filters' slot of the code at `at`: 0 for a mark, an invisible character or a fold beyond ASCII. */
function slotAt(text: string, at: number): number {
  const f = foldedAt(text, at);
  return f >= 0 && f < 128 ? PREFIX_SLOT[f]! : 0;
}

/**
 * A trie over folded code units (`keys`, '' for none), node 0 the root, laid out flat:
 * each node's edges sorted by code in typed arrays; `ends` lists the keys' indices by the
 * node they end at. Built from the keys in code-unit order, so that each node's children
 * come in the order of their codes and nothing is sorted per node (this runs when the
 * phrases load, before anything is optimised).
 */
function layTrie(keys: readonly string[]) {
  const sorted = [...new Set(keys)].filter(Boolean).sort();
  const size = sorted.reduce((n, key) => n + key.length, 1);
  const parent = new Int32Array(size);
  const code = new Uint16Array(size);
  const nodeOf = new Map<string, number>();
  /** The nodes on the path of the key before, by depth. */
  const path = [0];
  let nodes = 1;
  let before = '';
  for (const key of sorted) {
    let common = 0;
    while (common < before.length && key.charCodeAt(common) === before.charCodeAt(common)) common++;
    for (let d = common; d < key.length; d++) {
      parent[nodes] = path[d]!;
      code[nodes] = key.charCodeAt(d);
      path[d + 1] = nodes++;
    }
    nodeOf.set(key, path[key.length]!);
    before = key;
  }
  const edgeStart = new Int32Array(nodes + 1);
  for (let v = 1; v < nodes; v++) edgeStart[parent[v]! + 1]!++;
  for (let v = 0; v < nodes; v++) edgeStart[v + 1]! += edgeStart[v]!;
  const next = edgeStart.slice(0, nodes);
  const edgeCode = new Uint16Array(nodes - 1);
  const edgeTo = new Int32Array(nodes - 1);
  for (let v = 1; v < nodes; v++) {
    const at = next[parent[v]!]!++;
    edgeCode[at] = code[v]!;
    edgeTo[at] = v;
  }
  const ends: (number[] | undefined)[] = new Array<undefined>(nodes).fill(undefined);
  keys.forEach((key, id) => {
    if (key) (ends[nodeOf.get(key)!] ??= []).push(id);
  });
  return { edgeStart, edgeCode, edgeTo, ends };
}

/** The code unit of a key at `k`, -1 past its end. */
const codeAt = (key: string, k: number) => (k < key.length ? key.charCodeAt(k) : -1);

/** A set of one slot, of an ASCII code unit of a key, as a bit. */
const slotBit = (code: number) => 1 << PREFIX_SLOT[code]!;
/** Every slot. */
const ANY = -1;
/**
 * The slots that may follow a word's end: 0 (cannot judge), space, apostrophe, others
 * (`slotAt` reads a character of another class as itself, so no letter's slot).
 */
const WORD_END = 1 | (0b1111 << 28);

/** A small integer for a pair of code units (collisions only let a word into the trie). */
const pairKey = (a: number, b: number) => a * 4096 + (b & 4095);

export function createLexicon(forms: readonly string[]): Lexicon {
  const keys = forms.map((form) => normalizeText(form));
  const { edgeStart, edgeCode, edgeTo, ends } = layTrie(keys);
  /**
   * For ASCII word starts, by the slots of their first folded characters (`slotAt`):
   * whether some form may begin with the first two, and, by bits of the fourth's slot,
   * with the first four; a form shorter than that only before a word's end. A slot 0
   * lets a word in, and so do two spaces third and fourth: the trie reads a run of spaces
   * as one ("gas  line").
   */
  const pairs = new Uint8Array(32 * 32);
  const quads = new Int32Array(32 * 32 * 32);
  /** Lets in the words that begin with these slots (sets of slots by bit). */
  const allow = (a: number, second: number, third: number, fourth: number) => {
    for (let j = 0; j < 32; j++) {
      if (((second >> j) & 1) === 0) continue;
      pairs[a * 32 + j] = 1;
      const row = (a * 32 + j) * 32;
      if (third === ANY && fourth === ANY) quads.fill(-1, row, row + 32);
      else for (let k = 0; k < 32; k++) if ((third >> k) & 1) quads[row + k]! |= fourth;
    }
  };
  // (Filled natively: this runs when the phrases load, before anything is optimised.)
  quads.fill(1);
  for (let a = 0; a < 32; a++) {
    allow(a, 1, ANY, ANY);
    for (let b = 0; b < 32; b++) {
      quads[(a * 32 + b) * 32] = -1;
      // Not after a space second: a word start followed by two spaces was never let in (a
      // form like "a b" is not found in "a  b"), and the mentions stay as they were.
      if (b !== SPACE_SLOT) quads[(a * 32 + b) * 32 + SPACE_SLOT]! |= 1 << SPACE_SLOT;
    }
  }
  /** The same for starts in other scripts: the first two folded code units of each form (`pairKey`), or the first alone. */
  const widePairs = new Set<number>();
  const wideAny = new Set<number>();
  /** For a form with capitals, the case shape it must be printed with. */
  const shapes = forms.map((f) => (f === f.toLowerCase() ? null : caseShape(f, 0, f.length)));
  for (const key of keys) {
    if (!key) continue;
    const a = codeAt(key, 0);
    const b = codeAt(key, 1);
    const c = codeAt(key, 2);
    const d = codeAt(key, 3);
    if (a >= 128) {
      if (b < 0) wideAny.add(a);
      else widePairs.add(pairKey(a, b));
      continue;
    }
    const sa = PREFIX_SLOT[a]!;
    if (b >= 128 || c >= 128) allow(sa, ANY, ANY, ANY);
    else if (b < 0) allow(sa, WORD_END, ANY, ANY);
    else if (c < 0) allow(sa, slotBit(b), WORD_END, ANY);
    else if (d < 0) allow(sa, slotBit(b), slotBit(c), WORD_END);
    else allow(sa, slotBit(b), slotBit(c), d >= 128 ? ANY : slotBit(d));
  }
  /** `slotAt` of each ASCII code unit, read without a call for most characters. */
  const asciiSlot = Uint8Array.from({ length: 128 }, (_, c) => slotAt(String.fromCharCode(c), 0));
  const rootAscii = new Int32Array(128).fill(-1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) if (edgeCode[e]! < 128) rootAscii[edgeCode[e]!] = edgeTo[e]!;
  /** The child of `node` by folded code `c`, or -1. */
  const child = (node: number, c: number): number => {
    if (node === 0 && c < 128) return rootAscii[c]!;
    let lo = edgeStart[node]!;
    let hi = edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const code = edgeCode[mid]!;
      if (code === c) return edgeTo[mid]!;
      if (code < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  /** 1 where a node ends a form: most steps stop at this byte. */
  const terminal = new Uint8Array(ends.length);
  for (let node = 0; node < ends.length; node++) if (ends[node]) terminal[node] = 1;

  /** Walks the trie from a word start at `from`; writes every form that ends at a word end. */
  const walk = (text: string, from: number, out: number[], n: number): number => {
    const len = text.length;
    let node = 0;
    let i = from;
    while (i < len) {
      let c = text.charCodeAt(i);
      let next = i + 1;
      if (c >= 97 && c <= 122) {
        // Lower-case ASCII: folded already.
      } else if (c >= 65 && c <= 90) c += 32;
      else {
        const cls = classAt(c);
        if (cls === MARK || cls === IGNORE) {
          i = next;
          continue;
        }
        if (cls === WORD) c = c < TABLE_SIZE ? FOLD[c]! : c;
        else {
          if (cls === SPACE_CLASS || cls === LINE_BREAK) {
            c = SPACE_CODE;
            for (let k = classAt(text.charCodeAt(next)); next < len && (k === SPACE_CLASS || k === LINE_BREAK);) {
              k = classAt(text.charCodeAt(++next));
            }
          } else if (cls === APOSTROPHE_CLASS) c = APOSTROPHE_CODE;
        }
      }
      const t = child(node, c);
      if (t < 0) break;
      node = t;
      i = next;
      if (terminal[node] === 0) continue;
      const ids = ends[node]!;
      // A form ends only where a word does ("U.S." is not the start of "U.S.A").
      let after = i;
      while (after < len && classAt(text.charCodeAt(after)) === MARK) after++;
      if (after < len && classAt(text.charCodeAt(after)) === WORD) continue;
      for (const id of ids) {
        const shape = shapes[id];
        if (typeof shape === 'string' && !hasShape(text, from, i, shape)) continue;
        out[n++] = from;
        out[n++] = after;
        out[n++] = id;
      }
    }
    return n;
  };

  return {
    scan(text, out, onCapital) {
      let n = 0;
      const len = text.length;
      let i = 0;
      while (i < len) {
        const c = text.charCodeAt(i);
        // Between words.
        if (c === 32 || (c < TABLE_SIZE ? CLASS[c]! : classAt(c)) !== WORD) {
          i++;
          continue;
        }
        const from = i;
        const f = c < TABLE_SIZE ? FOLD[c]! : c;
        let enter = true;
        i++;
        if (f < 128) {
          // A start in ASCII enters the trie only if some form may begin with its first two
          // characters, then four (past the end reads as a space).
          const b = text.charCodeAt(from + 1);
          // (A lower-case letter read here is not read again on the way to the word's end.)
          if (b >= 97 && b <= 122 && c >= 97 && c <= 122) i++;
          const pair = PREFIX_SLOT[f]! * 32 + (b < 128 ? asciiSlot[b]! : slotAt(text, from + 1));
          if (pairs[pair] === 1) {
            const d = text.charCodeAt(from + 2);
            const e = text.charCodeAt(from + 3);
            const triple = pair * 32 + (d < 128 ? asciiSlot[d]! : slotAt(text, from + 2));
            enter = ((quads[triple]! >> (e < 128 ? asciiSlot[e]! : slotAt(text, from + 3))) & 1) === 1;
          } else enter = false;
        } else {
          // In another script: only if some form begins with its first two.
          const b = foldedAt(text, from + 1);
          enter = b < 0 || wideAny.has(f) || widePairs.has(pairKey(f, b));
        }
        if (enter) n = walk(text, from, out, n);
        // To the end of the word (marks stay inside it); a capitalised one is hashed on the way.
        if (onCapital !== undefined && ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7))) {
          let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
          for (; i < len; i++) {
            const d = text.charCodeAt(i);
            if (!(d >= 97 && d <= 122)) {
              const k = d < TABLE_SIZE ? CLASS[d]! : classAt(d);
              if (k !== WORD && k !== MARK) break;
            }
            h = Math.imul(h ^ d, 0x01000193);
          }
          onCapital(text, from, i, h);
        } else {
          for (; i < len; i++) {
            const d = text.charCodeAt(i);
            if (d >= 97 && d <= 122) continue;
            const k = d < TABLE_SIZE ? CLASS[d]! : classAt(d);
            if (k !== WORD && k !== MARK) break;
          }
        }
      }
      return n;
    },
  };
}

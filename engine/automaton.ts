/**
 * The runtime side of the matcher table: a one-pass decode of the JSON arrays into
 * typed arrays (no trie is rebuilt, no failure links recomputed beyond a linear
 * prefix sum), and the scanner that runs the automaton over page text.
 *
 * The scan is one pass over UTF-16 code units with table lookups, no allocation per
 * character and no regular expressions: cost is linear in text length and, because
 * matches may only start at word starts, most characters are a single table read.
 */
import { APOSTROPHE, CharClass, charClass, foldChar, SPACE, tables } from './normalize';
import { ENTRY_WIDTH, type MatcherTable } from './table';

export interface Automaton {
  readonly table: MatcherTable;
  readonly states: number;
  /** Edge label into each state (0 for the root). */
  readonly label: Uint16Array;
  /** First child of each state; children are contiguous and sorted by label. */
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly fail: Int32Array;
  /** Length of each state's folded string, to recover where a match starts. */
  readonly depth: Int32Array;
  /** Nearest state with entries on the failure chain, including the state itself (0 = none). */
  readonly emit: Int32Array;
  /** Nearest state with entries strictly further down the failure chain (0 = none). */
  readonly next: Int32Array;
  /** Entries of state s are records entryStart[s] .. entryStart[s+1]-1 of `table.entries`. */
  readonly entryStart: Int32Array;
  /** Root transitions for ASCII, the commonest lookup by far. */
  readonly rootAscii: Int32Array;
  /** Ring size for start positions: a power of two above the deepest state. */
  readonly ringMask: number;
}

export function hydrate(table: MatcherTable): Automaton {
  if (table.format !== 1) throw new Error(`unsupported matcher table format ${String(table.format)}`);
  const n = table.children.length;
  const label = new Uint16Array(n);
  for (let s = 1; s < n; s++) label[s] = table.labels.charCodeAt(s - 1);
  const first = new Int32Array(n);
  const count = new Int32Array(n);
  const depth = new Int32Array(n);
  const fail = Int32Array.from(table.fail);
  let nextFree = 1;
  let maxDepth = 0;
  for (let s = 0; s < n; s++) {
    const k = table.children[s]!;
    first[s] = nextFree;
    count[s] = k;
    for (let j = 0; j < k; j++) {
      const d = depth[s]! + 1;
      depth[nextFree + j] = d;
      if (d > maxDepth) maxDepth = d;
    }
    nextFree += k;
  }
  const entryStart = new Int32Array(n + 1);
  const e = table.entries;
  for (let r = 0; r < e.length; r += ENTRY_WIDTH) entryStart[e[r]! + 1]!++;
  for (let s = 0; s < n; s++) entryStart[s + 1]! += entryStart[s]!;
  // Breadth-first order means a state's failure target is already final.
  const emit = new Int32Array(n);
  const next = new Int32Array(n);
  for (let s = 1; s < n; s++) {
    const f = fail[s]!;
    next[s] = f === 0 ? 0 : emit[f]!;
    emit[s] = entryStart[s + 1]! > entryStart[s]! ? s : next[s]!;
  }
  const rootAscii = new Int32Array(128).fill(-1);
  for (let j = 0; j < count[0]!; j++) {
    const s = first[0]! + j;
    if (label[s]! < 128) rootAscii[label[s]!] = s;
  }
  let ring = 2;
  while (ring <= maxDepth + 1) ring <<= 1;
  return { table, states: n, label, first, count, fail, depth, emit, next, entryStart, rootAscii, ringMask: ring - 1 };
}

function child(a: Automaton, s: number, c: number): number {
  if (s === 0 && c < 128) return a.rootAscii[c]!;
  let lo = a.first[s]!;
  let hi = lo + a.count[s]! - 1;
  const label = a.label;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = label[mid]!;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** One automaton step; `wordStart` says whether a match may begin at this character. */
function step(a: Automaton, s: number, c: number, wordStart: boolean): number {
  for (;;) {
    const t = child(a, s, c);
    if (t >= 0) return s !== 0 || wordStart ? t : 0;
    if (s === 0) return 0;
    s = a.fail[s]!;
  }
}

/**
 * Raw hits: every alias occurrence that starts at a word start and ends at a word end
 * (a possessive 's or a bare apostrophe counts as an end). Appends triples
 * [start, end, state] to `hits` (UTF-16 offsets into `text`), ordered by end.
 */
export function scan(a: Automaton, text: string, hits: number[]): void {
  const CLASS = tables.CLASS;
  const FOLD = tables.FOLD;
  const size = tables.size;
  const ring = new Int32Array(a.ringMask + 1);
  const mask = a.ringMask;
  const emit = a.emit;
  let state = 0;
  let p = 0; // position in the folded stream
  let prevWord = false; // previous stream character was part of a word
  let inSpace = false;
  let breaks = 0;
  let prevEnd = 0; // end (in `text`) of the previous stream character and its marks
  const len = text.length;

  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const cls = c < size ? CLASS[c]! : charClass(c);
    if (cls === CharClass.Word) {
      ring[p & mask] = i;
      p++;
      prevEnd = i + 1;
      if (state !== 0 || !prevWord) state = step(a, state, c < size ? FOLD[c]! : foldChar(c), !prevWord);
      prevWord = true;
      inSpace = false;
      continue;
    }
    if (cls === CharClass.Ignore) continue;
    if (cls === CharClass.Mark) {
      if (prevWord) prevEnd = i + 1;
      continue;
    }
    let code: number;
    if (cls === CharClass.Space || cls === CharClass.LineBreak) {
      const counts = cls === CharClass.LineBreak && !(c === 0x0a && i > 0 && text.charCodeAt(i - 1) === 0x0d);
      if (inSpace) {
        if (counts && ++breaks === 2) state = 0; // a blank line: nothing matches across it
        continue;
      }
      inSpace = true;
      breaks = counts ? 1 : 0;
      code = SPACE;
    } else {
      inSpace = false;
      code = cls === CharClass.Apostrophe ? APOSTROPHE : c < size ? FOLD[c]! : c;
    }
    if (state !== 0) {
      for (let s = emit[state]!; s !== 0; s = a.next[s]!) {
        hits.push(ring[(p - a.depth[s]!) & mask]!, prevEnd, s);
      }
      state = step(a, state, code, false);
    }
    ring[p & mask] = i;
    p++;
    prevEnd = i + 1;
    prevWord = false;
  }
  if (state !== 0) {
    for (let s = emit[state]!; s !== 0; s = a.next[s]!) {
      hits.push(ring[(p - a.depth[s]!) & mask]!, prevEnd, s);
    }
  }
}

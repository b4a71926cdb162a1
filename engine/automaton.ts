/**
 * The runtime side of the matcher table: a one-pass decode of the JSON arrays into
 * typed arrays (no trie is rebuilt, no failure links recomputed beyond a linear
 * prefix sum), and the scanner that runs the automaton over page text.
 *
 * The scan is one pass over UTF-16 code units with table lookups, no allocation per
 * character and no regular expressions: cost is linear in text length and, because
 * matches may only start at word starts, most characters are a single table read.
 */
import { APOSTROPHE, CASE_LOWER, CharClass, charClass, foldChar, SPACE, tables } from './normalize';
import { admitsLowerCaseStart } from './case-policy';
import { decodeKinds, ENTRY_WIDTH, FAIL_CONTINUE, FAIL_ROOT, SHAPE_BASE, type MatcherTable } from './table-format';
import type { EntityKind } from './types';

export interface Automaton {
  readonly table: MatcherTable;
  /** Each entity's kind, by entity index. */
  readonly kinds: readonly EntityKind[];
  readonly states: number;
  /**
   * With a large corpus the scan is bound by memory, not arithmetic, so the common
   * step touches one cache line: in preorder a state's first child is the next state,
   * and most states have exactly one child. lc[2s] is the label of the edge into
   * state s; lc[2s + 1] its number of children (COUNT_MASK) with flag bits, so the
   * failure and output arrays are read only when they say something.
   */
  readonly lc: Uint16Array;
  /**
   * For states with several children: edges kidStart[s] .. +count[s] of `edges`, pairs
   * [label, target], by label; or -row for a state with a direct row (see `rows`).
   */
  readonly kidStart: Int32Array;
  readonly edges: Int32Array;
  readonly fail: Int32Array;
  /** Nearest state with entries on the failure chain, including the state itself (0 = none). */
  readonly emit: Int32Array;
  /**
   * Per state, [next, depth]: the nearest state with entries strictly further down the
   * failure chain (0 = none), and the length of the state's folded string (to recover
   * where a match starts). Interleaved for the scan's emission loop.
   */
  readonly chain: Int32Array;
  /** Entries of state s are records entryStart[s] .. entryStart[s+1]-1. */
  readonly entryStart: Int32Array;
  readonly entryEntity: Int32Array;
  readonly entryFlags: Uint8Array;
  readonly entryPolicy: Int32Array;
  /** Root transitions for ASCII, the commonest lookup by far. */
  readonly rootAscii: Int32Array;
  /**
   * Direct transition rows for the wide states (ROW_MIN_CHILDREN), where a binary search
   * would take several probes: the top of the trie, which nearly every capitalised word
   * start walks through, and the hubs further down where many names share a prefix
   * ("mohammad ", "al-"). 1 << ROW_SHIFT slots per row, one per character
   * of the common folded alphabet (ALPHABET_SLOT), -1 for no child; slot 0 keeps the
   * state's offset in `edges` for the other characters. A state with a row has
   * kidStart = -row.
   */
  readonly rows: Int32Array;
  /**
   * 1 when some alias in the state's subtree can match text whose first cased letter
   * is lower-case (see `admitsLowerCaseStart`): a lower-case word start walks on only
   * while this holds, since every hit it could start would fail its case policy.
   */
  readonly lowerStart: Uint8Array;
  /** Root transitions for lower-case ASCII letters at a word start: -1 where `lowerStart` stops them. */
  readonly rootLower: Int32Array;
  /** Ring size for start positions: a power of two above the deepest state. */
  readonly ringMask: number;
  /** Scratch ring reused by every scan (scans never interleave: they do not yield). */
  readonly ring: Int32Array;
}

/** Bits of lc[2s + 1]. */
const COUNT_MASK = 0x1fff;
/** The state itself ends an alias (so its output chain starts here, no lookup). */
const IS_TERMINAL = 0x2000;
/** The state's failure link is not the root. */
const HAS_FAIL = 0x4000;
/** The state or a state on its failure chain ends an alias. */
const HAS_EMIT = 0x8000;

/** A direct row has 1 << ROW_SHIFT slots. */
const ROW_SHIFT = 6;
/**
 * States with at least this many children get a direct row (the root excepted: it has
 * `rootAscii`). Up to four edges a binary search is two or three probes in one cache
 * line, as fast as a row; wider states anywhere in the trie gain from one. Measured on
 * the 10,000-entity corpus (bench, corpus scale): rows for every branching state down to
 * depth 3 cost 0.52 MB and ran at 1.23-1.29x the bundled corpus's time per MB; rows for
 * states of 5+ children at any depth cost 0.43 MB and run at 1.20-1.21x.
 */
const ROW_MIN_CHILDREN = 5;
/** Slot of each folded ASCII code in a direct row: letters, digits, space, apostrophe; 0 for the rest. */
const ALPHABET_SLOT = new Uint8Array(128);
{
  let slot = 1;
  for (let c = 97; c <= 122; c++) ALPHABET_SLOT[c] = slot++;
  for (let c = 48; c <= 57; c++) ALPHABET_SLOT[c] = slot++;
  for (const c of [SPACE, APOSTROPHE, 46, 38, 44, 40, 41, 47, 58]) ALPHABET_SLOT[c] = slot++;
}

export function hydrate(table: MatcherTable): Automaton {
  if (table.format !== 4) throw new Error(`unsupported matcher table format ${String(table.format)}`);
  const n = table.shape.length;
  if (table.labels.length !== n - 1) throw new Error('corrupt matcher table');

  // Structure: preorder child counts give each state's parent (a stack of open states).
  const label = new Uint16Array(n);
  const count = new Uint16Array(n);
  const failCode = new Uint8Array(n);
  const depth = new Int32Array(n);
  const parent = new Int32Array(n);
  let total = 0;
  for (let s = 0; s < n; s++) {
    const code = table.shape.charCodeAt(s) - SHAPE_BASE;
    const k = Math.floor(code / 3);
    failCode[s] = code % 3;
    if (code < 0) throw new Error('corrupt matcher table');
    if (k > COUNT_MASK) throw new Error(`matcher table: a state has more than ${COUNT_MASK} children`);
    if (s > 0) label[s] = table.labels.charCodeAt(s - 1);
    count[s] = k;
    total += k;
  }
  if (total !== n - 1) throw new Error('corrupt matcher table');
  const open = new Int32Array(n); // stack of states still expecting children
  const filled = new Int32Array(n);
  let top = 0;
  let maxDepth = 0;
  if (count[0]! > 0) open[top++] = 0;
  for (let s = 1; s < n; s++) {
    if (top === 0) throw new Error('corrupt matcher table');
    const p = open[top - 1]!;
    parent[s] = p;
    const d = depth[p]! + 1;
    depth[s] = d;
    if (d > maxDepth) maxDepth = d;
    if (++filled[p]! === count[p]) top--;
    if (count[s]! > 0) open[top++] = s;
  }

  // States by depth (a counting sort): failure targets are shallower than their
  // states, and shallow branching states are the ones every word start visits.
  const byDepth = new Int32Array(maxDepth + 2);
  for (let s = 0; s < n; s++) byDepth[depth[s]! + 1]!++;
  for (let d = 1; d < byDepth.length; d++) byDepth[d]! += byDepth[d - 1]!;
  const ordered = new Int32Array(n);
  for (let s = 0; s < n; s++) ordered[byDepth[depth[s]!]!++] = s;

  // Edge lists only for states with several children, laid out shallow first so the
  // hot top of the trie stays in a compact, cached block.
  const kidStart = new Int32Array(n);
  let slots = 0;
  for (let k = 0; k < n; k++) {
    const s = ordered[k]!;
    if (count[s]! > 1) {
      kidStart[s] = slots;
      slots += count[s]!;
    }
  }
  const edges = new Int32Array(2 * slots);
  filled.fill(0);
  const rootAscii = new Int32Array(128).fill(-1);
  for (let s = 1; s < n; s++) {
    const p = parent[s]!;
    if (p === 0 && label[s]! < 128) rootAscii[label[s]!] = s;
    if (count[p]! < 2) continue;
    const slot = kidStart[p]! + filled[p]!++;
    edges[2 * slot] = label[s]!;
    edges[2 * slot + 1] = s;
  }
  const lc = new Uint16Array(2 * n);
  for (let s = 0; s < n; s++) {
    lc[2 * s] = label[s]!;
    lc[2 * s + 1] = count[s]!;
  }
  const partial = { lc, kidStart, edges, rootAscii, rows: new Int32Array(0) };

  // Failure links: parents precede children in preorder, so a continuation's base is known.
  const fail = new Int32Array(n);
  let explicit = 0;
  for (let s = 1; s < n; s++) {
    const code = failCode[s]!;
    if (code === FAIL_ROOT) continue;
    const target =
      code === FAIL_CONTINUE ? child(partial, fail[parent[s]!]!, label[s]!) : (table.failTo[explicit++] ?? -1);
    if (target < 0 || target >= n || depth[target]! >= depth[s]!) throw new Error('corrupt matcher table');
    fail[s] = target;
  }

  // Entries: state deltas to absolute states, bucketed per state.
  const e = table.entries;
  const records = e.length / ENTRY_WIDTH;
  const entryStart = new Int32Array(n + 1);
  const entryEntity = new Int32Array(records);
  const entryFlags = new Uint8Array(records);
  const entryPolicy = new Int32Array(records);
  let state = 0;
  for (let r = 0; r < records; r++) {
    state += e[r]!;
    entryStart[state + 1]!++;
    entryEntity[r] = e[records + r]!;
    const packed = e[2 * records + r]!;
    entryFlags[r] = packed & 3;
    entryPolicy[r] = packed >> 2;
  }
  for (let s = 0; s < n; s++) entryStart[s + 1]! += entryStart[s]!;

  // Output links need the failure target's links first: visit states by depth.
  const emit = new Int32Array(n);
  const chain = new Int32Array(2 * n);
  for (let k = 1; k < n; k++) {
    const s = ordered[k]!;
    const f = fail[s]!;
    const next = f === 0 ? 0 : emit[f]!;
    chain[2 * s] = next;
    emit[s] = entryStart[s + 1]! > entryStart[s]! ? s : next;
  }
  for (let s = 0; s < n; s++) {
    chain[2 * s + 1] = depth[s]!;
    if (fail[s] !== 0) lc[2 * s + 1]! |= HAS_FAIL;
    if (emit[s] !== 0) lc[2 * s + 1]! |= HAS_EMIT;
    if (emit[s] === s && s !== 0) lc[2 * s + 1]! |= IS_TERMINAL;
  }

  // Direct rows for the wide states, shallow first (the hottest rows stay together).
  let rowCount = 1; // row 0 stays unused: kidStart = -row must be negative
  for (let s = 1; s < n; s++) if (count[s]! >= ROW_MIN_CHILDREN) rowCount++;
  const rows = new Int32Array(rowCount << ROW_SHIFT).fill(-1);
  let row = 1;
  for (let k = 0; k < n && row < rowCount; k++) {
    const s = ordered[k]!;
    if (s === 0 || count[s]! < ROW_MIN_CHILDREN) continue;
    const base = row << ROW_SHIFT;
    const first = kidStart[s]!;
    rows[base] = first;
    for (let j = first; j < first + count[s]!; j++) {
      const c = edges[2 * j]!;
      if (c < 128 && ALPHABET_SLOT[c]! !== 0) rows[base | ALPHABET_SLOT[c]!] = edges[2 * j + 1]!;
    }
    kidStart[s] = -row++;
  }

  // Which subtrees hold an alias a lower-case word may start (children follow parents in preorder).
  const lowerPolicy = table.policies.map(admitsLowerCaseStart);
  const lowerStart = new Uint8Array(n);
  for (let s = n - 1; s > 0; s--) {
    for (let r = entryStart[s]!; r < entryStart[s + 1]! && lowerStart[s] === 0; r++) {
      if (lowerPolicy[entryPolicy[r]!]) lowerStart[s] = 1;
    }
    if (lowerStart[s] === 1) lowerStart[parent[s]!] = 1;
  }

  const rootLower = new Int32Array(128).fill(-1);
  for (let c = 97; c <= 122; c++)
    if (rootAscii[c]! > 0 && lowerStart[rootAscii[c]!] === 1) rootLower[c] = rootAscii[c]!;

  let ring = 2;
  while (ring <= maxDepth + 1) ring <<= 1;
  return {
    table,
    kinds: decodeKinds(table.kinds),
    states: n,
    ...partial,
    rows,
    lowerStart,
    rootLower,
    fail,
    emit,
    chain,
    entryStart,
    entryEntity,
    entryFlags,
    entryPolicy,
    ringMask: ring - 1,
    ring: new Int32Array(ring),
  };
}

type ChildIndex = Pick<Automaton, 'lc' | 'kidStart' | 'edges' | 'rootAscii' | 'rows'>;

function child(a: ChildIndex, s: number, c: number): number {
  if (s === 0 && c < 128) return a.rootAscii[c]!;
  const lc = a.lc;
  const count = lc[2 * s + 1]! & COUNT_MASK;
  if (count === 1) return lc[2 * s + 2] === c ? s + 1 : -1; // most states: the child is next in preorder
  if (count === 0) return -1;
  let lo = a.kidStart[s]!;
  if (lo < 0) {
    const row = -lo << ROW_SHIFT;
    const slot = c < 128 ? ALPHABET_SLOT[c]! : 0;
    // One read for both: slot 0 (a character beyond the row's alphabet) holds the offset
    // of the other characters' edges, read where the common case reads, so the read has
    // type feedback long before such a character first comes. A read site first taken
    // after the scan is optimised throws the optimised code away (in a page's first
    // scan, twice: here and at `emit` below).
    const at = a.rows[row | slot]!;
    if (slot !== 0) return at;
    lo = at;
  }
  const edges = a.edges;
  let hi = lo + count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = edges[2 * mid]!;
    if (l === c) return edges[2 * mid + 1]!;
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
    s = a.lc[2 * s + 1]! & HAS_FAIL ? a.fail[s]! : 0;
    if (s === 0 && !wordStart) return 0; // nothing starts inside a word or at punctuation
  }
}

// Module-local copies: imported bindings can compile to getter calls (CommonJS
// interop in tsx and test runners), which would sit on the scanner's hottest path.
const CLASS = tables.CLASS;
const FOLD = tables.FOLD;
const CASE = tables.CASE;
const LOWER_CASE = CASE_LOWER;
const TABLE_SIZE = tables.size;
const WORD = CharClass.Word;
const SPACE_CLASS = CharClass.Space;
const LINE_BREAK = CharClass.LineBreak;
const IGNORE = CharClass.Ignore;
const MARK = CharClass.Mark;
const APOSTROPHE_CLASS = CharClass.Apostrophe;
const SPACE_CODE = SPACE;
const APOSTROPHE_CODE = APOSTROPHE;
const classOf = charClass;
const fold = foldChar;

/**
 * Raw hits: every alias occurrence that starts at a word start and ends at a word end
 * (a possessive 's or a bare apostrophe counts as an end). Writes triples
 * [start, end, state] (UTF-16 offsets into `text`), ordered by end, to the front of
 * `hits` and returns how many numbers it wrote: the array is scratch, reused without
 * being emptied (emptying a JS array gives its storage up).
 */
export function scan(a: Automaton, text: string, hits: number[]): number {
  let n = 0;
  const ring = a.ring;
  const mask = a.ringMask;
  const emit = a.emit;
  const chain = a.chain;
  const lc = a.lc;
  let state = 0;
  let p = 0; // position in the folded stream (only characters a match may cover)
  let prevWord = false; // previous stream character was part of a word
  let inSpace = false;
  let breaks = 0;
  let prevEnd = 0; // end (in `text`) of the previous stream character and its marks
  let lowerRun = false; // the match under way began at a lower-case letter, in this word
  const rootAscii = a.rootAscii;
  const rootLower = a.rootLower;
  const lowerStart = a.lowerStart;
  const len = text.length;

  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (state === 0) {
      // The commonest characters by far, with no match under way: lower-case ASCII
      // letters and spaces. Decided before any table lookup.
      if (c >= 97 && c <= 122) {
        if (prevWord) continue; // inside a word: no match can cover it
        prevWord = true;
        inSpace = false;
        const t = rootLower[c]!;
        if (t < 0) continue; // no alias a lower-case word may start begins so
        lowerRun = true;
        ring[p & mask] = i;
        p++;
        prevEnd = i + 1;
        state = t;
        continue;
      }
      if (c === 32) {
        if (!inSpace) {
          inSpace = true;
          breaks = 0;
          prevWord = false;
        }
        continue;
      }
    }
    const cls = c < TABLE_SIZE ? CLASS[c]! : classOf(c);
    if (cls === WORD) {
      const f = c < TABLE_SIZE ? FOLD[c]! : fold(c);
      if (state === 0) {
        // Inside a word with no match under way: no match can cover this character.
        if (prevWord) continue;
        prevWord = true;
        inSpace = false;
        // A word start with no match under way: enter the trie, unless the word starts
        // lower-case and every alias this way needs a capital.
        const t = f < 128 ? rootAscii[f]! : child(a, 0, f);
        if (t < 0) continue;
        lowerRun = c < TABLE_SIZE && CASE[c] === LOWER_CASE;
        if (lowerRun && lowerStart[t] === 0) continue;
        ring[p & mask] = i;
        p++;
        prevEnd = i + 1;
        state = t;
        continue;
      }
      ring[p & mask] = i;
      p++;
      prevEnd = i + 1;
      state = step(a, state, f, !prevWord);
      // Still in a lower-case first word: stop where no alias below admits it.
      if (lowerRun && lowerStart[state] === 0) state = 0;
      prevWord = true;
      inSpace = false;
      continue;
    }
    if (cls === IGNORE) continue;
    if (cls === MARK) {
      if (prevWord) prevEnd = i + 1;
      continue;
    }
    let code: number;
    if (cls === SPACE_CLASS || cls === LINE_BREAK) {
      const counts = cls === LINE_BREAK && !(c === 0x0a && i > 0 && text.charCodeAt(i - 1) === 0x0d);
      if (inSpace) {
        if (counts && ++breaks === 2) state = 0; // a blank line: nothing matches across it
        continue;
      }
      inSpace = true;
      breaks = counts ? 1 : 0;
      code = SPACE_CODE;
    } else {
      inSpace = false;
      code = cls === APOSTROPHE_CLASS ? APOSTROPHE_CODE : c < TABLE_SIZE ? FOLD[c]! : c;
    }
    prevWord = false;
    lowerRun = false;
    if (state === 0) continue; // aliases start with a letter: nothing starts here
    const flags = lc[2 * state + 1]!;
    if (flags & HAS_EMIT) {
      // Read whether needed or not (see `child` on read sites first taken late).
      const nearest = emit[state]!;
      for (let s = flags & IS_TERMINAL ? state : nearest; s !== 0; s = chain[2 * s]!) {
        hits[n++] = ring[(p - chain[2 * s + 1]!) & mask]!;
        hits[n++] = prevEnd;
        hits[n++] = s;
      }
    }
    state = step(a, state, code, false);
    ring[p & mask] = i;
    p++;
    prevEnd = i + 1;
  }
  if (state !== 0) {
    for (let s = emit[state]!; s !== 0; s = chain[2 * s]!) {
      hits[n++] = ring[(p - chain[2 * s + 1]!) & mask]!;
      hits[n++] = prevEnd;
      hits[n++] = s;
    }
  }
  return n;
}

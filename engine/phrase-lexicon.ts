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
import { SKELETON as IMPORTED_SKELETON } from './search-key';

export interface Lexicon {
  /**
   * Writes triples [start, end, form] (offsets into `text`, form = index into the list
   * the lexicon was built from) to the front of `out`, by start, and returns how many
   * numbers it wrote. With `capitals`, also lists each word that starts with a capital
   * Latin letter there, as triples [from, end, hash] (the hash of its folded letters,
   * FNV-1a: equal words, equal hashes; "IRAN" and "Iran" share one too); `capitalCount`
   * then says how many numbers. Listed, not handed to a callback: a call per word costs
   * more than the word in a page's first scan, before the code is optimised. With
   * `capitalSkeletons` given to `createLexicon`, only the words with one of those
   * skeletons are listed.
   */
  scan(text: string, out: number[], capitals?: number[]): number;
  /** How many numbers the last `scan` wrote to `capitals`. */
  readonly capitalCount: number;
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
const SKELETON = IMPORTED_SKELETON;

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

/**
 * FNV-1a: the hash of a word's folded letters (for the first-word filter, and handed on
 * with a capitalised word); phrase-tokens.ts hashes the phrase words it looks up with it.
 */
export const FNV_PRIME = 0x01000193;
export const FNV_START = 0x811c9dc5;

/**
 * Hashes open-addressed in one typed array, an eighth full at most: nearly every word
 * probed is none of them, and its probe ends at the first, empty slot. 0 is an empty
 * slot; a hash of 0 is stored as 1 (a collision only lets a word in).
 */
function hashSlots(hashes: readonly number[]): { slots: Int32Array; mask: number } {
  let mask = 15;
  while (mask < 8 * hashes.length) mask = 2 * mask + 1;
  const slots = new Int32Array(mask + 1);
  for (const h of hashes) {
    let at = h & mask;
    while (slots[at] !== 0 && slots[at] !== (h || 1)) at = (at + 1) & mask;
    slots[at] = h || 1;
  }
  return { slots, mask };
}

/**
 * The skeletons' hashes (FNV-1a over their letters, as `scan` reads a word's), or
 * undefined if one has a letter beyond ASCII (then every capitalised word is listed).
 * A set of hashes, not a trie with a row of 128 per node: its size grows with the
 * skeletons, thousands with a large corpus, and it is read at every capitalised word.
 */
function skeletonHashes(skeletons: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (const key of skeletons) {
    let h = FNV_START;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c >= 128) return undefined;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    out.push(h);
  }
  return out;
}

/**
 * `capitalSkeletons`: if given, the consonant skeletons (search-key.ts, `SKELETON`) of
 * the only capitalised words `scan` need list. The spelling reader looks for few words
 * (a name's last word under any spelling): most of a page's capitalised words have
 * another skeleton, and the reader would fold each new one to find that out.
 */
export function createLexicon(forms: readonly string[], capitalSkeletons?: readonly string[]): Lexicon {
  const keys = forms.map((form) => normalizeText(form));
  const { edgeStart, edgeCode, edgeTo, ends } = layTrie(keys);
  /**
   * The hashes of the forms' first words (folded, as the trie reads them), open-addressed:
   * a word start enters the trie only if its word has one of them. The pass hashes each
   * word as it reads to the word's end anyway, so most starts cost one probe.
   */
  const firstWords: number[] = [];
  /** For a form with capitals, the case shape it must be printed with. */
  const shapes = forms.map((f) => (f === f.toLowerCase() ? null : caseShape(f, 0, f.length)));
  for (const key of keys) {
    if (!key) continue;
    let h = FNV_START;
    let i = 0;
    for (; i < key.length && classAt(key.charCodeAt(i)) === WORD; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
    // A form that does not begin with a letter or digit never starts at a word start.
    if (i > 0) firstWords.push(h);
  }
  // 16 KB for the bundled phrases.
  const { slots: firstWordSlots, mask } = hashSlots(firstWords);
  const skeletonList = capitalSkeletons && skeletonHashes(capitalSkeletons);
  const { slots: skeletons, mask: skeletonMask } = skeletonList
    ? hashSlots(skeletonList)
    : { slots: undefined, mask: 0 };
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
            // Read only within the text: a read past its end returns NaN, and the optimised code would start over.
            while (next < len) {
              const k = classAt(text.charCodeAt(next));
              if (k !== SPACE_CLASS && k !== LINE_BREAK) break;
              next++;
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
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        const shape = shapes[id];
        if (typeof shape === 'string' && !hasShape(text, from, i, shape)) continue;
        out[n++] = from;
        out[n++] = after;
        out[n++] = id;
      }
    }
    return n;
  };

  let capitalCount = 0;
  return {
    get capitalCount() {
      return capitalCount;
    },
    scan(text, out, capitals) {
      let n = 0;
      let caps = 0;
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
        // A capitalised word the spelling reader may want: its skeleton is hashed on the
        // same read as its letters (a second read of each cost about a tenth of the pass).
        const capital = capitals !== undefined && ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7));
        const withSkeleton = capital && skeletons !== undefined;
        // To the end of the word (marks stay inside it), hashing its folded letters for the
        // first-word filter; a capitalised word is handed on with the same hash.
        const f = c < TABLE_SIZE ? FOLD[c]! : c;
        let word = Math.imul(FNV_START ^ f, FNV_PRIME);
        let k: number = WORD;
        // The skeleton's hash, its last letter, and whether a letter beyond ASCII rules it out.
        let sk = FNV_START;
        let last = 0;
        let beyond = false;
        if (!withSkeleton) {
          for (i++; i < len; i++) {
            const d = text.charCodeAt(i);
            if (d >= 97 && d <= 122) {
              word = Math.imul(word ^ d, FNV_PRIME);
              continue;
            }
            k = d < TABLE_SIZE ? CLASS[d]! : classAt(d);
            if (k !== WORD && k !== MARK) break;
            // The trie reads a letter folded and passes over a mark.
            if (k === WORD) word = Math.imul(word ^ (d < TABLE_SIZE ? FOLD[d]! : d), FNV_PRIME);
          }
        } else {
          // No skeleton has a letter beyond ASCII (or there would be no set), so neither
          // has the key of a word with one.
          if (f >= 128) beyond = true;
          else if ((last = SKELETON[f]!) !== 0) sk = Math.imul(sk ^ last, FNV_PRIME);
          for (i++; i < len; i++) {
            const d = text.charCodeAt(i);
            let g: number;
            if (d >= 97 && d <= 122) g = d;
            else {
              k = d < TABLE_SIZE ? CLASS[d]! : classAt(d);
              if (k !== WORD && k !== MARK) break;
              if (k === MARK) continue;
              g = d < TABLE_SIZE ? FOLD[d]! : d;
              if (g >= 128) beyond = true;
            }
            word = Math.imul(word ^ g, FNV_PRIME);
            if (beyond) continue;
            const e = SKELETON[g]!;
            if (e === 0 || e === last) continue;
            last = e;
            sk = Math.imul(sk ^ e, FNV_PRIME);
          }
        }
        // An invisible character does not end the word for the trie (a Persian half-space,
        // a soft hyphen): such a word cannot be judged by its hash and is let in.
        // The first-word probe, inline: it runs for every word of the page.
        let begins = i < len && k === IGNORE;
        if (!begins) {
          const key = word || 1;
          for (let at = word & mask; firstWordSlots[at] !== 0; at = (at + 1) & mask) {
            if (firstWordSlots[at] === key) {
              begins = true;
              break;
            }
          }
        }
        if (begins) n = walk(text, from, out, n);
        if (!capital) continue;
        if (withSkeleton) {
          if (beyond) continue;
          const key = sk || 1;
          let listed = false;
          for (let at = sk & skeletonMask; skeletons[at] !== 0; at = (at + 1) & skeletonMask) {
            if (skeletons[at] === key) {
              listed = true;
              break;
            }
          }
          if (!listed) continue;
        }
        capitals[caps++] = from;
        capitals[caps++] = i;
        capitals[caps++] = word;
      }
      capitalCount = caps;
      return n;
    },
  };
}

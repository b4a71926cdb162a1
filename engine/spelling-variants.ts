/**
 * Known names under other spellings. Persian, Arabic and Urdu names reach English in
 * many romanisations (Soleimani, Suleimani, Soleymani; Shehbaz, Shahbaz, Shebaz), more
 * than the corpus can list. A run of capitalised words whose search key (search-key.ts,
 * the popup's fold) equals a person's full name, or a long surname, is that person.
 * Guards: only capitalised words, only where the run ends (so "Sulemani Street" is not
 * Soleimani), a single word only when its key is long and no unknown first name comes
 * before it, never a key two people share (the build drops those, see `variantKeys` in
 * table.ts), and never a form the matcher knows as written: it has decided about those
 * (the Larijani of "Sadegh Amoli Larijani" is another Larijani).
 */
import type { Mention } from './block-analysis';
import { isUpperUnit } from './phrase-tokens';
import { foldForSearch, foldSpelling, keySkeletons } from './search-key';

/** The capitalised word right before a position, joined to it by a space or hyphen. */
const PREVIOUS = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*[ \-‐]$/u;

/**
 * Where the capitalised word joined to `at` by a space or hyphen begins (`PREVIOUS` on
 * the text before `at`, as far as a name can reach), or -1. A word of ASCII letters is
 * read in place; the expression runs, on a cut-out, only for one with other letters or
 * marks. Cutting out and matching every word before a candidate cost most of the
 * reader's time with a large corpus's many last words.
 */
export function previousWordStart(text: string, at: number): number {
  if (at < 2) return -1;
  if (!isJoin(text.charCodeAt(at - 1))) return -1;
  const from = Math.max(0, at - LONGEST_WORD - 1);
  let i = at - 1;
  for (; i > from; i--) {
    const c = text.charCodeAt(i - 1);
    if (c >= 128) {
      const m = PREVIOUS.exec(text.slice(from, at));
      return m ? from + m.index : -1;
    }
    if ((c | 32) < 97 || (c | 32) > 122) break;
  }
  // ASCII letters from `i` (after a character that is none, or where the reach ends): a
  // word if it begins with a capital.
  const first = text.charCodeAt(i);
  return i < at - 1 && first >= 65 && first <= 90 ? i : -1;
}

const LONGEST_WORD = 40;
/** What joins the words of a run: a space, a hyphen-minus or a hyphen. */
const isJoin = (c: number): boolean => c === 32 || c === 45 || c === 0x2010;
/** Capitalised words remembered at once (a power of two; half of it is used before starting over). */
const SEEN_SLOTS = 1 << 15;

/**
 * Reads the names under other spellings in a block, from its capitalised words as the
 * phrase lexicon's pass lists them (phrase-lexicon.ts: `capitals`).
 */
export interface VariantReader {
  /**
   * The names ending in the block's capitalised words: `capitals` holds `count` numbers,
   * triples [from, end, hash], for the words with one of `lastWordSkeletons` at least
   * (others are never read). `fixed` and `contextual`: the matcher's mentions and
   * candidates, which the names found may not overlap.
   */
  read(
    text: string,
    capitals: readonly number[],
    count: number,
    fixed: readonly Span[],
    contextual: readonly Span[],
  ): Mention[];
  /**
   * The consonant skeletons of the words a name may end in (search-key.ts): a capitalised
   * word with another one is never read, so the lexicon need not list it.
   */
  readonly lastWordSkeletons: readonly string[];
}

interface Span {
  start: number;
  end: number;
}

/** What `read` finds in most blocks: nothing (shared, never changed). */
const NONE: Mention[] = [];

/** Whether a span of `list` overlaps `start`–`end`. */
function overlaps(list: readonly Span[], start: number, end: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.start < end && start < list[i]!.end) return true;
  return false;
}

export function createVariantReader(variants: readonly (readonly [string, number])[]): VariantReader {
  // Indexed loops, no destructuring: this runs on every page that mentions something,
  // before V8 has optimised any of it, and an array pattern steps an iterator.
  const byKey = new Map<string, number>();
  /** Forms the matcher knows as written (entity -1): what it left unlinked stays so. */
  const known = new Set<string>();
  for (let i = 0; i < variants.length; i++) {
    const variant = variants[i]!;
    if (variant[1] >= 0) byKey.set(variant[0], variant[1]);
    else known.add(variant[0]);
  }
  const lastWords = new Set<string>();
  let most = 0;
  for (const key of byKey.keys()) {
    lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
    most = Math.max(most, key.split(' ').length);
  }
  /**
   * News repeats its capitalised words: each is folded once, then found again by its hash
   * without being cut out of the text. An open-addressed table in one typed array, each
   * slot [hash, word number × 2 + whether it may end a name] (0 for none), so that a look-up
   * reads one place: a Map keyed by the hash would box every hash beyond the engine's small
   * integers.
   */
  const seen = new Int32Array(2 * SEEN_SLOTS);
  const seenWords: string[] = [];
  /**
   * Folds a word not seen yet and remembers whether it may end a name, in the empty slot
   * `at` its probe ended at (the probe is the reading loop's, inline: it runs for most
   * capitalised words of a page).
   */
  const remember = (text: string, from: number, end: number, hash: number, at: number): boolean => {
    // Bounded, for endless pages: past half the table, start over.
    if (seenWords.length >= SEEN_SLOTS >> 1) {
      seen.fill(0);
      seenWords.length = 0;
      at = hash & (SEEN_SLOTS - 1);
    }
    const word = text.slice(from, end);
    const last = lastWords.has(foldForSearch(word));
    seen[2 * at] = hash;
    seen[2 * at + 1] = seenWords.push(word) * 2 + (last ? 1 : 0);
    return last;
  };
  const formKeys = new Map<string, string>();
  // The forms a page repeats ("Qasim Sulemani") are folded once.
  const keyOf = (form: string) => {
    let key = formKeys.get(form);
    if (key === undefined) {
      if (formKeys.size > 5_000) formKeys.clear();
      formKeys.set(form, (key = foldForSearch(form)));
    }
    return key;
  };
  // Most capitalised words are no name's last word by their first letter or length alone
  // ("The", "He", "Washington"): the capitals whose fold begins a last word, alone or as
  // the first of "Gh", "Ph", "Dj", and the shortest last word.
  const firsts = new Set([...lastWords].map((w) => w[0]));
  const mayStart = new Uint8Array(0xdf);
  for (let c = 0x41; c <= 0xde; c++) {
    if (c > 0x5a && c < 0xc0) continue;
    // A plain vowel after it, or the h and j of the digraphs the fold reads (search-key.ts).
    for (const n of 'ahj') if (firsts.has(foldForSearch(String.fromCharCode(c) + n)[0])) mayStart[c] = 1;
  }
  const shortest = Math.min(...[...lastWords].map((w) => w.length));
  /** The block's capitalised words that may end a name: [from, end] pairs. */
  const words: number[] = [];
  /** Where the words of the run before a candidate start, nearest first (scratch). */
  const starts: number[] = [];
  /**
   * Per run of words ending in a candidate (its text), what its longest form with a known
   * key names: entity × `places` + the form's place in the run × 2 + 1 if the matcher
   * knows the form as written; -1 for nothing.
   */
  const runs = new Map<string, number>();
  const places = 2 * most + 2;
  return {
    lastWordSkeletons: keySkeletons(lastWords),
    read(text, capitals, count, fixed, contextual) {
      const len = text.length;
      let n = 0;
      for (let k = 0; k < count; k += 3) {
        const from = capitals[k]!;
        const end = capitals[k + 1]!;
        // No name is that long: a run of letters without spaces is not read word by word.
        if (end - from > LONGEST_WORD || end - from < shortest || mayStart[text.charCodeAt(from)] !== 1) continue;
        // Nor is a word the run goes on after ("Shahbaz Sharif"): the loop below would pass
        // over it (this is its cheap case). Read only within the text: a read past its end
        // returns NaN, and the optimised code would start over.
        if (end + 1 < len) {
          const join = text.charCodeAt(end);
          const next = text.charCodeAt(end + 1);
          if (isJoin(join) && next >= 65 && next <= 90) continue;
        }
        // A word inside a name the matcher found adds nothing (the loop below would pass
        // over it): asked first, so the page's known spellings are never folded.
        if (overlaps(fixed, from, end) || overlaps(contextual, from, end)) continue;
        const hash = capitals[k + 2]!;
        let at = hash & (SEEN_SLOTS - 1);
        let last = -1;
        for (let v = seen[2 * at + 1]!; v !== 0; at = (at + 1) & (SEEN_SLOTS - 1), v = seen[2 * at + 1]!) {
          if (seen[2 * at] !== hash) continue;
          const word = seenWords[(v >> 1) - 1]!;
          if (word.length !== end - from) continue;
          // Compared in place: most words are short, and a call to startsWith costs more.
          let j = 0;
          while (j < word.length && word.charCodeAt(j) === text.charCodeAt(from + j)) j++;
          if (j === word.length) {
            last = v & 1;
            break;
          }
        }
        if (last === 0 || (last < 0 && !remember(text, from, end, hash, at))) continue;
        words[n++] = from;
        words[n++] = end;
      }
      let found = NONE;
      for (let k = 0; k < n; k += 2) {
        const from = words[k]!;
        const end = words[k + 1]!;
        // Only where a run of capitalised words ends ("Sulemani Street" is not a name).
        if (end + 1 < text.length && isJoin(text.charCodeAt(end)) && isUpperUnit(text.charCodeAt(end + 1))) continue;
        // The words of the run before it, nearest first, as far as a name can reach.
        starts[0] = from;
        let reach = 1;
        for (let at = from; reach < most;) {
          at = previousWordStart(text, at);
          if (at < 0) break;
          starts[reach++] = at;
        }
        // The run's text decides which of its forms names someone (where its words start
        // is read from that text alone): a page's repeated names are folded once.
        const run = text.slice(starts[reach - 1]!, end);
        let named = runs.get(run);
        if (named === undefined) {
          named = -1;
          // Longest first: "Qasim Sulemani" before "Sulemani".
          for (let i = reach - 1; i >= 0; i--) {
            const form = text.slice(starts[i]!, end);
            const entity = byKey.get(keyOf(form));
            if (entity === undefined) continue;
            named = entity * places + i * 2 + (known.has(foldSpelling(form)) ? 1 : 0);
            break;
          }
          if (runs.size > 5_000) runs.clear();
          runs.set(run, named);
        }
        if (named < 0) continue;
        const i = (named % places) >> 1;
        const start = starts[i]!;
        // A surname after a first name the corpus does not know is someone else's.
        if (i === 0 && previousWordStart(text, start) >= 0) continue;
        // A form the matcher knows as written: it has decided about it.
        if (named & 1) continue;
        if (overlaps(fixed, start, end) || overlaps(contextual, start, end)) continue;
        if (found === NONE) found = [];
        found.push({ entity: Math.floor(named / places), start, end });
      }
      return found;
    },
  };
}

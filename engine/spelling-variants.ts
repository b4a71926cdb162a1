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
import { foldForSearch, foldSpelling } from './search-key';

/**
 * A capitalised word in Latin letters; an apostrophe ends it ("Sulemani's"). Not the
 * Unicode classes: this runs over every page with a mark, and romanised names are Latin.
 */
const WORD = /[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F]*/g;
const LETTER = /[\p{L}\p{M}]/u;
/** Whether the character at `at` is a letter (ASCII at once, the rest by `LETTER`). */
function letterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 32;
  return c < 128 ? c >= 97 && c <= 122 : LETTER.test(text[at]!);
}
/** The capitalised word right before a position, joined to it by a space or hyphen. */
const PREVIOUS = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*[ \-‐]$/u;
const LONGEST_WORD = 40;

/** Mentions of known names under another spelling, none overlapping what is `taken`. */
export function createVariantReader(
  variants: readonly (readonly [string, number])[],
): (text: string, taken: readonly { start: number; end: number }[]) => Mention[] {
  const byKey = new Map(variants.filter(([, e]) => e >= 0));
  /** Forms the matcher knows as written (entity -1): what it left unlinked stays so. */
  const known = new Set(variants.filter(([, e]) => e < 0).map(([k]) => k));
  const lastWords = new Set([...byKey.keys()].map((key) => key.slice(key.lastIndexOf(' ') + 1)));
  const most = Math.max(0, ...[...byKey.keys()].map((key) => key.split(' ').length));
  // News repeats its capitalised words: each is folded once (bounded, for endless pages).
  const folded = new Map<string, string>();
  const fold = (word: string) => {
    let key = folded.get(word);
    if (key === undefined) {
      if (folded.size > 20_000) folded.clear();
      folded.set(word, (key = foldForSearch(word)));
    }
    return key;
  };
  return (text, taken) => {
    const found: Mention[] = [];
    if (byKey.size === 0) return found;
    // Capitalised words one by one: most are no name's last word, and cost a cached lookup.
    WORD.lastIndex = 0;
    for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
      const last = w[0];
      const from = w.index;
      const end = from + last.length;
      // Inside a word ("McDonald") or cut short by a letter outside the Latin range.
      if ((from > 0 && letterAt(text, from - 1)) || (end < text.length && letterAt(text, end))) continue;
      // No name is that long: a run of letters without spaces is not read word by word.
      if (last.length > LONGEST_WORD || !lastWords.has(fold(last))) continue;
      // A form ending in a name the matcher found overlaps it: nothing to add (most hits).
      if (taken.some((m) => m.start < end && from < m.end)) continue;
      // Only where a run of capitalised words ends ("Sulemani Street" is not a name).
      if (/^[ \-‐]\p{Lu}/u.test(text.slice(end, end + 2))) continue;
      // The words of the run before it, nearest first, as far as a name can reach.
      const starts = [from];
      for (let at = from; starts.length < most;) {
        const before = PREVIOUS.exec(text.slice(Math.max(0, at - LONGEST_WORD - 1), at));
        if (!before) break;
        at -= before[0].length;
        starts.push(at);
      }
      // Longest first: "Qasim Sulemani" before "Sulemani".
      for (let i = starts.length - 1; i >= 0; i--) {
        const start = starts[i]!;
        const form = text.slice(start, end);
        const entity = byKey.get(fold(form));
        if (entity === undefined) continue;
        // A surname after a first name the corpus does not know is someone else's.
        if (i === 0 && PREVIOUS.test(text.slice(Math.max(0, start - LONGEST_WORD - 1), start))) break;
        if (known.has(foldSpelling(form))) break;
        if (!taken.some((m) => m.start < end && start < m.end)) found.push({ entity, start, end });
        break;
      }
    }
    return found;
  };
}

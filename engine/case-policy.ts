/**
 * Case policy: the folded match says *which* letters appear; the policy says whether
 * their capitalisation makes the text a name. Inferred at build time from how the
 * corpus writes each alias, checked at scan time against the original text.
 *
 * A policy is one token per word of the alias, space-separated:
 * - `C`  the word must start with a capital (all-caps headlines pass naturally);
 * - `*`  any case (lower-case words and particles such as e-, al-, bin, ul);
 * - a mask of `U`/`l`, one per cased letter: an acronym or camel-cased word that must
 *   appear in exactly its own case (LeT = `UlU`: "let", "Let" and "LET" all fail).
 */
import {
  CASE_LOWER,
  CASE_UPPER,
  caseOf as importedCaseOf,
  charClass as importedCharClass,
  CharClass,
} from './normalize';

// Module-local copies: imported bindings can compile to getter calls (CommonJS interop
// in tsx and test runners), and these run for every candidate match.
const caseOf = importedCaseOf;
const charClass = importedCharClass;

/** Connecting words of transliterated names: matched in any case wherever they appear. */
const PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'ud',
  'ur',
  'us',
  'e',
  'i',
  'bin',
  'ibn',
  'bint',
  'binti',
  'ben',
  'abu',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'an',
  'de',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'du',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'la',
  'le',
  'y',
]);

const ANY = '*';
const CAPITAL = 'C';

interface Word {
  /** Case of each cased letter in the word. */
  cases: number[];
  /** The word's letters, lower-cased, for the particle test. */
  lower: string;
}

/** Splits text into words the same way the scanner does (runs of word characters). */
function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  let current: Word | null = null;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CharClass.Mark || cls === CharClass.Ignore) continue;
    if (cls !== CharClass.Word) {
      current = null;
      continue;
    }
    if (current === null) {
      current = { cases: [], lower: '' };
      out.push(current);
    }
    const k = caseOf(c);
    if (k !== 0) current.cases.push(k);
    current.lower += text[i]!.toLowerCase();
  }
  return out;
}

/** The policy for an alias as the corpus writes it. */
export function inferCasePolicy(alias: string): string {
  const ws = words(alias, 0, alias.length);
  const upperCount = (w: Word) => w.cases.filter((k) => k === CASE_UPPER).length;
  const cased = ws.filter((w) => w.cases.length > 0);
  const allCaps = cased.length > 0 && cased.every((w) => w.cases.every((k) => k === CASE_UPPER));
  const totalLetters = cased.reduce((n, w) => n + w.cases.length, 0);
  const tokens = ws.map((w): string => {
    if (w.cases.length === 0) return ANY;
    if (upperCount(w) >= 2 || (allCaps && totalLetters >= 2)) {
      return w.cases.map((k) => (k === CASE_UPPER ? 'U' : 'l')).join('');
    }
    if (w.cases[0] === CASE_UPPER) return CAPITAL;
    return ANY;
  });
  // A particle relaxes to any case only if another word still anchors the alias as a
  // name; otherwise "Al" alone would match every "al".
  const anchors = tokens.filter((t) => t !== ANY).length;
  for (let k = 0; k < ws.length; k++) {
    if (tokens[k] === CAPITAL && anchors >= 2 && PARTICLES.has(ws[k]!.lower)) tokens[k] = ANY;
  }
  return tokens.join(' ');
}

/**
 * Whether `text[start, end)` satisfies `policy`. Allocation-free: it runs for every
 * candidate match, though candidates are far rarer than characters.
 */
export function checkCasePolicy(policy: string, text: string, start: number, end: number): boolean {
  if (policy === ANY) return true;
  let p = 0; // position in policy
  let letter = 0; // index of the next cased letter within the current word
  let inWord = false;
  let tokenStart = 0;
  let tokenEnd = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CharClass.Mark || cls === CharClass.Ignore) continue;
    if (cls !== CharClass.Word) {
      if (inWord) {
        if (!finishWord(policy, tokenStart, tokenEnd, letter)) return false;
        p = tokenEnd + 1;
        inWord = false;
      }
      continue;
    }
    if (!inWord) {
      inWord = true;
      letter = 0;
      if (p >= policy.length) return false; // more words than the alias: cannot happen for a true match
      tokenStart = p;
      tokenEnd = policy.indexOf(' ', p);
      if (tokenEnd < 0) tokenEnd = policy.length;
    }
    const k = caseOf(c);
    if (k === 0) continue;
    const width = tokenEnd - tokenStart;
    if (width === 1) {
      if (letter === 0 && policy.charCodeAt(tokenStart) === 67 /* C */ && k !== CASE_UPPER) return false;
    } else {
      if (letter >= width) return false;
      const want = policy.charCodeAt(tokenStart + letter) === 85 /* U */ ? CASE_UPPER : CASE_LOWER;
      if (k !== want) return false;
    }
    letter++;
  }
  if (inWord && !finishWord(policy, tokenStart, tokenEnd, letter)) return false;
  return true;
}

/**
 * Whether text whose first cased letter is lower-case can satisfy `policy` ("al
 * Mayadeen", "war in Gaza"), judged by the first word's token alone as
 * `checkCasePolicy` does: `C` and a mask starting with `U` cannot. The scanner uses it
 * to skip lower-case words that only upper-case aliases begin with.
 */
export function admitsLowerCaseStart(policy: string): boolean {
  const end = policy.indexOf(' ');
  const width = end < 0 ? policy.length : end;
  const first = policy.charCodeAt(0);
  return width === 1 ? first !== 67 /* C */ : first !== 85; /* U */
}

/** A mask token must have seen all its letters (guards against folding that changes length). */
function finishWord(policy: string, tokenStart: number, tokenEnd: number, letters: number): boolean {
  const width = tokenEnd - tokenStart;
  return width === 1 || letters === width;
}

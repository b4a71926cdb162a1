/**
 * How the region's scripts are folded, so the spellings its press uses meet:
 *
 * - Arabic script as Urdu, Persian and Arabic pages write it: the yeh forms (ي ى ې ے ۓ ئ
 *   = ی), kaf (ك = ک), the he forms (ة ہ ۂ ۀ ھ ە = ه), the alef forms (أ إ آ ٱ = ا) and waw
 *   with hamza (ؤ = و); the tatweel, which only stretches a word, vanishes;
 * - Arabic-Indic, Persian and Devanagari digits are 0-9 (جنگ ۱۲ روزه = جنگ 12 روزه);
 * - the zero-width non-joiner, which Persian writes before suffixes and inside compounds
 *   (خامنه‌ای, لاریجانی‌ها), is a word break, as Urdu's space is (خامنہ ای);
 * - Devanagari: the nukta vanishes, combining or precomposed (ख़ = ख, क़ = क …), and
 *   chandrabindu is anusvara (अँ = अं).
 *
 * The rules live here, outside engine/normalize.ts, because the content script reads
 * English pages without them (they would cost it room it does not have): it adds them,
 * with `addFolds`, only when it loads the table for a page in these scripts. Everything
 * else that folds text (the corpus build, search, the command-line tools, the tests)
 * calls `foldRegionalScripts()` first.
 */
import { addFolds } from './normalize';

const MARK = '\u0000';
const DROP = '\u0001';

function pairs(): string {
  let out =
    'يیىیېیےیۓیئیكکةهہهۂهۀهھهەهأاإاآاٱاؤو' +
    `\u0640${DROP}\u200c \u093c${MARK}\u0901\u0902` +
    '\u0958\u0915\u0959\u0916\u095a\u0917\u095b\u091c\u095c\u0921\u095d\u0922\u095e\u092b\u095f\u092f' +
    '\u0929\u0928\u0931\u0930\u0934\u0933';
  for (let d = 0; d < 10; d++) {
    const digit = String.fromCharCode(0x30 + d);
    out += String.fromCharCode(0x660 + d) + digit + String.fromCharCode(0x6f0 + d) + digit;
    out += String.fromCharCode(0x966 + d) + digit;
  }
  return out;
}

/** The folds as `addFolds` takes them. */
export const REGIONAL_FOLDS = pairs();

let folded = false;

/** Adds the regional scripts' folds to the shared tables, once. */
export function foldRegionalScripts(): void {
  if (folded) return;
  folded = true;
  addFolds(REGIONAL_FOLDS);
}

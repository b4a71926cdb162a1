// @vitest-environment node
/**
 * The event phrases' words, read in one pass (engine/phrase-lexicon.ts): whole words only,
 * folded as the matcher folds, capitals kept where a form has them, every form at a word
 * start reported, and capitalised words handed on with a hash for the spelling reader.
 */
import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../../engine/phrase-lexicon';
import { foldForSearch, keySkeletons } from '../../../engine/search-key';

const FORMS = ['war', 'US', 'U.S.', 'four-day', 'gas line project', 'project', 'Islamic Republic', 'حملہ', 'killing'];

/** The forms found in `text`, as "form@start". */
function found(text: string, forms = FORMS): string[] {
  const hits: number[] = [];
  const n = createLexicon(forms).scan(text, hits);
  const out: string[] = [];
  for (let h = 0; h < n; h += 3) out.push(`${forms[hits[h + 2]!]}@${hits[h]}:${text.slice(hits[h]!, hits[h + 1]!)}`);
  return out;
}

describe('phrase lexicon', () => {
  it('finds whole words only, in any case for lower-case forms', () => {
    expect(found('The War began; warned, postwar, wars.')).toEqual(['war@4:War']);
    expect(found('KILLING and killing')).toEqual(['killing@0:KILLING', 'killing@12:killing']);
  });

  it('keeps the capitals a form has', () => {
    expect(found('the US said; let us go; Us')).toEqual(['US@4:US']);
    expect(found('U.S. forces')).toEqual(['U.S.@0:U.S.']);
    expect(found('the islamic republic')).toEqual([]);
    expect(found('the Islamic  Republic')).toEqual(['Islamic Republic@4:Islamic  Republic']);
  });

  it('reads hyphens, dashes and spaces alike, as the matcher does', () => {
    expect(found('a four–day war')).toEqual(['four-day@2:four–day', 'war@11:war']);
    expect(found('a four day war')).toEqual(['four-day@2:four day', 'war@11:war']);
  });

  it('reports every form at a word start, nested ones too', () => {
    expect(found('the gas line project')).toEqual(['gas line project@4:gas line project', 'project@13:project']);
  });

  it('folds the regional scripts’ letter forms and keeps whole words', () => {
    // Arabic kaf and heh for the Urdu letters (the folds tests/setup.ts adds).
    expect(found('راکٹ حمله ہوا')).toEqual(['حملہ@5:حمله']);
    expect(found('حملہوں')).toEqual([]);
  });

  it('reads a word on through its marks and invisible characters, as the matcher does', () => {
    // A combining accent, a soft hyphen, a Persian half-space inside the word.
    expect(found('the kille\u0301d and kill\u00ading')).toEqual(['killing@16:kill\u00ading']);
    expect(found('Wa\u0301r, W\u200bar', ['war'])).toEqual(['war@0:Wa\u0301r', 'war@6:W\u200bar']);
    expect(found('سفر رئیس\u200cجمهوری', ['رئیس\u200cجمهوری'])).toEqual(['رئیس\u200cجمهوری@4:رئیس\u200cجمهوری']);
    // The word the hash reads ends where the trie's does: not inside a longer word.
    expect(found('warfare and war-time', ['war'])).toEqual(['war@12:war']);
  });

  it('lists each capitalised word with the same hash for the same word', () => {
    const text = 'Sulemani met Sulemani and Soleimani in Baghdad, said the US.';
    const lexicon = createLexicon(FORMS);
    // Filled beyond what this block lists, as a scratch array is after a longer block.
    const capitals = new Array<number>(40).fill(7);
    lexicon.scan(text, [], capitals);
    const words: [string, number][] = [];
    for (let k = 0; k < lexicon.capitalCount; k += 3)
      words.push([text.slice(capitals[k]!, capitals[k + 1]!), capitals[k + 2]!]);
    expect(words.map(([w]) => w)).toEqual(['Sulemani', 'Sulemani', 'Soleimani', 'Baghdad', 'US']);
    expect(words[0]![1]).toBe(words[1]![1]);
    expect(new Set(words.map(([, h]) => h)).size).toBe(4);
  });

  it('lists only the capitalised words whose skeleton is a wanted one, with the hash it lists them with otherwise', () => {
    const text =
      'Sulaimani, Toossi and Tosi met Sharif, Sherif, Sh\u0301arif, Shrif? Soleimani\u2019s Sulaimaní Soleimanə Mehmet.';
    const read = (lexicon: ReturnType<typeof createLexicon>) => {
      const capitals: number[] = [];
      lexicon.scan(text, [], capitals);
      const out: string[] = [];
      for (let k = 0; k < lexicon.capitalCount; k += 3)
        out.push(`${text.slice(capitals[k]!, capitals[k + 1]!)}#${capitals[k + 2]}`);
      return out;
    };
    const all = read(createLexicon(FORMS));
    const wanted = read(createLexicon(FORMS, keySkeletons(['soleimani', 'tusi', 'sharif'].map(foldForSearch))));
    // Vowels and a repeated consonant do not count, a mark inside a word is passed over;
    // a letter that folds to none in ASCII ("ə") rules a word out, and so does another skeleton.
    expect(wanted.map((w) => w.split('#')[0])).toEqual([
      'Sulaimani',
      'Toossi',
      'Tosi',
      'Sharif',
      'Sherif',
      'Sh\u0301arif',
      'Soleimani',
      'Sulaimaní',
    ]);
    // Listed with the same hash whether or not skeletons narrow the list.
    for (const w of wanted) expect(all).toContain(w);
  });
});

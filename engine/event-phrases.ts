/**
 * Events named by description: "Soleimani's killing", "the four-day war between India
 * and Pakistan", "the Pakistan–Saudi defence pact". News more often describes an event
 * than names it, so a trigger word ("killing", "war", "pact") links an event when the
 * participants that make it unique (`PhraseRule`) stand in the same noun phrase: the run
 * of words around the trigger that a phrase can hold (connectives, known modifiers,
 * capitalised words, numbers, other mentions). Any other word, a comma or a sentence end
 * closes the run, so "India said the war…" is not "the war between India…".
 *
 * The names inside keep their own mentions: the event's mention contains them (nested,
 * listed first), and the page shows the inner name over the phrase.
 */
import type { Mention } from './block-analysis';
import { createLexicon } from './phrase-lexicon';
import { PhraseTokens, WordKeys, wordKey, yearsWithin } from './phrase-tokens';
import { createVariantReader } from './spelling-variants';
import type { PhraseRule } from './table-format';

interface Group {
  /** Lexicon forms (words as printed) that name the group, each once; none for a group of entities only. */
  forms: number[];
  /** Entities whose mention counts. */
  entities: number[];
}

interface Rule {
  entity: number;
  with: Group[];
  /** The forms of each group of `with` that names no entity: one of each must be in the block. */
  printed: number[][];
  /** Indices into the finder's page groups. */
  onPage: number[];
  unless: Set<number> | null;
  years: [number, number] | undefined;
}

/** What the phrases read in one block, once (`PhraseFinder.read`). */
export interface BlockReading {
  /** Names under another spelling, none overlapping the block's own mentions. */
  variants: Mention[];
  /** The page groups the block names (by its mentions and words), for `onPage`. */
  groups: number[];
  /**
   * The phrase words found, triples [start, end, form] by start, when the block holds an
   * event trigger with a rule whose words are all there; null otherwise (then `find` has
   * nothing to add).
   */
  words: readonly number[] | null;
  /**
   * What `find` asks of the page for the block's triggers: their rules' `onPage` lists,
   * each once. What it finds in the block changes with the page only when one of these
   * lists turns from all there to not, or back. Empty when `words` is null.
   */
  consults: readonly (readonly number[])[];
}

/**
 * What the content script loads on demand (event-phrases.js): the event phrases, and the
 * other spellings of people's names (spelling-variants.ts), which the phrases build on
 * ("the death of Suleimani").
 */
export interface PhraseFinder {
  /** Reads a block: `fixed` and `contextual` are the matcher's mentions and candidates. */
  read(text: string, fixed: readonly Mention[], contextual: readonly { start: number; end: number }[]): BlockReading;
  /** `mentions` (sorted, from one block) with its event phrases, sorted by start, outer first. */
  find(
    text: string,
    words: readonly number[],
    mentions: readonly Mention[],
    onPage: (group: number) => boolean,
  ): Mention[];
}

/**
 * Words a noun phrase around an event trigger holds besides capitalised words, numbers
 * and mentions: articles, prepositions, and the modifiers descriptions use. The rules'
 * own words join them.
 */
const PHRASE_WORDS =
  'the a an of on in at by to for with against between and that which its their his her this last recent then ' +
  'former s into over near after during across killed kill targeted paid made state official high level day ' +
  'days month week overnight military air drone missile missiles deadly brief short ongoing escalating top ' +
  'commander general international airport defence defense security mutual strategic gas line project nuclear ' +
  'facilities sites bases base precision terror terrorist retaliatory so called one two three four five six seven ' +
  'president prime minister chief ayatollah supreme led backed ordered authorized authorised early late disputed ' +
  'eight nine ten dozen chair secretary head';

/**
 * The same in Urdu, Persian and Hindi, whose scripts have no capitals to carry a phrase
 * over its names: postpositions and connectives first (they only join), then modifiers.
 */
const NATIVE_FUNCTION_WORDS =
  'اور کا کی کے میں پر سے نے کو ہوئے ہوئی ہونے والے والی ایک بعد ' +
  'و به در از با بر یک که را این آن پس ' +
  'और के की का में पर से को ने हुए हुई हुआ एक बीच साथ द्वारा बाद';
const NATIVE_PHRASE_WORDS =
  'دہشت گردانہ گرد راکٹ میزائل فضائی ڈرون سرکاری پہلا پہلی روزہ دن چار بارہ فوجی صدر وزیراعظم ایرانی امریکی ' +
  'رسمی اولین خصمانه نزدیکی موشکی بین‌المللی تروریستی پهپادی هوایی نظامی روزه رئیس‌جمهوری رئیس‌جمهور ' +
  'आतंकी आतंकवादी चार दिवसीय दिन दिनों सैन्य हिंसक फोर्स सुरक्षा कर्मियों ड्रोन मिसाइल हवाई राष्ट्रपति प्रधानमंत्री';

/** Phrase words that only join: a phrase is widened over the others (`US drone attack`, `nuclear facilities`). */
const FUNCTION_WORDS =
  'the a an of on in at by to for with against between and that which its their his her this last then into over near after during across paid made s ' +
  NATIVE_FUNCTION_WORDS;

const NO_GROUPS: number[] = [];
/** What a block without a trigger consults (shared, never changed). */
export const NO_CONDITIONS: readonly (readonly number[])[] = [];

/** How far a phrase reaches on either side of its trigger, in tokens and in characters. */
const REACH = 14;
const SPAN = 240;
/** How far before a trigger its block's words are listed first, in characters. */
const NEAR = 64;

export function createPhraseFinder(
  rules: readonly PhraseRule[],
  variants: readonly (readonly [string, number])[] = [],
): PhraseFinder {
  /** Every form the phrases look for, once each: the lexicon's list. */
  const forms: string[] = [];
  const formIds = new Map<string, number>();
  const formId = (form: string) => {
    let id = formIds.get(form);
    if (id === undefined) formIds.set(form, (id = forms.push(form) - 1));
    return id;
  };
  const group = (text: string): Group => {
    const printed = text.split('|').filter((f) => !f.startsWith('@'));
    return {
      forms: [...new Set(printed.map(formId))],
      entities: text
        .split('|')
        .filter((f) => f.startsWith('@'))
        .map((f) => Number(f.slice(1))),
    };
  };
  const pageKeys: string[] = [];
  /** Rules by trigger form. */
  const byTrigger = new Map<number, Rule[]>();
  /** Above every entity the rules' groups name. */
  let entityLimit = 0;
  // Built when the phrases load: after the regional scripts' folds, on pages that need them.
  const allowedKeys = new Set(
    `${PHRASE_WORDS} ${NATIVE_FUNCTION_WORDS} ${NATIVE_PHRASE_WORDS}`.split(' ').map(wordKey),
  );
  const joinOnly = new WordKeys(FUNCTION_WORDS.split(' ').map(wordKey));
  for (const r of rules) {
    const onPage = (r.p ?? []).map((key) => {
      const at = pageKeys.indexOf(key);
      return at >= 0 ? at : pageKeys.push(key) - 1;
    });
    const groups = r.w.map(group);
    for (const g of groups) for (const e of g.entities) entityLimit = Math.max(entityLimit, e + 1);
    const rule: Rule = {
      entity: r.e,
      with: groups,
      printed: groups.filter((g) => !g.entities.length && g.forms.length).map((g) => g.forms),
      onPage,
      unless: r.u ? new Set(r.u.split('|').map(formId)) : null,
      years: r.y,
    };
    for (const t of r.t.split(' ')) {
      allowedKeys.add(wordKey(t));
      const id = formId(t);
      const list = byTrigger.get(id);
      if (list) list.push(rule);
      else byTrigger.set(id, [rule]);
    }
    for (const g of [...r.w, ...(r.p ?? [])]) {
      for (const f of g.split('|'))
        if (f === f.toLowerCase()) for (const w of f.split(/[\s-]+/)) allowedKeys.add(wordKey(w));
    }
  }
  // The page groups each form and each entity names.
  const groupsOfForm: number[][] = [];
  const groupsOfEntity: number[][] = [];
  pageKeys.forEach((key, k) => {
    const g = group(key);
    for (const id of g.forms) (groupsOfForm[id] ??= []).push(k);
    for (const e of g.entities) (groupsOfEntity[e] ??= []).push(k);
  });
  const rulesOf: (Rule[] | undefined)[] = forms.map((_, id) => byTrigger.get(id));
  const spellings = createVariantReader(variants);
  const lexicon = createLexicon(forms, spellings.lastWordSkeletons);
  const allowed = new WordKeys(allowedKeys);
  /** The words of the block being read by `find`, reused by every block. */
  const tokens = new PhraseTokens();
  /** Scratch for the lexicon's hits and the block's capitalised words, reused by every block. */
  const hits: number[] = [];
  const capitals: number[] = [];
  /** Per form, the last read (`reads`) that found it. */
  const foundIn = new Int32Array(forms.length);
  let reads = 0;
  /** Per page group, the last read (`reads`) that listed it for its block. */
  const groupIn = new Int32Array(pageKeys.length);
  /** `groups` with those of `list` this read has not listed yet (a new array in place of the shared empty one). */
  const addGroups = (groups: number[], list: readonly number[]): number[] => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i]!;
      if (groupIn[g] === reads) continue;
      groupIn[g] = reads;
      if (groups === NO_GROUPS) groups = [];
      groups.push(g);
    }
    return groups;
  };
  /**
   * Whether a rule of the trigger may ever apply in the block read last: its groups of
   * words alone are there (a group that names an entity may come with the page's
   * context; words do not change). Most triggers ("talks", "war") have none.
   */
  const mayApply = (trigger: Rule[]) => {
    for (let r = 0; r < trigger.length; r++) if (allFound(trigger[r]!.printed)) return true;
    return false;
  };
  /** Whether each list has a form found in the block read last (indexed loops: no iterator garbage before this is optimised). */
  const allFound = (lists: number[][]) => {
    for (let i = 0; i < lists.length; i++) if (!foundAny(lists[i]!)) return false;
    return true;
  };
  const foundAny = (ids: number[]) => {
    for (let i = 0; i < ids.length; i++) if (foundIn[ids[i]!] === reads) return true;
    return false;
  };

  /**
   * Per form and per entity a group names, the last `find` (`finds`) whose block names it:
   * whether the block names a group at all is read from these. Most triggers ("talks",
   * "war") have no rule whose participants are all in the block, and need no closer look.
   */
  const formIn = new Int32Array(forms.length);
  const entityIn = new Int32Array(entityLimit);
  let finds = 0;
  const inBlock = (g: Group) => {
    for (let i = 0; i < g.entities.length; i++) if (entityIn[g.entities[i]!] === finds) return true;
    for (let i = 0; i < g.forms.length; i++) if (formIn[g.forms[i]!] === finds) return true;
    return false;
  };

  /** Whether a rule may apply: its page groups are on the page, and its groups in the block `find` reads. */
  const isPossible = (rule: Rule, onPage: (group: number) => boolean): boolean => {
    for (let i = 0; i < rule.onPage.length; i++) if (!onPage(rule.onPage[i]!)) return false;
    for (let i = 0; i < rule.with.length; i++) if (!inBlock(rule.with[i]!)) return false;
    return true;
  };
  /** Whether a trigger in `words`, outside the names, has a rule that may apply (as `find` reads them). */
  const anyPossible = (
    words: readonly number[],
    mentions: readonly Mention[],
    onPage: (group: number) => boolean,
  ): boolean => {
    for (let h = 2; h < words.length; h += 3) {
      const rules = rulesOf[words[h]!];
      if (rules === undefined || insideMention(mentions, words[h - 2]!)) continue;
      for (let r = 0; r < rules.length; r++) if (isPossible(rules[r]!, onPage)) return true;
    }
    return false;
  };

  /** The first form of `g` in `words` from `from`, or its first mention; null unless within `to`. */
  const named = (g: Group, words: readonly number[], mentions: readonly Mention[], from: number, to: number) => {
    if (g.entities.length) {
      for (let i = firstFrom(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) {
        const m = mentions[i]!;
        if (m.end <= to && g.entities.includes(m.entity)) return m;
      }
    }
    if (!g.forms.length) return null;
    let best: { start: number; end: number } | null = null;
    for (let h = 3 * firstWordFrom(words, from); h < words.length; h += 3) {
      const start = words[h]!;
      if (best && start > best.start) break;
      if (g.forms.includes(words[h + 2]!) && (!best || words[h + 1]! > best.end)) best = { start, end: words[h + 1]! };
    }
    return best && best.end <= to ? best : null;
  };

  return {
    read(text, fixed, contextual) {
      const n = lexicon.scan(text, hits, capitals);
      const variants = spellings.read(text, capitals, lexicon.capitalCount, fixed, contextual);
      if (++reads === 2 ** 31 - 1) {
        foundIn.fill(0);
        groupIn.fill(0);
        reads = 1;
      }
      let groups = NO_GROUPS;
      for (let i = 0; i < fixed.length; i++) {
        const list = groupsOfEntity[fixed[i]!.entity];
        if (list !== undefined) groups = addGroups(groups, list);
      }
      for (let i = 0; i < variants.length; i++) {
        const list = groupsOfEntity[variants[i]!.entity];
        if (list !== undefined) groups = addGroups(groups, list);
      }
      let trigger = false;
      for (let h = 2; h < n; h += 3) {
        const id = hits[h]!;
        foundIn[id] = reads;
        if (rulesOf[id]) trigger = true;
        const list = groupsOfForm[id];
        if (list !== undefined) groups = addGroups(groups, list);
      }
      if (trigger) {
        trigger = false;
        for (let h = 2; h < n && !trigger; h += 3) {
          const rules = rulesOf[hits[h]!];
          // A trigger inside a name the matcher fixed or a spelling found ("Operation
          // Sindoor", "the Pakistan Army") stays inside it whatever the page's context:
          // `find` passes over it, so it alone does not keep the block's words.
          if (rules && !insideMention(fixed, hits[h - 2]!) && !insideMention(variants, hits[h - 2]!))
            trigger = mayApply(rules);
        }
      }
      if (!trigger) return { variants, groups, words: null, consults: NO_CONDITIONS };
      let consults: (readonly number[])[] | null = null;
      for (let h = 2; h < n; h += 3) {
        const rules = rulesOf[hits[h]!];
        if (rules === undefined) continue;
        for (let r = 0; r < rules.length; r++) {
          const onPage = rules[r]!.onPage;
          if (onPage.length === 0 || consults?.includes(onPage)) continue;
          (consults ??= []).push(onPage);
        }
      }
      // A plain array: a typed array per block is a buffer the browser allocates outside the heap, at a cost.
      return { variants, groups, words: hits.slice(0, n), consults: consults ?? NO_CONDITIONS };
    },

    find(text, words, mentions, onPage) {
      const found: Mention[] = [];
      const inMention = (at: number) => insideMention(mentions, at);
      if (++finds === 2 ** 31 - 1) {
        formIn.fill(0);
        entityIn.fill(0);
        finds = 1;
      }
      for (let h = 2; h < words.length; h += 3) formIn[words[h]!] = finds;
      for (let i = 0; i < mentions.length; i++)
        if (mentions[i]!.entity < entityIn.length) entityIn[mentions[i]!.entity] = finds;
      // Most blocks end here: no trigger has a rule whose participants are all there, and
      // the closures and the word list below are never made.
      if (!anyPossible(words, mentions, onPage)) return mentions.slice();
      tokens.reset(text);
      /** Whether a word may be in a phrase: read once per word of the block. */
      const passes = (k: number) => {
        const known = tokens.passes[k]!;
        if (known >= 0) return known === 1;
        const start = tokens.starts[k]!;
        const pass =
          inMention(start) ||
          tokens.capitalOrNumber(k) ||
          allowed.has(text, start, tokens.ends[k]!) ||
          tokens.isJoiner(k) ||
          tokens.isAbbreviationDot(k);
        tokens.passes[k] = pass ? 1 : 0;
        return pass;
      };
      /**
       * The first word of a trigger's run, walking back from its word `at` no further than `from`
       * (a character offset) nor past a word where a listing began.
       */
      const runStart = (at: number, from: number) => {
        let lo = at;
        while (lo > 0 && at - lo < REACH && !tokens.beganAt(lo) && tokens.starts[lo - 1]! >= from && passes(lo - 1))
          lo--;
        return lo;
      };
      for (let h = 0; h < words.length; h += 3) {
        const ts = words[h]!;
        const te = words[h + 1]!;
        const all = rulesOf[words[h + 2]!];
        // (Checked before listing: most triggers have no possible rule.)
        if (all === undefined || inMention(ts)) continue;
        let any = false;
        for (let r = 0; r < all.length && !any; r++) any = isPossible(all[r]!, onPage);
        if (!any) continue;
        // The run of phrase words around the trigger, within `REACH` words and `SPAN`
        // characters (whether a word may be in it is read only as far as the run goes). The
        // block's words are listed once, from a little before the trigger, and only as far
        // as runs go: most end a few words from their trigger.
        const from = ts - SPAN;
        const to = te + SPAN;
        tokens.cover(Math.max(from, ts - NEAR), te);
        let at = tokens.firstFrom(ts);
        if (at >= tokens.length || tokens.starts[at] !== ts) continue;
        let lo = runStart(at, from);
        if (at - lo < REACH && tokens.beganAt(lo) && tokens.starts[lo]! > from) {
          // The run reaches where the listing began: list the block's words again, from the
          // run's farthest start (rare; the words' checks are read again).
          tokens.reset(text);
          tokens.cover(from, te);
          at = tokens.firstFrom(ts);
          lo = runStart(at, from);
        }
        let hi = at;
        while (hi - at < REACH) {
          if (hi === tokens.length - 1 && !tokens.listNext(to)) break;
          if (tokens.starts[hi + 1]! >= to || !passes(hi + 1)) break;
          hi++;
        }
        const L = tokens.starts[lo]!;
        const R = tokens.ends[hi]!;

        let best: Mention | null = null;
        let bestScore = 0;
        let tie = false;
        // Indexed loops here and below: a `for…of` step allocates until V8 has optimised the
        // code, and a page's phrases are mostly found before then.
        for (let r = 0; r < all.length; r++) {
          const rule = all[r]!;
          if (!isPossible(rule, onPage)) continue;
          let start = ts;
          let end = te;
          let ok = true;
          for (let i = 0; i < rule.with.length; i++) {
            const hit = named(rule.with[i]!, words, mentions, L, R);
            if (!hit) {
              ok = false;
              break;
            }
            start = Math.min(start, hit.start);
            end = Math.max(end, hit.end);
          }
          if (!ok) continue;
          if (rule.unless && namesAny(words, rule.unless, L, R)) continue;
          // A phrase naming a year outside the event's is another event ("the 1971 war between India and Pakistan").
          if (rule.years && !yearsWithin(text, L, R, rule.years[0], rule.years[1])) continue;
          // What the phrase itself names counts most: "the four-day war between India and Pakistan".
          const score = 8 * rule.with.length + rule.onPage.length;
          if (best && score === bestScore && best.entity !== rule.entity) tie = true;
          if (!best || score > bestScore) {
            best = { entity: rule.entity, start, end };
            bestScore = score;
            tie = false;
          }
        }
        if (!best || tie) continue;
        // Widen over the modifiers and nouns around it, never past a joining word.
        const content = (k: number) => passes(k) && !joinOnly.has(text, tokens.starts[k]!, tokens.ends[k]!);
        let a = lo;
        while (a < hi && tokens.starts[a]! < best.start) a++;
        while (a > lo && content(a - 1)) a--;
        while (tokens.isJoiner(a) && tokens.starts[a]! < best.start) a++;
        let z = lo;
        while (z < hi && tokens.ends[z]! < best.end) z++;
        while (z >= 0 && z < hi && content(z + 1)) z++;
        while (z > 0 && tokens.isJoiner(z) && tokens.ends[z]! > best.end) z--;
        best.start = Math.min(best.start, tokens.starts[a]!);
        if (z >= 0) best.end = Math.max(best.end, tokens.ends[z]!);
        // A name the phrase cuts into is inside it whole.
        for (let i = 0; i < mentions.length; i++) {
          const m = mentions[i]!;
          if (m.start < best.start && m.end > best.start) best.start = m.start;
          if (m.start < best.end && m.end > best.end) best.end = m.end;
        }
        const b = best;
        // Not over a name of the same entity, nor exactly over a name.
        let taken = false;
        for (let i = 0; i < mentions.length && !taken; i++) {
          const m = mentions[i]!;
          taken =
            (m.entity === b.entity && m.start < b.end && b.start < m.end) || (m.start === b.start && m.end === b.end);
        }
        if (taken) continue;
        const last = found[found.length - 1];
        if (last && last.end > b.start) {
          // Two triggers of one phrase ("the strike that killed…"): one mention.
          if (last.entity === b.entity) last.end = Math.max(last.end, b.end);
          continue;
        }
        found.push(b);
      }
      if (found.length === 0) return mentions.slice();
      return [...mentions, ...found].sort((x, y) => x.start - y.start || y.end - x.end);
    },
  };
}

/**
 * Whether a name holds position `at`. Names never overlap one another (only the phrases
 * `find` adds contain names): the one that starts last at or before `at` is the only one
 * that can hold it.
 */
function insideMention(mentions: readonly Mention[], at: number): boolean {
  const m = mentions[firstFrom(mentions, at + 1) - 1];
  return m !== undefined && at < m.end;
}

/** The first of `list` (mentions, sorted by start) that starts at or after `at`. */
function firstFrom(list: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first word (a triple of `BlockReading.words`) that starts at or after `at`, by index. */
function firstWordFrom(words: readonly number[], at: number): number {
  let lo = 0;
  let hi = words.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[3 * mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a form of `forms` starts in `words` between `from` and `to`. */
function namesAny(words: readonly number[], forms: Set<number>, from: number, to: number): boolean {
  for (let h = 0; h < words.length; h += 3) {
    if (words[h]! >= from && words[h]! < to && forms.has(words[h + 2]!)) return true;
  }
  return false;
}

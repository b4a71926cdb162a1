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
import { createVariantReader } from './spelling-variants';
import type { PhraseRule } from './table-format';

interface Group {
  /** Words as printed, whole words (case-sensitive when capitalised); null for none. */
  words: Words | null;
  /** Entities whose mention counts. */
  entities: number[];
  /** Index among the finder's groups (a group written alike in several rules is one). */
  id: number;
  /** Its forms of one capitalised word: named when `variantsIn` collected one. */
  single: string[];
  /** Its other capitalised forms, and the first capitalised word of each (to read them only then). */
  cased: Words | null;
  keys: string[];
  /** Its lower-case forms (read with the triggers, `lowerWords`). */
  lower: string[];
}

interface Rule {
  /** The rule's own triggers. */
  words: string[];
  /** Its groups named by mentions or capitalised words only (cheap to tell), then the others. */
  byCheapness: Group[];
  entity: number;
  with: Group[];
  /** Indices into the finder's page groups. */
  onPage: number[];
  unless: Words | null;
  years: [number, number] | undefined;
}

/**
 * What the content script loads on demand (event-phrases.js): the event phrases, and the
 * other spellings of people's names (spelling-variants.ts), which the phrases build on
 * ("the death of Suleimani").
 */
export interface PhraseFinder {
  /**
   * Names under another spelling in a block, none overlapping what is `taken`; adds the
   * block's capitalised words to `words` (for `readBlock`).
   */
  variantsIn(text: string, taken: readonly { start: number; end: number }[], words?: Set<string>): Mention[];
  /**
   * What the phrases need of a block (`words`: its capitalised words, from `variantsIn`):
   * the page groups it names (by `mentions` and by words, for `onPage`), and the rules
   * whose phrase may be in it: a trigger of the rule and its participants, named by
   * `mentions`, by words, or by one of the entities a `maybe` candidate may turn out to
   * be. `find` adds nothing to a block without one, whatever the page names.
   */
  readBlock(
    text: string,
    mentions: readonly Mention[],
    maybe: readonly { entities: readonly number[] }[],
    words: ReadonlySet<string>,
  ): { groups: number[]; rules: number[] };
  /**
   * `mentions` (sorted, from one block) with its event phrases, sorted by start, outer
   * first; `rules` from `readBlock`.
   */
  find(
    text: string,
    mentions: readonly Mention[],
    onPage: (group: number) => boolean,
    rules: readonly number[],
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

/** Phrase words that only join: a phrase is widened over the others (`US drone attack`, `nuclear facilities`). */
const FUNCTION_WORDS = new Set(
  'the a an of on in at by to for with against between and that which its their his her this last then into over near after during across paid made s'.split(
    ' ',
  ),
);

/** Punctuation inside a phrase: hyphens, dashes, apostrophes, quotes, slashes. */
const JOINERS = /^[-‐‑–—'’“”"/]$/;
const TOKEN = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}]+|\S/gu;
const NONE: readonly number[] = [];
const NO_FORMS: readonly string[] = [];
/** A word from its first capital, as `variantsIn` collects them. */
const CAPITALISED = /[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F]*/;

const YEAR = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;
/** How far a phrase reaches on either side of its trigger, in tokens. */
const REACH = 14;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where some printed forms are written as whole words (`wordsIn`). */
interface Words {
  /** The first from `from` (the longest there), or null. */
  find(text: string, from: number): { start: number; end: number } | null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whole-word matching for printed forms: capitalised ones keep their case, others fold it.
 * Two patterns (kept case, folded case), and no lookbehind: a pattern that starts with
 * its words is searched far faster than one that asserts on every character, so the
 * character before a match is checked here.
 */
function wordsIn(forms: string[]): Words | null {
  if (forms.length === 0) return null;
  // Longest first: "Saudi Arabia" before "Saudi".
  forms = [...forms].sort((a, b) => b.length - a.length);
  const cased = forms.filter((f) => f !== f.toLowerCase()).map(escape);
  const folded = forms.filter((f) => f === f.toLowerCase()).map(escape);
  const patterns: RegExp[] = [];
  if (cased.length) patterns.push(new RegExp(`(?:${cased.join('|')})(?![\\p{L}\\p{N}])`, 'gu'));
  if (folded.length) patterns.push(foldedPattern(folded));
  return {
    find(text, from) {
      let best: { start: number; end: number } | null = null;
      for (const p of patterns) {
        p.lastIndex = from;
        for (let m = p.exec(text); m; m = p.exec(text)) {
          if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) {
            p.lastIndex = m.index + 1;
            continue;
          }
          const end = m.index + m[0].length;
          if (!best || m.index < best.start || (m.index === best.start && end > best.end))
            best = { start: m.index, end };
          break;
        }
      }
      return best;
    },
  };
}

/**
 * Lower-case forms, in any case. All ASCII (the triggers): ASCII word bounds, far faster
 * than Unicode classes (a letter like é next to one is rare and harmless).
 */
function foldedPattern(folded: string[]): RegExp {
  return folded.every((f) => /^[\x20-\x7e]*$/.test(f))
    ? new RegExp(`\\b(?:${folded.join('|')})\\b`, 'gi')
    : new RegExp(`(?:${folded.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether `inner` is written inside `outer` as whole words. */
function within(outer: string, inner: string): boolean {
  const edge = (c: string | undefined) => c === undefined || !WORD_CHAR.test(c);
  for (let at = outer.indexOf(inner); at >= 0; at = outer.indexOf(inner, at + 1)) {
    if (edge(outer[at - 1]) && edge(outer[at + inner.length])) return true;
  }
  return false;
}

function parseGroup(text: string, id: number): Group {
  const forms = text.split('|');
  const words = forms.filter((f) => !f.startsWith('@'));
  const single = words.filter((f) => new RegExp(`^${CAPITALISED.source}$`).test(f));
  const cased = words.filter((f) => f !== f.toLowerCase() && !single.includes(f));
  return {
    words: wordsIn(words),
    entities: forms.filter((f) => f.startsWith('@')).map((f) => Number(f.slice(1))),
    id,
    single,
    cased: wordsIn(cased),
    keys: cased.map((f) => f.match(CAPITALISED)?.[0] ?? f),
    lower: words.filter((f) => f === f.toLowerCase()),
  };
}

export function createPhraseFinder(
  rules: readonly PhraseRule[],
  variants: readonly (readonly [string, number])[] = [],
): PhraseFinder {
  const pageKeys: string[] = [];
  const byTrigger = new Map<string, Rule[]>();
  const allowed = new Set(PHRASE_WORDS.split(' '));
  const groups = new Map<string, Group>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = parseGroup(key, groups.size)));
    return g;
  };
  const all: Rule[] = [];
  for (const r of rules) {
    const onPage = (r.p ?? []).map((key) => {
      const at = pageKeys.indexOf(key);
      return at >= 0 ? at : pageKeys.push(key) - 1;
    });
    const rule: Rule = {
      words: r.t.split(' '),
      byCheapness: [],
      entity: r.e,
      with: r.w.map(group),
      onPage,
      unless: r.u ? wordsIn(r.u.split('|')) : null,
      years: r.y,
    };
    rule.byCheapness = [...rule.with].sort((a, b) => Number(a.lower.length > 0) - Number(b.lower.length > 0));
    all.push(rule);
    for (const t of r.t.split(' ')) {
      allowed.add(t);
      const list = byTrigger.get(t);
      if (list) list.push(rule);
      else byTrigger.set(t, [rule]);
    }
    for (const g of [...r.w, ...(r.p ?? [])]) {
      for (const f of g.split('|')) if (f === f.toLowerCase()) for (const w of f.split(/[\s-]+/)) allowed.add(w);
    }
  }
  const pageGroups = pageKeys.map((key) => group(key));
  const byEntity = new Map<number, number[]>();
  for (const g of groups.values()) for (const e of g.entities) byEntity.set(e, [...(byEntity.get(e) ?? []), g.id]);
  const triggers = byTrigger.size ? foldedPattern([...byTrigger.keys()].map(escape)) : null;
  // The triggers and every lower-case form of a group in one pattern: a block is read
  // once for all of them. A form found counts for every form written inside it ("gas" in
  // "gas line"), and the next search starts a character on, so overlapping forms are found.
  const lowerForms = [...new Set([...byTrigger.keys(), ...[...groups.values()].flatMap((g) => g.lower)])];
  const inside = new Map(lowerForms.map((f) => [f, lowerForms.filter((o) => o === f || within(f, o))]));
  const lowerWords = lowerForms.length
    ? foldedPattern(lowerForms.sort((a, b) => b.length - a.length).map(escape))
    : null;
  const named = (g: Group, text: string, mentions: readonly Mention[], from: number, to: number) => {
    let best: { start: number; end: number } | null = null;
    for (const m of mentions) {
      if (m.start >= from && m.end <= to && g.entities.includes(m.entity)) best ??= m;
    }
    if (best || !g.words) return best;
    const m = g.words.find(text, from);
    return m && m.end <= to ? m : null;
  };

  return {
    variantsIn: createVariantReader(variants),

    readBlock(text, mentions, maybe, words) {
      // 1: named, 0: not, undefined: not read yet.
      const named: (0 | 1 | undefined)[] = [];
      const byMention = (e: number) => {
        for (const g of byEntity.get(e) ?? NONE) named[g] = 1;
      };
      for (const m of mentions) byMention(m.entity);
      let lower: Set<string> | null = null;
      const lowerIn = (f: string) => {
        if (!lower) {
          lower = new Set();
          if (lowerWords) {
            lowerWords.lastIndex = 0;
            for (let m = lowerWords.exec(text); m; m = lowerWords.exec(text)) {
              const f = m[0].toLowerCase();
              for (const o of inside.get(f) ?? NO_FORMS) lower.add(o);
              // A form of several words: the next may start inside it.
              if (/[^a-z0-9]/.test(f)) lowerWords.lastIndex = m.index + 1;
            }
          }
        }
        return lower.has(f);
      };
      const isNamed = (g: Group) => {
        let n = named[g.id];
        if (n === undefined) {
          const byCased =
            g.single.some((f) => words.has(f)) ||
            (!!g.cased && g.keys.some((k) => words.has(k)) && !!g.cased.find(text, 0));
          n = named[g.id] = byCased || g.lower.some(lowerIn) ? 1 : 0;
        }
        return n === 1;
      };
      const groups: number[] = [];
      pageGroups.forEach((g, k) => {
        if (isNamed(g)) groups.push(k);
      });
      for (const c of maybe) for (const e of c.entities) byMention(e);
      // Groups named by mentions or capitalised words first, then by lower-case words and
      // the triggers (all read in one go, only when a rule gets that far).
      const possible: number[] = [];
      all.forEach((r, k) => {
        if (r.byCheapness.every(isNamed) && r.words.some(lowerIn)) possible.push(k);
      });
      return { groups, rules: possible };
    },

    find(text, mentions, onPage, ruleIndices) {
      if (!triggers || ruleIndices.length === 0) return mentions.slice();
      const inBlock = new Set(ruleIndices.map((k) => all[k]!));
      const found: Mention[] = [];
      const inMention = (at: number) => mentions.find((m) => m.start <= at && at < m.end);
      // Whether the block names each group with the mentions it has now.
      const isNamed = new Map<Group, boolean>();
      const possible = (rule: Rule) =>
        inBlock.has(rule) &&
        rule.onPage.every(onPage) &&
        rule.with.every((g) => {
          let n = isNamed.get(g);
          if (n === undefined) isNamed.set(g, (n = !!named(g, text, mentions, 0, text.length)));
          return n;
        });
      if (!all.some(possible)) return mentions.slice();
      triggers.lastIndex = 0;
      for (let t = triggers.exec(text); t; t = triggers.exec(text)) {
        const ts = t.index;
        const te = ts + t[0].length;
        const rules = (byTrigger.get(t[0].toLowerCase()) ?? []).filter(possible);
        if (rules.length === 0 || inMention(ts)) continue;
        // The run of phrase words around the trigger (whether a word may be in it is read
        // only as far as the run goes).
        const from = Math.max(0, ts - 240);
        const tokens: { start: number; end: number; pass?: boolean }[] = [];
        TOKEN.lastIndex = from;
        for (let m = TOKEN.exec(text); m && m.index < te + 240; m = TOKEN.exec(text)) {
          tokens.push({ start: m.index, end: m.index + m[0].length });
        }
        const passes = (k: number) => {
          const token = tokens[k]!;
          if (token.pass !== undefined) return token.pass;
          const w = text.slice(token.start, token.end);
          const prev = tokens[k - 1];
          return (token.pass =
            !!inMention(token.start) ||
            /^[\p{Lu}\p{N}]/u.test(w) ||
            allowed.has(w.toLowerCase()) ||
            JOINERS.test(w) ||
            // "Dr. Masoud Pezeshkian", "Gen. Asim Munir": an abbreviation's dot.
            (w === '.' && !!prev && /^\p{Lu}\p{L}{0,2}$/u.test(text.slice(prev.start, prev.end))));
        };
        const at = tokens.findIndex((k) => k.start === ts);
        if (at < 0) continue;
        let lo = at;
        while (lo > 0 && at - lo < REACH && passes(lo - 1)) lo--;
        let hi = at;
        while (hi < tokens.length - 1 && hi - at < REACH && passes(hi + 1)) hi++;
        const L = tokens[lo]!.start;
        const R = tokens[hi]!.end;

        let best: Mention | null = null;
        let bestScore = 0;
        let tie = false;
        for (const rule of rules) {
          let start = ts;
          let end = te;
          let ok = true;
          for (const g of rule.with) {
            const hit = named(g, text, mentions, L, R);
            if (!hit) {
              ok = false;
              break;
            }
            start = Math.min(start, hit.start);
            end = Math.max(end, hit.end);
          }
          if (!ok) continue;
          const u = rule.unless?.find(text, L);
          if (u && u.start < R) continue;
          if (rule.years && !yearsFit(text, L, R, rule.years)) continue;
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
        const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end);
        const content = (k: number) => passes(k) && !FUNCTION_WORDS.has(word(k).toLowerCase());
        let a = tokens.findIndex((k) => k.start >= best!.start);
        while (a > lo && content(a - 1)) a--;
        while (JOINERS.test(word(a)) && tokens[a]!.start < best.start) a++;
        let z = tokens.findIndex((k) => k.end >= best!.end);
        while (z >= 0 && z < hi && content(z + 1)) z++;
        while (z > 0 && JOINERS.test(word(z)) && tokens[z]!.end > best.end) z--;
        best.start = Math.min(best.start, tokens[a]!.start);
        if (z >= 0) best.end = Math.max(best.end, tokens[z]!.end);
        // A name the phrase cuts into is inside it whole.
        for (const m of mentions) {
          if (m.start < best.start && m.end > best.start) best.start = m.start;
          if (m.start < best.end && m.end > best.end) best.end = m.end;
        }
        const b = best;
        if (mentions.some((m) => m.entity === b.entity && m.start < b.end && b.start < m.end)) continue;
        if (mentions.some((m) => m.start === b.start && m.end === b.end)) continue;
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

/** False when the phrase names a year outside the event's ("the 1971 war between India and Pakistan"). */
function yearsFit(text: string, start: number, end: number, [first, last]: [number, number]): boolean {
  YEAR.lastIndex = start;
  for (let m = YEAR.exec(text); m && m.index < end; m = YEAR.exec(text)) {
    const y = Number(m[1]);
    if (y < first || y > last) return false;
  }
  return true;
}

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
  words: RegExp | null;
  /** Entities whose mention counts. */
  entities: number[];
}

interface Rule {
  entity: number;
  with: Group[];
  /** Indices into the finder's page groups. */
  onPage: number[];
  unless: RegExp | null;
  years: [number, number] | undefined;
}

/**
 * What the content script loads on demand (event-phrases.js): the event phrases, and the
 * other spellings of people's names (spelling-variants.ts), which the phrases build on
 * ("the death of Suleimani").
 */
export interface PhraseFinder {
  /** Names under another spelling in a block, none overlapping what is `taken`. */
  variantsIn(text: string, taken: readonly { start: number; end: number }[]): Mention[];
  /** Whether the text holds a trigger at all: without one, `find` has nothing to add. */
  hasTrigger(text: string): boolean;
  /** The page groups a block names (by its own mentions and words), for `onPage`. */
  pageGroupsIn(text: string, mentions: readonly Mention[]): number[];
  /** `mentions` (sorted, from one block) with its event phrases, sorted by start, outer first. */
  find(text: string, mentions: readonly Mention[], onPage: (group: number) => boolean): Mention[];
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
const YEAR = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;
/** How far a phrase reaches on either side of its trigger, in tokens. */
const REACH = 14;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word pattern for printed forms: capitalised ones keep their case, others fold it. */
function wordsPattern(forms: string[]): RegExp | null {
  if (forms.length === 0) return null;
  // Longest first: "Saudi Arabia" before "Saudi".
  forms = [...forms].sort((a, b) => b.length - a.length);
  const cased = forms.filter((f) => f !== f.toLowerCase()).map(escape);
  const folded = forms.filter((f) => f === f.toLowerCase()).map(escape);
  // All in lower-case ASCII (the triggers): ASCII word bounds and the `i` flag, far faster
  // than Unicode classes and a class per letter (a letter like é next to one is rare and
  // harmless: a trigger alone links nothing).
  if (cased.length === 0 && folded.every((f) => /^[\x20-\x7e]*$/.test(f))) {
    return new RegExp(`\\b(?:${folded.join('|')})\\b`, 'gi');
  }
  const anyCase = (f: string) => (cased.length ? f.replace(/\p{L}/gu, (c) => `[${c}${c.toUpperCase()}]`) : f);
  const alt = [...cased, ...folded.map(anyCase)].join('|');
  // No lookbehind: a pattern that starts with its words is searched far faster than one
  // that asserts on every character; `nextWord` checks the character before a match.
  return new RegExp(`(?:${alt})(?![\\p{L}\\p{N}])`, cased.length ? 'gu' : 'giu');
}

const WORD_BEFORE = /[\p{L}\p{N}]$/u;

/** The next whole-word match of a `wordsPattern` from `from` (none inside a word). */
function nextWord(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index === 0 || !WORD_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

function parseGroup(text: string): Group {
  const forms = text.split('|');
  return {
    words: wordsPattern(forms.filter((f) => !f.startsWith('@'))),
    entities: forms.filter((f) => f.startsWith('@')).map((f) => Number(f.slice(1))),
  };
}

export function createPhraseFinder(
  rules: readonly PhraseRule[],
  variants: readonly (readonly [string, number])[] = [],
): PhraseFinder {
  const pageKeys: string[] = [];
  const byTrigger = new Map<string, Rule[]>();
  const allowed = new Set(PHRASE_WORDS.split(' '));
  for (const r of rules) {
    const onPage = (r.p ?? []).map((key) => {
      const at = pageKeys.indexOf(key);
      return at >= 0 ? at : pageKeys.push(key) - 1;
    });
    const rule: Rule = {
      entity: r.e,
      with: r.w.map(parseGroup),
      onPage,
      unless: r.u ? wordsPattern(r.u.split('|')) : null,
      years: r.y,
    };
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
  const pageGroups = pageKeys.map(parseGroup);
  // Every page group's words in one pattern, so a block is read once for all of them.
  const pageForms = new Map<string, number[]>();
  pageKeys.forEach((key, k) => {
    for (const f of key.split('|')) {
      if (f.startsWith('@')) continue;
      const form = f === f.toLowerCase() ? f : `=${f}`;
      pageForms.set(form, [...(pageForms.get(form) ?? []), k]);
    }
  });
  const pageWords = wordsPattern([...pageForms.keys()].map((f) => (f.startsWith('=') ? f.slice(1) : f)));
  const triggers = byTrigger.size ? wordsPattern([...byTrigger.keys()]) : null;

  const named = (g: Group, text: string, mentions: readonly Mention[], from: number, to: number) => {
    let best: { start: number; end: number } | null = null;
    for (const m of mentions) {
      if (m.start >= from && m.end <= to && g.entities.includes(m.entity)) best ??= m;
    }
    if (best || !g.words) return best;
    const m = nextWord(g.words, text, from);
    return m && m.index + m[0].length <= to ? { start: m.index, end: m.index + m[0].length } : null;
  };

  return {
    variantsIn: createVariantReader(variants),

    hasTrigger(text) {
      if (!triggers) return false;
      triggers.lastIndex = 0;
      return triggers.test(text);
    },

    pageGroupsIn(text, mentions) {
      const out = new Set<number>();
      pageGroups.forEach((g, k) => {
        if (mentions.some((m) => g.entities.includes(m.entity))) out.add(k);
      });
      if (pageWords) {
        for (let m = nextWord(pageWords, text, 0); m; m = nextWord(pageWords, text, m.index + m[0].length)) {
          for (const k of pageForms.get(`=${m[0]}`) ?? pageForms.get(m[0].toLowerCase()) ?? []) out.add(k);
        }
      }
      return [...out];
    },

    find(text, mentions, onPage) {
      if (!triggers) return mentions.slice();
      const found: Mention[] = [];
      const inMention = (at: number) => mentions.find((m) => m.start <= at && at < m.end);
      // Whether the block names a group at all: most triggers ("talks", "war") have no rule
      // whose participants are all in the block, and need no closer look.
      const inBlock = new Map<Group, boolean>();
      const possible = (rule: Rule) =>
        rule.onPage.every(onPage) &&
        rule.with.every((g) => {
          let isNamed = inBlock.get(g);
          if (isNamed === undefined) inBlock.set(g, (isNamed = !!named(g, text, mentions, 0, text.length)));
          return isNamed;
        });
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
          if (rule.unless) {
            const u = nextWord(rule.unless, text, L);
            if (u && u.index < R) continue;
          }
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

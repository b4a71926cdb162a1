/**
 * Search over the corpus, for the popup: typo- and transliteration-tolerant, names and
 * aliases first, then roles, event dates and places, summaries and facts. Pure: no DOM,
 * no browser API.
 *
 * How a query runs (the index is built once, by `createSearchIndex`):
 *
 * 1. The query and every field are folded to a *search key* (`foldForSearch`): case,
 *    diacritics, punctuation, hyphens and dashes go ("12-day" = "12 day"), number words
 *    become digits ("Twelve-Day" = "12 day"), and romanisation variants of the same name
 *    meet (see `engine/search-key.ts`).
 * 2. Candidates come from an inverted index of key words: each query word finds the
 *    words it is, begins, or is one or two typos away from (bigram filter, then a
 *    bounded edit distance); a query word that finds none is tried as two known words
 *    run together ("operationsindoor"). Entities score by the best word match per query word,
 *    name and alias words counting far more than words of the text. The best
 *    `CANDIDATES` go on: this is what keeps a keystroke cheap at 10,000 entities.
 * 3. fuse.js's bitap matcher scores the candidates' fields that hold a matched word
 *    (so "larijni" still finds "larijani"), and the field scores combine so that names
 *    and aliases rank first (see "Ranking" below). Its matched indices, snapped to
 *    whole words, map back to the original text for emphasis.
 *
 * Matching by folded key finds; it is not shown: hits carry original text and ranges.
 */
import Fuse from 'fuse.js';
import type { CorpusRecords, EntityKind, EntityRecord } from './types';
import { foldForSearch, foldSpelling, foldWithMap } from './search-key';
import { closestPrefix, editDistance, typosFor } from './edit-distance';
import { eventIso, formatIsoDate } from './dates';
import { foldRegionalScripts } from './regional-script';
import { searchForms } from './native-names';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

/** A half-open range `[start, end)` of UTF-16 code units in a field's original text. */
export type Range = readonly [start: number, end: number];

export type SearchField = 'name' | 'alias' | 'role' | 'event' | 'summary' | 'fact';

export interface SearchHit {
  id: string;
  kind: EntityKind;
  name: string;
  role: string;
  /** Lower ranks first; about 0 for an exact name (small bonuses can take it below). */
  score: number;
  /** The field that matched best, its original text and the matched ranges in it. */
  field: SearchField;
  text: string;
  ranges: Range[];
  /** Ranges of the name to emphasise; empty when the name itself did not match. */
  nameRanges: Range[];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  /** Number of entities indexed. */
  readonly size: number;
}

/** Results returned when `limit` is not given: more than a popup shows without scrolling. */
export const DEFAULT_LIMIT = 20;
/** How many entities the word index hands to fuse.js per query. */
export const CANDIDATES = 48;

// ---------------------------------------------------------------------------------
// The index

/** One searchable text of an entity: its original and its search key. */
interface Field {
  field: SearchField;
  text: string;
  key: string;
  /** Index in the record's array (aliases, facts), for the hit. */
  refIndex: number;
  /** Position in the word index's per-entity field list. */
  slot: number;
}

interface Entry {
  record: EntityRecord;
  /** The name, then each alias whose key differs from all before it. */
  names: Field[];
  /** Role, event line, summary, facts. */
  texts: Field[];
  /** Name and every alias with spelling kept, for the tie-break. */
  spellings: string[];
}

/** fuse.js bitap options for names and aliases: up to four typos in ten letters. */
const NAME_MATCH = { includeMatches: true, ignoreLocation: true, isCaseSensitive: true, threshold: 0.4 } as const;
/** The same for text fields, stricter: a loose match in a paragraph is noise. */
const TEXT_MATCH = { ...NAME_MATCH, threshold: 0.25 } as const;

/**
 * Ranking. A hit's score is the best of its fields' scores, where a field scores its
 * fuse.js bitap score (typos per letter, 0 when exact) plus:
 * - an offset by field, so names rank before aliases before roles before the text;
 * - for names and aliases, `COVERAGE` times the share of the name the query leaves
 *   out, so "Pahalgam" ranks "Pahalgam" before "Pahalgam attack".
 * Then small adjustments: matches in several text fields help a little; the query's
 * exact spelling helps (Ghani before Qaani for "ghani", though both fold to "kani");
 * matching only some query words costs.
 */
const FIELD_OFFSET: Record<SearchField, number> = {
  name: 0,
  alias: 0.02,
  role: 0.35,
  event: 0.4,
  fact: 0.5,
  summary: 0.55,
};
const COVERAGE = 0.1;
const TEXT_CORROBORATION = 0.01;
const TEXT_CORROBORATION_MAX = 0.05;
const EXACT_SPELLING_BONUS = 0.03;
/**
 * Added to the score of an entity whose fields hold every query word but none holds
 * them together; its score is this plus the mean, over the words, of the offset of
 * the best field holding the word.
 */
const WORDS_APART = 0.3;
const PARTIAL_PENALTY = 0.5;
/** The name is shown as the matched field when it scores within this of the best field. */
const NAME_PREFERENCE = 0.1;

/** Query words beyond this many are ignored (each has a bit in a field's word mask). */
const MAX_QUERY_WORDS = 16;
/** Each half of a run-together query word ("naiselborder") has at least this many letters. */
const MIN_SPLIT = 3;
/** Query words shorter than this match names and aliases only. */
const MIN_TEXT_WORD = 3;
/** Entities matching only some query words are candidates when fewer than `FEW` match all, at most this many. */
const FEW = 5;
const PARTIAL_CANDIDATES = 16;
/** A word of a text field counts this much, in candidate selection, against a word of a name or alias. */
const TEXT_WORD_WEIGHT = 0.3;

export function createSearchIndex(records: CorpusRecords): SearchIndex {
  const byId = new Map(records.entities.map((e) => [e.id, e]));
  const entries: Entry[] = records.entities.map((record) => {
    const names: Field[] = [];
    const seen = new Set<string>();
    const addName = (field: SearchField, text: string, refIndex: number) => {
      const key = foldForSearch(text);
      if (!key || seen.has(key)) return;
      seen.add(key);
      names.push({ field, text, key, refIndex, slot: names.length });
    };
    addName('name', record.name, 0);
    const aliases = searchForms(record);
    aliases.forEach((a, i) => addName('alias', a, i));
    const texts: Field[] = [];
    const addText = (field: SearchField, text: string, refIndex: number) => {
      const key = foldForSearch(text);
      if (key) texts.push({ field, text, key, refIndex, slot: names.length + texts.length });
    };
    addText('role', record.role, 0);
    addText('event', eventLine(record, byId), 0);
    addText('summary', record.summary, 0);
    record.facts.forEach((f, i) => addText('fact', f.text, i));
    return { record, names, texts, spellings: [record.name, ...aliases].map(foldSpelling) };
  });
  const words = buildWordIndex(entries);

  const search = (query: string, limit = DEFAULT_LIMIT): SearchHit[] => {
    const folded = foldForSearch(query);
    if (!folded) return [];
    const qWords = words.respace(folded.split(' ')).slice(0, MAX_QUERY_WORDS);
    const key = qWords.join(' ');
    const candidates = words.candidates(qWords, CANDIDATES);
    const spelling = foldSpelling(query);
    const scored: { c: Candidate; best: Scored }[] = [];
    for (const c of candidates) {
      const entry = entries[c.index]!;
      const complete = c.cover === qWords.length;
      const best = scoreEntry(entry, c.index, key, qWords, words);
      if (!best) continue;
      if (!complete) best.score += PARTIAL_PENALTY * (1 - c.cover / qWords.length);
      if (entry.spellings.some((s) => beginsWord(s, spelling))) best.score -= EXACT_SPELLING_BONUS;
      scored.push({ c, best });
    }
    scored.sort((x, y) => x.best.score - y.best.score || y.c.weight - x.c.weight || x.c.index - y.c.index);
    return scored.slice(0, limit).map(({ c, best }) => toHit(entries[c.index]!, best, qWords));
  };

  return { search, size: entries.length };
}

interface Scored {
  score: number;
  /** The field shown for the hit, and fuse.js's matched indices in its key. */
  field: Field;
  indices: ReadonlyArray<readonly [number, number]> | undefined;
  /** The name's match, when the name matched too. */
  name?: { score: number; indices: ReadonlyArray<readonly [number, number]> | undefined };
  /** True when no field held the query together (only its words, apart). */
  apart: boolean;
}

function scoreEntry(entry: Entry, index: number, key: string, qWords: string[], words: WordIndex): Scored | null {
  const all = (1 << qWords.length) - 1;
  const forText = words.textBits();
  // Per query word, the offset of the best field that holds it.
  const wordBest = new Array<number>(qWords.length).fill(Infinity);
  const seenIn = (mask: number, offset: number) => {
    for (let q = 0; q < qWords.length; q++) if (mask & (1 << q) && offset < wordBest[q]!) wordBest[q] = offset;
  };
  let best: Scored | null = null;
  let name: Scored['name'];
  for (const f of entry.names) {
    const mask = words.mask(index, f.slot, false);
    if (mask === 0) continue;
    seenIn(mask, FIELD_OFFSET[f.field]);
    // A field is matched as a phrase only when it holds every word of the query.
    if (mask !== all) continue;
    const m = Fuse.match(key, f.key, NAME_MATCH);
    if (!m.isMatch) continue;
    const left = 1 - Math.min(1, key.length / f.key.length);
    const score = FIELD_OFFSET[f.field] + m.score + COVERAGE * left;
    if (f.field === 'name') name = { score, indices: m.indices };
    if (!best || score < best.score) best = { score, field: f, indices: m.indices, apart: false };
  }
  let textHits = 0;
  if (forText !== 0) {
    for (const f of entry.texts) {
      const mask = words.mask(index, f.slot, true);
      if (mask === 0) continue;
      seenIn(mask, FIELD_OFFSET[f.field]);
      if (mask !== (all & forText)) continue;
      const m = Fuse.match(key, f.key, TEXT_MATCH);
      if (!m.isMatch) continue;
      textHits++;
      const score = FIELD_OFFSET[f.field] + m.score;
      if (!best || score < best.score) best = { score, field: f, indices: m.indices, apart: false };
    }
  }
  if (qWords.length > 1 && wordBest.every((o) => o < Infinity)) {
    // Every word is there, if not side by side: score by where each was found, and show
    // the field that holds most of them.
    const apart = WORDS_APART + wordBest.reduce((sum, o) => sum + o, 0) / qWords.length;
    if (!best || apart < best.score) {
      let most = 0;
      let shown: Field | undefined;
      for (const f of [...entry.names, ...entry.texts]) {
        const n = snapRanges(f.key, undefined, qWords).length;
        if (n > most) {
          most = n;
          shown = f;
        }
      }
      if (shown) best = { score: apart, field: shown, indices: undefined, apart: true };
    }
  }
  if (!best) return null;
  if (textHits > 1) best.score -= Math.min(TEXT_CORROBORATION_MAX, TEXT_CORROBORATION * (textHits - 1));
  if (name) best.name = name;
  return best;
}

/** The "when and where" line of an event, searchable as the `event` field. */
function eventLine(record: EntityRecord, byId: Map<string, EntityRecord>): string {
  const ev = record.event;
  if (!ev) return '';
  const when = formatIsoDate(eventIso(ev.start, ev.end));
  const place = ev.place ? byId.get(ev.place)?.name : undefined;
  return place ? `${when}, ${place}` : when;
}

function beginsWord(text: string, part: string): boolean {
  if (!part) return false;
  let at = text.indexOf(part);
  while (at >= 0) {
    if (at === 0 || text.charCodeAt(at - 1) === 32) return true;
    at = text.indexOf(part, at + 1);
  }
  return false;
}

// ---------------------------------------------------------------------------------
// Word index: candidate generation

interface Candidate {
  index: number;
  /** How many query words this entity matched. */
  cover: number;
  /** Summed best word-match weight. */
  weight: number;
}

interface WordIndex {
  /** The best entities for the query words; also notes which words each query word matched. */
  candidates(qWords: string[], max: number): Candidate[];
  /**
   * Which query words (bit i for word i) a field (by slot) of an entry holds, as of the
   * last `candidates` call; for a text field, only words long enough for text count.
   */
  mask(entry: number, slot: number, text: boolean): number;
  /** The bits of the last query's words that are long enough to match text. */
  textBits(): number;
  /** The query words, with a word that matches nothing split in two known words when it can be ("naiselborder"). */
  respace(qWords: string[]): string[];
}

function buildWordIndex(entries: Entry[]): WordIndex {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const namePostings: number[][] = [];
  const textPostings: number[][] = [];
  // Per entry, the word ids of each field (by slot), so a query can tell which to score.
  const fieldWords: Uint32Array[][] = [];
  const add = (key: string, entry: number, postings: number[][]): Uint32Array => {
    const seen: number[] = [];
    for (const w of key.split(' ')) {
      if (!w) continue;
      let id = ids.get(w);
      if (id === undefined) {
        id = words.length;
        ids.set(w, id);
        words.push(w);
        namePostings.push([]);
        textPostings.push([]);
      }
      const list = postings[id]!;
      if (list[list.length - 1] !== entry) list.push(entry);
      seen.push(id);
    }
    return Uint32Array.from(new Set(seen));
  };
  entries.forEach((e, i) => {
    fieldWords.push([
      ...e.names.map((f) => add(f.key, i, namePostings)),
      ...e.texts.map((f) => add(f.key, i, textPostings)),
    ]);
  });

  // Rarer words say more: a weight from 1 (in every entity) up to about 2.
  const n = entries.length;
  const idf = words.map((_, id) => {
    const df = new Set([...namePostings[id]!, ...textPostings[id]!]).size;
    return 1 + Math.log((n + 1) / (df + 1)) / Math.log(n + 2);
  });

  // Words sorted, for prefix ranges by binary search.
  const sorted = words.map((_, id) => id).sort((x, y) => (words[x]! < words[y]! ? -1 : 1));
  const lowerBound = (prefix: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Bigrams of each word (with a start marker, so the first letter counts), for typos.
  const bigrams = new Map<number, number[]>();
  const bigramsOf = (w: string): number[] => {
    const out = new Set<number>();
    let prev = 1; // start marker
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      out.add(prev * 65536 + c);
      prev = c;
    }
    return [...out];
  };
  words.forEach((w, id) => {
    for (const g of bigramsOf(w)) {
      const list = bigrams.get(g);
      if (list) list.push(id);
      else bigrams.set(g, [id]);
    }
  });
  const overlap = new Uint16Array(words.length);

  /** Words the query word can stand for, with a similarity in (0, 1]. */
  const matchWord = (q: string, out: Map<number, number>) => {
    const put = (id: number, sim: number) => {
      if (sim > (out.get(id) ?? 0)) out.set(id, sim);
    };
    const exact = ids.get(q);
    if (exact !== undefined) put(exact, 1);
    for (let i = lowerBound(q); i < sorted.length; i++) {
      const id = sorted[i]!;
      const w = words[id]!;
      if (!w.startsWith(q)) break;
      if (w.length > q.length) put(id, 0.7 + 0.2 * (q.length / w.length));
    }
    const typos = typosFor(q.length);
    if (typos === 0) return;
    const grams = bigramsOf(q);
    // Each typo spoils at most two bigrams (the q-gram lemma), so fewer shared means too far.
    const need = Math.max(1, grams.length - 2 * typos);
    const touched: number[] = [];
    for (const g of grams) {
      for (const id of bigrams.get(g) ?? []) {
        if (overlap[id] === 0) touched.push(id);
        overlap[id]!++;
      }
    }
    for (const id of touched) {
      if (overlap[id]! >= need && !out.has(id)) {
        const w = words[id]!;
        const whole = editDistance(q, w, typos);
        if (whole !== Infinity) put(id, 0.75 - 0.15 * whole);
        else if (w.charCodeAt(0) === q.charCodeAt(0)) {
          // The start of a longer word, mistyped: only when the first letter agrees, or
          // "sindur" would begin "enduring".
          const begin = editDistance(q, w, typos, true);
          if (begin !== Infinity) put(id, 0.6 - 0.15 * begin);
        }
      }
      overlap[id] = 0;
    }
  };

  /** Per word, bit i set when query word i matched it. */
  const matchedWords = new Uint32Array(words.length);
  let marked: number[] = [];
  let forTextBits = 0;
  const best = new Float32Array(n);
  const cover = new Uint8Array(n);
  const weight = new Float32Array(n);

  const candidates = (qWords: string[], max: number): Candidate[] => {
    for (const id of marked) matchedWords[id] = 0;
    marked = [];
    forTextBits = 0;
    const hit: number[] = [];
    for (let qi = 0; qi < qWords.length; qi++) {
      const q = qWords[qi]!;
      const matched = new Map<number, number>();
      matchWord(q, matched);
      // A word of one or two letters is the start of a name, not a topic.
      const forText = q.length >= MIN_TEXT_WORD;
      if (forText) forTextBits |= 1 << qi;
      const touched: number[] = [];
      for (const [id, sim] of matched) {
        if (matchedWords[id] === 0) marked.push(id);
        matchedWords[id]! |= 1 << qi;
        const w = sim * idf[id]!;
        for (const e of namePostings[id]!) {
          if (best[e] === 0) touched.push(e);
          if (w > best[e]!) best[e] = w;
        }
        if (!forText) continue;
        const wt = w * TEXT_WORD_WEIGHT;
        for (const e of textPostings[id]!) {
          if (best[e] === 0) touched.push(e);
          if (wt > best[e]!) best[e] = wt;
        }
      }
      for (const e of touched) {
        if (cover[e] === 0) hit.push(e);
        cover[e]!++;
        weight[e]! += best[e]!;
        best[e] = 0;
      }
    }
    const all = hit.map((index) => ({ index, cover: cover[index]!, weight: weight[index]! }));
    for (const e of hit) {
      cover[e] = 0;
      weight[e] = 0;
    }
    all.sort((x, y) => y.cover - x.cover || y.weight - x.weight || x.index - y.index);
    // Entities with every query word first; partial ones only to fill a short list.
    const complete = all.filter((c) => c.cover === qWords.length);
    const partial =
      complete.length >= FEW ? [] : all.filter((c) => c.cover < qWords.length).slice(0, PARTIAL_CANDIDATES);
    return [...complete, ...partial].slice(0, max);
  };

  const mask = (entry: number, slot: number, text: boolean): number => {
    const list = fieldWords[entry]?.[slot];
    if (!list) return 0;
    let bits = 0;
    for (let k = 0; k < list.length; k++) bits |= matchedWords[list[k]!]!;
    return text ? bits & forTextBits : bits;
  };

  /** Whether some word is, begins with, or is a typo of `q`. */
  const known = (q: string) => {
    const found = new Map<number, number>();
    matchWord(q, found);
    return found.size > 0;
  };
  const hasPrefix = (q: string) => {
    const at = lowerBound(q);
    return at < sorted.length && words[sorted[at]!]!.startsWith(q);
  };
  const respace = (qWords: string[]): string[] =>
    qWords.flatMap((q, i) => {
      if (q.length < 2 * MIN_SPLIT || known(q)) return [q];
      // Two whole words first (the longest first word wins); else, in the word being
      // typed, a whole word and the start of another.
      const splits = (second: (w: string) => boolean) => {
        for (let k = q.length - MIN_SPLIT; k >= MIN_SPLIT; k--) {
          if (ids.has(q.slice(0, k)) && second(q.slice(k))) return [q.slice(0, k), q.slice(k)];
        }
        return null;
      };
      const last = i === qWords.length - 1;
      return splits((w) => ids.has(w)) ?? (last ? splits(hasPrefix) : null) ?? [q];
    });

  return { candidates, mask, textBits: () => forTextBits, respace };
}

// ---------------------------------------------------------------------------------
// Hits: the field to show, and its ranges mapped back to the original text

/**
 * Where the query matched in a field key, as half-open key ranges: the words a query
 * word is, begins (only the typed part), or is a typo of. When fuse.js gave indices,
 * only words it matched count: bitap also marks stray query letters near a fuzzy
 * match, and a word is what a reader sees as matching.
 */
function snapRanges(
  key: string,
  indices: ReadonlyArray<readonly [number, number]> | undefined,
  qWords: string[],
): [number, number][] {
  const out: [number, number][] = [];
  let ws = 0;
  while (ws < key.length) {
    let we = key.indexOf(' ', ws);
    if (we < 0) we = key.length;
    const w = key.slice(ws, we);
    let end = -1;
    for (const q of qWords) {
      let e = -1;
      if (w === q) e = we;
      else if (w.startsWith(q)) e = ws + q.length;
      else {
        const typos = typosFor(q.length);
        if (typos > 0 && editDistance(q, w, typos) !== Infinity) e = we;
        else if (typos > 0 && w[0] === q[0]) {
          const end = closestPrefix(q, w, typos);
          if (end > 0) e = ws + end;
        }
      }
      if (e > end) end = e;
    }
    if (end > ws && (!indices || indices.some(([a, b]) => a < end && b >= ws))) out.push([ws, end]);
    ws = we + 1;
  }
  return out;
}

/** Key ranges → ranges of the original text, joining neighbours split only by a space or hyphen. */
function mapRanges(text: string, keyRanges: [number, number][]): Range[] {
  if (keyRanges.length === 0) return [];
  const { from, to } = foldWithMap(text);
  const out: [number, number][] = [];
  for (const [a, e] of keyRanges) {
    const start = from[a];
    const end = to[e - 1];
    if (start === undefined || end === undefined) continue;
    const last = out[out.length - 1];
    if (last && start <= last[1] + 1 && /^[\s\-\u2010-\u2015]?$/.test(text.slice(last[1], start)))
      last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function rangesOf(field: Field, indices: Scored['indices'], qWords: string[]): Range[] {
  let keyRanges = snapRanges(field.key, indices, qWords);
  // A fuzzy match across word boundaries may snap to nothing: fall back to fuse.js's long runs.
  if (keyRanges.length === 0 && indices) keyRanges = indices.filter(([a, b]) => b - a >= 3).map(([a, b]) => [a, b + 1]);
  return mapRanges(field.text, keyRanges);
}

function toHit(entry: Entry, best: Scored, qWords: string[]): SearchHit {
  const r = entry.record;
  const nameField = entry.names[0]!;
  const nameShown = best.name && best.name.score <= best.score + NAME_PREFERENCE;
  const nameRanges = best.name ? rangesOf(nameField, best.name.indices, qWords) : [];
  const field = nameShown ? nameField : best.field;
  const ranges = nameShown ? nameRanges : rangesOf(best.field, best.indices, qWords);
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    role: r.role,
    score: best.score,
    field: field.field,
    text: field.text,
    ranges,
    nameRanges: best.name && (nameShown || nameRanges.length > 0) ? nameRanges : [],
  };
}

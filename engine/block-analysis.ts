/**
 * Everything about one block of text that does not depend on the rest of the page:
 * raw automaton hits, case policy, the proper-name heuristics, and leftmost-longest
 * overlap resolution. What it cannot decide alone (ambiguous short forms) it hands
 * on as contextual candidates, with the anchors this block contributes.
 */
import { scan as importedScan, type Automaton } from './automaton';
import { checkCasePolicy as importedCheckCasePolicy } from './case-policy';
import * as names from './proper-name';
import { ENTRY_AMBIGUOUS, ENTRY_CUE, ENTRY_SURNAME, OTHER_NAME } from './table-format';

// Module-local copies (see automaton.ts on why imported bindings are copied).
const scan = importedScan;
const checkCasePolicy = importedCheckCasePolicy;
const continuesAsProperName = names.continuesAsProperName;
const hasForeignFirstName = names.hasForeignFirstName;
const hasGenerationSuffix = names.hasGenerationSuffix;
const isHeadline = names.isHeadline;
const isInsideInstitutionName = names.isInsideInstitutionName;
const isTitleOfOrganisation = names.isTitleOfOrganisation;

/** A span linked to an entity: `entity` indexes `table.entities`; UTF-16 offsets, end exclusive. */
export interface Mention {
  entity: number;
  start: number;
  end: number;
}

/** A short form whose entity depends on what else the page mentions. */
export interface Contextual {
  start: number;
  end: number;
  /** Automaton state of the folded form: identifies "Sharif" whatever its case. */
  form: number;
  /**
   * The form and its word-aligned suffixes that are forms too ("mr khan", "khan"):
   * a competing "Sadiq Khan" argues against "Mr Khan" as much as against "Khan".
   */
  competitorForms: number[];
  /** Entities that list this form (case-eligible here), ascending. */
  entities: number[];
  /**
   * A one-word alias the corpus calls unambiguous: linked unless a competing full
   * name ("Sadegh Larijani") precedes it more closely than the entity itself.
   */
  surname: boolean;
}

/** A position that speaks against linking a form: another person's full name. */
export interface FormAnchor {
  form: number;
  start: number;
}

export interface BlockAnalysis {
  /** Linked on sight; also the anchors that ambiguous forms look for. Sorted by start. */
  fixed: Mention[];
  /** Sorted by start; never overlaps `fixed`. Shared when empty: never mutate. */
  readonly contextual: readonly Contextual[];
  /**
   * Competing names: unknown full names and corpus aliases of other people ending in
   * a form. Sorted by start. Shared when empty: never mutate.
   */
  readonly competitors: readonly FormAnchor[];
}

/** Extra per-table data the analysis needs, derived once from the automaton. */
export interface AnalysisIndex {
  /** For an entry index, the contextual forms its alias ends in, if any. */
  sharers: Map<number, number[]>;
  isPerson: Uint8Array;
  /** Cache: a contextual form's state and its suffix forms' states (shared, never mutated). */
  suffixForms: Map<number, number[]>;
  /**
   * For an entity with namesakes: the entities whose mention in a block shows the block
   * means it despite a namesake cue, and the states of its contextual forms (which a
   * cue competes for).
   */
  namesakes: Map<number, { coherent: number[]; forms: number[] }>;
}

export function buildAnalysisIndex(a: Automaton): AnalysisIndex {
  const sharers = new Map<number, number[]>();
  const s = a.table.sharers;
  for (let k = 0; k < s.length; k += 2) {
    const list = sharers.get(s[k]!);
    if (list) list.push(s[k + 1]!);
    else sharers.set(s[k]!, [s[k + 1]!]);
  }
  const isPerson = new Uint8Array(a.kinds.length);
  a.kinds.forEach((kind, k) => (isPerson[k] = kind === 'person' ? 1 : 0));
  const namesakes = new Map<number, { coherent: number[]; forms: number[] }>();
  const c = a.table.coherent;
  for (let k = 0; k < c.length; k += 2 + c[k + 1]!)
    namesakes.set(c[k]!, { coherent: c.slice(k + 2, k + 2 + c[k + 1]!), forms: [] });
  if (namesakes.size > 0) {
    for (let state = 1; state < a.states; state++) {
      for (let r = a.entryStart[state]!; r < a.entryStart[state + 1]!; r++) {
        const f = a.entryFlags[r]!;
        const forms =
          f === ENTRY_AMBIGUOUS || f === ENTRY_SURNAME ? namesakes.get(a.entryEntity[r]!)?.forms : undefined;
        if (forms && !forms.includes(state)) forms.push(state);
      }
    }
  }
  return { sharers, isPerson, suffixForms: new Map(), namesakes };
}

const NO_CONTEXTUAL: readonly Contextual[] = [];
const NO_COMPETITORS: readonly FormAnchor[] = [];

// Scratch reused by every call (analyseBlock never re-enters), so that a block costs no
// allocation beyond the analysis it returns. Plain arrays written by index and not
// emptied, so they keep their storage, unless a huge block made them huge.
const KEEP_SCRATCH = 1 << 16;
/** Raw hits, triples [start, end, state]. */
const hits: number[] = [];
/** Offsets of hits in `hits`, in visiting order. */
const order: number[] = [];
/** Chosen matches, CHOSEN numbers each: hit offset, entity (-1 = contextual), entry, surname (0/1). */
const chosenHits: number[] = [];
const CHOSEN = 4;
/** A chosen contextual match's entities (ascending); null for a fixed one. */
const chosenEntities: (number[] | null)[] = [];
/** Unknown full names as [start, form] pairs. */
const unknownNames: number[] = [];
/** Namesake cues as [start, entity] pairs. */
const cues: number[] = [];
let cueCount = 0;

/** What `candidateAt` found: a fixed entity and its entry, or contextual entities. */
let hitEntity = -1;
let hitEntry = -1;
let hitEntities: number[] | null = null;
let hitSurname = false;

/**
 * Evaluates one raw hit: false when no entry fits the text's case; otherwise the
 * result is in hitEntity/hitEntry (a fixed mention) or hitEntities/hitSurname.
 */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `/`, `.`, `-`: what joins the parts of a date or a number. */
const isJoiner = (c: number): boolean => c === 47 || c === 46 || c === 45;

/**
 * "9/11" in "9/11/13" or "19/9/11": a name made of digits, read inside a date or number.
 * Reads only within the text: a read past either end deoptimised `analyseBlock`.
 */
function insideNumber(text: string, start: number, end: number): boolean {
  return (
    (end + 1 < text.length &&
      isDigit(text.charCodeAt(end - 1)) &&
      isJoiner(text.charCodeAt(end)) &&
      isDigit(text.charCodeAt(end + 1))) ||
    (start >= 2 &&
      isDigit(text.charCodeAt(start)) &&
      isJoiner(text.charCodeAt(start - 1)) &&
      isDigit(text.charCodeAt(start - 2)))
  );
}

function candidateAt(a: Automaton, text: string, start: number, end: number, state: number): boolean {
  const policies = a.table.policies;
  let entities: number[] | null = null;
  let ascending = true;
  let surnames = 0;
  let ambiguous = 0;
  for (let r = a.entryStart[state]!; r < a.entryStart[state + 1]!; r++) {
    if (!checkCasePolicy(policies[a.entryPolicy[r]!]!, text, start, end)) continue;
    const flags = a.entryFlags[r]!;
    const e = a.entryEntity[r]!;
    if (flags === ENTRY_CUE) {
      cues[cueCount++] = start;
      cues[cueCount++] = e;
      continue;
    }
    if (flags === 0) {
      // Entries are sorted by entity within a state, so the first fixed one wins (a
      // longer name of something else, OTHER_NAME, before any entity's).
      hitEntity = e;
      hitEntry = r;
      return true;
    }
    if (flags & ENTRY_AMBIGUOUS) ambiguous++;
    else surnames++;
    if (entities === null) entities = [e];
    else if (!entities.includes(e)) {
      if (e < entities[entities.length - 1]!) ascending = false;
      entities.push(e);
    }
  }
  if (entities === null) return false;
  if (!ascending) entities.sort((x, y) => x - y);
  hitEntity = -1;
  hitEntities = entities;
  hitSurname = ambiguous === 0 && surnames > 0 && entities.length === 1;
  return true;
}

/** Analyses one block of text on its own. */
export function analyseBlock(a: Automaton, index: AnalysisIndex, text: string): BlockAnalysis {
  if (hits.length > KEEP_SCRATCH)
    hits.length = order.length = chosenHits.length = chosenEntities.length = unknownNames.length = 0;
  const n = scan(a, text, hits);
  if (n === 0) return { fixed: [], contextual: NO_CONTEXTUAL, competitors: NO_COMPETITORS };
  const h = hits;

  // Leftmost-longest: visit hits by start, longest first, and evaluate a hit only if it
  // starts after the last chosen match; a hit inside a chosen one is never looked at.
  // Hits come ordered by end, so by start they are nearly sorted: an insertion sort
  // (stable) moves each one back past the few longer hits that end after it.
  for (let x = 0; x < n; x += 3) {
    const xs = h[x]!;
    const xe = h[x + 1]!;
    let j = x / 3;
    for (; j > 0; j--) {
      const y = order[j - 1]!;
      const ys = h[y]!;
      if (ys < xs || (ys === xs && h[y + 1]! >= xe)) break;
      order[j] = y;
    }
    order[j] = x;
  }

  const isPerson = index.isPerson;
  cueCount = 0;
  let chosen = 0;
  let unknown = 0;
  let taken = 0;
  for (let k = 0; k < n / 3; k++) {
    const x = order[k]!;
    const start = h[x]!;
    if (start < taken) continue;
    const end = h[x + 1]!;
    const state = h[x + 2]!;
    if (insideNumber(text, start, end) || !candidateAt(a, text, start, end, state)) continue;
    const entity = hitEntity;
    const entities = hitEntities;
    if (entity === OTHER_NAME) {
      taken = end;
      continue;
    }
    let person = false;
    if (entity >= 0) person = isPerson[entity] === 1;
    else for (let i = 0; i < entities!.length && !person; i++) person = isPerson[entities![i]!] === 1;
    if (person) {
      if (isInsideInstitutionName(text, start, end)) continue;
      // "Donald Trump Jr.": the son.
      const junior = hasGenerationSuffix(text, end);
      // A full name inside a longer one belongs to someone else ("Maryam Nawaz Sharif"
      // is not Nawaz Sharif); its surname hit, also rejected, competes for bare forms.
      if (entity >= 0 && (junior || (hasForeignFirstName(text, start, end) && !isHeadline(text, start)))) continue;
      if (entity < 0) {
        // Someone else with this name: skip it, and let it compete for later bare forms.
        if (junior || hasForeignFirstName(text, start, end)) {
          unknownNames[unknown++] = start;
          unknownNames[unknown++] = state;
          continue;
        }
        // A first name or place prefix ("Khan Younis", "Graham Potter"); surnames the
        // corpus calls unambiguous are rarely followed by another name ("Trump White House").
        const continuation = hitSurname ? null : continuesAsProperName(text, start, end);
        if (continuation === 'name') {
          unknownNames[unknown++] = start;
          unknownNames[unknown++] = state;
        }
        if (continuation !== null) continue;
      }
    } else if (isInsideInstitutionName(text, start, end) || isTitleOfOrganisation(text, start, end)) continue;
    chosenHits[CHOSEN * chosen] = x;
    chosenHits[CHOSEN * chosen + 1] = entity;
    chosenHits[CHOSEN * chosen + 2] = hitEntry;
    chosenHits[CHOSEN * chosen + 3] = entity < 0 && hitSurname ? 1 : 0;
    chosenEntities[chosen++] = entity < 0 ? entities : null;
    taken = end;
  }
  if (chosen === 0 && unknown === 0 && cueCount === 0)
    return { fixed: [], contextual: NO_CONTEXTUAL, competitors: NO_COMPETITORS };

  const fixed: Mention[] = [];
  let contextual = NO_CONTEXTUAL as Contextual[];
  let competitors = NO_COMPETITORS as FormAnchor[];
  for (let k = 0; k < chosen; k++) {
    const x = chosenHits[CHOSEN * k]!;
    const start = h[x]!;
    const entity = chosenHits[CHOSEN * k + 1]!;
    if (entity >= 0) {
      if (!joinsOrganisation(a, text, fixed, entity, start, h[x + 1]!)) fixed.push({ entity, start, end: h[x + 1]! });
      const forms = index.sharers.get(chosenHits[CHOSEN * k + 2]!);
      if (forms) {
        if (competitors === NO_COMPETITORS) competitors = [];
        for (let i = 0; i < forms.length; i++) competitors.push({ form: forms[i]!, start });
      }
    } else {
      const state = h[x + 2]!;
      const surname = chosenHits[CHOSEN * k + 3] === 1;
      // A surname-like form ("Larijani", a namesake's "Imran Khan") yields only to a
      // competitor for the form itself: "Sadiq Khan" is no rival of "Imran Khan".
      const cacheKey = surname ? -1 - state : state;
      let competitorForms = index.suffixForms.get(cacheKey);
      if (!competitorForms) {
        competitorForms = [state];
        if (!surname) for (let s = a.chain[2 * state]!; s !== 0; s = a.chain[2 * s]!) competitorForms.push(s);
        index.suffixForms.set(cacheKey, competitorForms);
      }
      if (contextual === NO_CONTEXTUAL) contextual = [];
      contextual.push({ start, end: h[x + 1]!, form: state, competitorForms, entities: chosenEntities[k]!, surname });
    }
    chosenEntities[k] = null;
  }
  // A surname inside a chosen longer match ("Khan" in "Imran Ahmed Khan Niazi") is
  // that match's own, not a competing name. Unknown names come in start order, as do
  // the competitors above (at chosen matches' starts, never an unknown name's): merge.
  if (unknown > 0) {
    const shared = competitors;
    const merged: FormAnchor[] = [];
    let i = 0;
    let k = 0;
    for (let q = 0; q < unknown; q += 2) {
      const start = unknownNames[q]!;
      while (k < chosen && h[chosenHits[CHOSEN * k]! + 1]! <= start) k++;
      if (k < chosen && h[chosenHits[CHOSEN * k]!]! <= start) continue;
      while (i < shared.length && shared[i]!.start <= start) merged.push(shared[i++]!);
      merged.push({ form: unknownNames[q + 1]!, start });
    }
    if (merged.length > 0) {
      while (i < shared.length) merged.push(shared[i++]!);
      competitors = merged;
    }
  }
  if (cueCount > 0) competitors = applyCues(index, fixed, contextual, competitors);
  return { fixed, contextual, competitors };
}

const isOrganisation = (a: Automaton, entity: number): boolean => a.kinds[entity] === 'organisation';

/**
 * "Islamic Revolutionary Guard Corps' Quds Force", "IRGC - Quds Force", "Islamic
 * Revolutionary Guard Corps (IRGC) Quds Force": an organisation named right after
 * another, as a possessive or a prefix, is a unit of it and the whole phrase names the
 * unit. Extends the previous mention (and the acronym in brackets after it) to the unit's.
 */
function joinsOrganisation(
  a: Automaton,
  text: string,
  fixed: Mention[],
  entity: number,
  start: number,
  end: number,
): boolean {
  const n = fixed.length;
  const prev = fixed[n - 1];
  if (!prev || prev.entity === entity || start - prev.end > 4) return false;
  const gap = text.slice(prev.end, start);
  let first = prev;
  if (/^\)[\s-]*$/.test(gap)) {
    const outer = fixed[n - 2];
    if (!outer || outer.entity !== prev.entity || !/^\s*\($/.test(text.slice(outer.end, prev.start))) return false;
    first = outer;
  } else if (!/^(?:['\u2019]s?)?[\s-]+$|^['\u2019]s?$/.test(gap)) return false;
  if (!isOrganisation(a, entity) || !isOrganisation(a, first.entity)) return false;
  if (first !== prev) fixed.pop();
  first.entity = entity;
  first.end = end;
  return true;
}

/**
 * Namesake cues ("Bollywood" beside "Imran Khan"): unless the block also mentions the
 * entity unambiguously or one it is related to, each cue competes, from where it
 * stands, for the entity's contextual forms as a rival's name would, and the block's
 * namesake-shared forms of it lose their link-on-sight (so a cue after them counts too).
 */
function applyCues(
  index: AnalysisIndex,
  fixed: Mention[],
  contextual: Contextual[],
  competitors: FormAnchor[],
): FormAnchor[] {
  let out: FormAnchor[] | null = null;
  for (let q = 0; q < cueCount; q += 2) {
    const entity = cues[q + 1]!;
    const namesake = index.namesakes.get(entity);
    if (!namesake) continue;
    const { coherent, forms } = namesake;
    const coheres =
      fixed.some((m) => coherent.includes(m.entity)) ||
      contextual.some((c) => c.surname && c.entities[0] !== entity && coherent.includes(c.entities[0]!));
    if (coheres) continue;
    out ??= competitors.slice();
    for (const form of forms) out.push({ form, start: cues[q]! });
    for (const c of contextual) if (c.entities.includes(entity)) c.surname = false;
  }
  if (!out) return competitors;
  return out.sort((x, y) => x.start - y.start);
}

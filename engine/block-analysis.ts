/**
 * Everything about one block of text that does not depend on the rest of the page:
 * raw automaton hits, case policy, the proper-name heuristics, and leftmost-longest
 * overlap resolution. What it cannot decide alone (ambiguous short forms) it hands
 * on as contextual candidates, with the anchors this block contributes.
 */
import { createHits, scan as importedScan, type Automaton, type Hits } from './automaton';
import { checkCasePolicy as importedCheckCasePolicy } from './case-policy';
import * as names from './proper-name';
import { ENTRY_AMBIGUOUS, ENTRY_SURNAME } from './table-format';

// Module-local copies (see automaton.ts on why imported bindings are copied).
const scan = importedScan;
const checkCasePolicy = importedCheckCasePolicy;
const continuesAsProperName = names.continuesAsProperName;
const followsInstitutionWord = names.followsInstitutionWord;
const hasForeignFirstName = names.hasForeignFirstName;
const hasGenerationSuffix = names.hasGenerationSuffix;
const isHeadline = names.isHeadline;
const isInsideInstitutionName = names.isInsideInstitutionName;

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
}

export function buildAnalysisIndex(a: Automaton): AnalysisIndex {
  const sharers = new Map<number, number[]>();
  const s = a.table.sharers;
  for (let k = 0; k < s.length; k += 2) {
    const list = sharers.get(s[k]!);
    if (list) list.push(s[k + 1]!);
    else sharers.set(s[k]!, [s[k + 1]!]);
  }
  const isPerson = new Uint8Array(a.table.entities.length);
  a.table.entities.forEach((e, k) => (isPerson[k] = e.kind === 'person' ? 1 : 0));
  return { sharers, isPerson, suffixForms: new Map() };
}

const NO_CONTEXTUAL: readonly Contextual[] = [];
const NO_COMPETITORS: readonly FormAnchor[] = [];

/**
 * Scratch space for `analyseBlock`, reused across calls so that a block costs no
 * allocation beyond the analysis it returns: raw hits, their visiting order, the
 * chosen matches and the unknown names, as typed arrays grown on demand.
 */
export class AnalysisScratch {
  readonly hits: Hits = createHits();
  order = new Int32Array(64);
  /** Chosen matches, `chosen` of them: span, state, entity (-1 = contextual), entry. */
  start = new Int32Array(16);
  end = new Int32Array(16);
  state = new Int32Array(16);
  entity = new Int32Array(16);
  entry = new Int32Array(16);
  surname = new Uint8Array(16);
  /** A contextual match's entities (ascending); null for a fixed one. */
  readonly entities: (number[] | null)[] = [];
  /** Unknown full names as [start, form] pairs. */
  unknown = new Int32Array(32);
  /** What `candidateAt` found: a fixed entity and its entry, or contextual entities. */
  hitEntity = -1;
  hitEntry = -1;
  hitEntities: number[] | null = null;
  hitSurname = false;

  /** Makes room for one more chosen match at index `k`. */
  reserve(k: number): void {
    if (k < this.start.length) return;
    const grow = <T extends Int32Array | Uint8Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(x.length * 2);
      y.set(x);
      return y;
    };
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.state = grow(this.state);
    this.entity = grow(this.entity);
    this.entry = grow(this.entry);
    this.surname = grow(this.surname);
  }
}

const sharedScratch = new AnalysisScratch();

/**
 * Evaluates one raw hit: false when no entry fits the text's case; otherwise the
 * result is in the scratch's hit fields (a fixed entity, or the contextual entities).
 */
function candidateAt(a: Automaton, sc: AnalysisScratch, text: string, start: number, end: number, state: number): boolean {
  const policies = a.table.policies;
  let entities: number[] | null = null;
  let ascending = true;
  let surnames = 0;
  let ambiguous = 0;
  for (let r = a.entryStart[state]!; r < a.entryStart[state + 1]!; r++) {
    if (!checkCasePolicy(policies[a.entryPolicy[r]!]!, text, start, end)) continue;
    const flags = a.entryFlags[r]!;
    const e = a.entryEntity[r]!;
    if ((flags & (ENTRY_AMBIGUOUS | ENTRY_SURNAME)) === 0) {
      // Entries are sorted by entity within a state, so the first fixed one wins.
      sc.hitEntity = e;
      sc.hitEntry = r;
      sc.hitEntities = null;
      sc.hitSurname = false;
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
  sc.hitEntity = -1;
  sc.hitEntry = -1;
  sc.hitEntities = entities;
  sc.hitSurname = ambiguous === 0 && surnames > 0 && entities.length === 1;
  return true;
}

/** Analyses one block of text on its own. */
export function analyseBlock(a: Automaton, index: AnalysisIndex, text: string, sc: AnalysisScratch = sharedScratch): BlockAnalysis {
  const hits = sc.hits;
  scan(a, text, hits);
  const n = hits.count / 3;
  if (n === 0) return { fixed: [], contextual: NO_CONTEXTUAL, competitors: NO_COMPETITORS };
  const h = hits.data;

  // Leftmost-longest: visit hits by start, longest first, and evaluate a hit only if it
  // starts after the last chosen match; a hit inside a chosen one is never looked at.
  // Hits come ordered by end, so by start they are nearly sorted: an insertion sort
  // (stable) moves each one back past the few longer hits that end after it.
  if (sc.order.length < n) sc.order = new Int32Array(2 * n);
  const order = sc.order;
  for (let k = 0; k < n; k++) {
    const x = 3 * k;
    const xs = h[x]!;
    const xe = h[x + 1]!;
    let j = k;
    for (; j > 0; j--) {
      const y = order[j - 1]!;
      const ys = h[y]!;
      if (ys < xs || (ys === xs && h[y + 1]! >= xe)) break;
      order[j] = y;
    }
    order[j] = x;
  }

  const isPerson = index.isPerson;
  let chosen = 0;
  let unknown = 0;
  let taken = 0;
  for (let k = 0; k < n; k++) {
    const x = order[k]!;
    const start = h[x]!;
    if (start < taken) continue;
    const end = h[x + 1]!;
    const state = h[x + 2]!;
    if (!candidateAt(a, sc, text, start, end, state)) continue;
    const entity = sc.hitEntity;
    const entities = sc.hitEntities;
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
          unknown = addUnknown(sc, unknown, start, state);
          continue;
        }
        // A first name or place prefix ("Khan Younis", "Graham Potter"); surnames the
        // corpus calls unambiguous are rarely followed by another name ("Trump White House").
        const continuation = sc.hitSurname ? null : continuesAsProperName(text, start, end);
        if (continuation === 'name') unknown = addUnknown(sc, unknown, start, state);
        if (continuation !== null) continue;
      }
    } else if (followsInstitutionWord(text, start)) continue;
    sc.reserve(chosen);
    sc.start[chosen] = start;
    sc.end[chosen] = end;
    sc.state[chosen] = state;
    sc.entity[chosen] = entity;
    sc.entry[chosen] = sc.hitEntry;
    sc.surname[chosen] = sc.hitSurname ? 1 : 0;
    sc.entities[chosen] = entities;
    chosen++;
    taken = end;
  }
  if (chosen === 0 && unknown === 0) return { fixed: [], contextual: NO_CONTEXTUAL, competitors: NO_COMPETITORS };

  const fixed: Mention[] = [];
  let contextual = NO_CONTEXTUAL as Contextual[];
  let competitors = NO_COMPETITORS as FormAnchor[];
  for (let k = 0; k < chosen; k++) {
    const start = sc.start[k]!;
    const entity = sc.entity[k]!;
    if (entity >= 0) {
      fixed.push({ entity, start, end: sc.end[k]! });
      const forms = index.sharers.get(sc.entry[k]!);
      if (forms) {
        if (competitors === NO_COMPETITORS) competitors = [];
        for (const form of forms) competitors.push({ form, start });
      }
    } else {
      const state = sc.state[k]!;
      let competitorForms = index.suffixForms.get(state);
      if (!competitorForms) {
        competitorForms = [state];
        for (let s = a.next[state]!; s !== 0; s = a.next[s]!) competitorForms.push(s);
        index.suffixForms.set(state, competitorForms);
      }
      if (contextual === NO_CONTEXTUAL) contextual = [];
      contextual.push({ start, end: sc.end[k]!, form: state, competitorForms, entities: sc.entities[k]!, surname: sc.surname[k] === 1 });
    }
    sc.entities[k] = null;
  }
  // A surname inside a chosen longer match ("Khan" in "Imran Ahmed Khan Niazi") is
  // that match's own, not a competing name. Unknown names come in start order, as do
  // the competitors above (at chosen matches' starts, never an unknown name's): merge.
  if (unknown > 0) {
    const u = sc.unknown;
    const shared = competitors;
    const merged: FormAnchor[] = [];
    let i = 0;
    let k = 0;
    for (let q = 0; q < unknown; q += 2) {
      const start = u[q]!;
      while (k < chosen && sc.end[k]! <= start) k++;
      if (k < chosen && sc.start[k]! <= start) continue;
      while (i < shared.length && shared[i]!.start <= start) merged.push(shared[i++]!);
      merged.push({ form: u[q + 1]!, start });
    }
    if (merged.length > 0) {
      while (i < shared.length) merged.push(shared[i++]!);
      competitors = merged;
    }
  }
  return { fixed, contextual, competitors };
}

/** Appends an unknown name [start, form] at `used`; returns the new length. */
function addUnknown(sc: AnalysisScratch, used: number, start: number, form: number): number {
  if (used + 2 > sc.unknown.length) {
    const grown = new Int32Array(sc.unknown.length * 2);
    grown.set(sc.unknown);
    sc.unknown = grown;
  }
  sc.unknown[used] = start;
  sc.unknown[used + 1] = form;
  return used + 2;
}

/**
 * Everything about one block of text that does not depend on the rest of the page:
 * raw automaton hits, case policy, the proper-name heuristics, and leftmost-longest
 * overlap resolution. What it cannot decide alone (ambiguous short forms) it hands
 * on as contextual candidates, with the anchors this block contributes.
 */
import { scan as importedScan, type Automaton } from './automaton';
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
  /** Sorted by start; never overlaps `fixed`. */
  contextual: Contextual[];
  /** Competing names: unknown full names and corpus aliases of other people ending in a form. */
  competitors: FormAnchor[];
}

interface Candidate {
  start: number;
  end: number;
  state: number;
  /** Entity linked on sight, or -1 for a contextual candidate. */
  entity: number;
  /** Index of the entry record that produced `entity` (for its sharer list). */
  entry: number;
  entities: number[];
  surname: boolean;
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

const NO_ENTITIES: number[] = [];

/** Turns one raw hit into a candidate, or null when no entry fits the text's case. */
function candidateAt(a: Automaton, text: string, start: number, end: number, state: number): Candidate | null {
  const policies = a.table.policies;
  let entity = -1;
  let entry = -1;
  let entities: number[] | null = null;
  let surnames = 0;
  let ambiguous = 0;
  for (let r = a.entryStart[state]!; r < a.entryStart[state + 1]!; r++) {
    if (!checkCasePolicy(policies[a.entryPolicy[r]!]!, text, start, end)) continue;
    const flags = a.entryFlags[r]!;
    const e = a.entryEntity[r]!;
    if ((flags & (ENTRY_AMBIGUOUS | ENTRY_SURNAME)) === 0) {
      // Entries are sorted by entity within a state, so the first fixed one wins.
      if (entity < 0) {
        entity = e;
        entry = r;
      }
      continue;
    }
    if (flags & ENTRY_AMBIGUOUS) ambiguous++;
    else surnames++;
    entities ??= [];
    if (!entities.includes(e)) entities.push(e);
  }
  if (entity >= 0) return { start, end, state, entity, entry, entities: NO_ENTITIES, surname: false };
  if (!entities) return null;
  const surname = ambiguous === 0 && surnames > 0 && entities.length === 1;
  return { start, end, state, entity: -1, entry: -1, entities, surname };
}

/** Analyses one block of text on its own. `hits` is scratch space reused across calls. */
export function analyseBlock(a: Automaton, index: AnalysisIndex, text: string, hits: number[] = []): BlockAnalysis {
  hits.length = 0;
  scan(a, text, hits);
  if (hits.length === 0) return { fixed: [], contextual: [], competitors: [] };

  // Leftmost-longest: visit hits by start, longest first, and evaluate a hit only if it
  // starts after the last chosen match; a hit inside a chosen one is never looked at.
  const order = new Int32Array(hits.length / 3);
  for (let k = 0; k < order.length; k++) order[k] = 3 * k;
  order.sort((x, y) => hits[x]! - hits[y]! || hits[y + 1]! - hits[x + 1]!);

  const chosen: Candidate[] = [];
  const unknownNames: FormAnchor[] = [];
  let taken = 0;
  for (let k = 0; k < order.length; k++) {
    const h = order[k]!;
    const start = hits[h]!;
    if (start < taken) continue;
    const end = hits[h + 1]!;
    const c = candidateAt(a, text, start, end, hits[h + 2]!);
    if (!c) continue;
    const person = c.entity >= 0 ? index.isPerson[c.entity] === 1 : c.entities.some((e) => index.isPerson[e] === 1);
    if (person) {
      if (isInsideInstitutionName(text, start, end)) continue;
      // "Donald Trump Jr.": the son.
      const junior = hasGenerationSuffix(text, end);
      // A full name inside a longer one belongs to someone else ("Maryam Nawaz Sharif"
      // is not Nawaz Sharif); its surname hit, also rejected, competes for bare forms.
      if (c.entity >= 0 && (junior || (hasForeignFirstName(text, start, end) && !isHeadline(text, start)))) continue;
      if (c.entity < 0) {
        // Someone else with this name: skip it, and let it compete for later bare forms.
        if (junior || hasForeignFirstName(text, start, end)) {
          unknownNames.push({ form: c.state, start });
          continue;
        }
        // A first name or place prefix ("Khan Younis", "Graham Potter"); surnames the
        // corpus calls unambiguous are rarely followed by another name ("Trump White House").
        const continuation = c.surname ? null : continuesAsProperName(text, start, end);
        if (continuation === 'name') unknownNames.push({ form: c.state, start });
        if (continuation !== null) continue;
      }
    } else if (followsInstitutionWord(text, start)) continue;
    chosen.push(c);
    taken = end;
  }

  const fixed: Mention[] = [];
  const contextual: Contextual[] = [];
  const competitors: FormAnchor[] = [];
  for (const c of chosen) {
    if (c.entity >= 0) {
      fixed.push({ entity: c.entity, start: c.start, end: c.end });
      const forms = index.sharers.get(c.entry);
      if (forms) for (const form of forms) competitors.push({ form, start: c.start });
    } else {
      let competitorForms = index.suffixForms.get(c.state);
      if (!competitorForms) {
        competitorForms = [c.state];
        for (let s = a.next[c.state]!; s !== 0; s = a.next[s]!) competitorForms.push(s);
        index.suffixForms.set(c.state, competitorForms);
      }
      contextual.push({
        start: c.start,
        end: c.end,
        form: c.state,
        competitorForms,
        entities: c.entities.sort((x, y) => x - y),
        surname: c.surname,
      });
    }
  }
  // A surname inside a chosen longer match ("Khan" in "Imran Ahmed Khan Niazi") is
  // that match's own, not a competing name.
  let k = 0;
  for (const u of unknownNames.sort((x, y) => x.start - y.start)) {
    while (k < chosen.length && chosen[k]!.end <= u.start) k++;
    if (k < chosen.length && chosen[k]!.start <= u.start) continue;
    competitors.push(u);
  }
  competitors.sort((x, y) => x.start - y.start);
  return { fixed, contextual, competitors };
}

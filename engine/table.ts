/**
 * The matcher table: the alias automaton compiled at build time and shipped to the
 * content script as plain JSON, so page load only decodes arrays (see `automaton.ts`).
 *
 * The automaton is an Aho–Corasick machine over *folded* text (see `normalize.ts`)
 * whose matches may start only at word starts: a state is a folded alias prefix, and
 * its failure link points to the longest proper suffix that begins after a non-word
 * character. Restricting suffixes to word starts keeps the failure links short (most
 * point to the root, which compresses to almost nothing) and means a scan never
 * reports a match that begins inside a word (Dar in "Sardar").
 */
import { inferCasePolicy } from './case-policy';
import { charClass, CharClass, codesToString, HARD_BREAK, normalizeText, SPACE } from './normalize';
import type { EntityKind, MatcherSource } from './types';

export interface TableEntity {
  id: string;
  name: string;
  kind: EntityKind;
}

/** Entry flags (bit set). */
export const ENTRY_AMBIGUOUS = 1;
/**
 * A one-word person alias the corpus calls unambiguous ("Larijani"): linked on sight,
 * unless the page also names another person with that surname ("Sadegh Larijani"),
 * in which case the nearest preceding mention decides.
 */
export const ENTRY_SURNAME = 2;

/** Width of one record in `MatcherTable.entries`. */
export const ENTRY_WIDTH = 4;

export interface MatcherTable {
  /** Layout version; bumped whenever a field changes meaning. */
  format: 1;
  /** Entities in corpus order; a mention's `entity` is an index into this list. */
  entities: TableEntity[];
  /**
   * Trie states 1..n-1 in breadth-first order, children of one state contiguous and
   * sorted by code: the folded character on the edge into each state. (State 0 is
   * the root and has no label.)
   */
  labels: string;
  /** Number of children of each state 0..n-1; children positions follow from BFS order. */
  children: number[];
  /** Failure link of each state 0..n-1 (restricted to word-start suffixes). */
  fail: number[];
  /**
   * Alias entries, `ENTRY_WIDTH` numbers each, sorted by state:
   * [state where the alias ends, entity index, flags, index into `policies`].
   */
  entries: number[];
  /** Case policies (see `case-policy.ts`), shared between entries. */
  policies: string[];
  /**
   * Pairs [entry index, state of a contextual form]: an alias that ends in another
   * entity's ambiguous short form ("Nawaz Sharif" ends in Shehbaz Sharif's "Sharif"),
   * so its mention argues against linking a nearby bare "Sharif" to that entity.
   */
  sharers: number[];
}

interface CompiledAlias {
  norm: string;
  entity: number;
  flags: number;
  policy: string;
}

/** Surface variants the corpus need not spell out: "Gen. Asim Munir" also as "Gen Asim Munir". */
function variants(alias: string): string[] {
  const out = [alias];
  if (alias.includes('.')) {
    const dotless = alias.replace(/\.(?=\s|$)/g, '').replace(/\.(?=\p{L})/gu, '');
    if (dotless !== alias && /\p{L}/u.test(dotless)) out.push(dotless);
  }
  return out;
}

/** Trims characters an alias cannot usefully start with (quotes, spaces). */
function trimStart(norm: string): string {
  let i = 0;
  while (i < norm.length && charClass(norm.charCodeAt(i)) !== CharClass.Word) i++;
  return norm.slice(i);
}

function collect(sources: MatcherSource[]): CompiledAlias[] {
  const out: CompiledAlias[] = [];
  sources.forEach((source, entity) => {
    const seen = new Set<string>();
    const add = (form: string, ambiguous: boolean) => {
      for (const v of variants(form)) {
        const norm = trimStart(normalizeText(v));
        if (norm.length === 0 || norm.includes(String.fromCharCode(HARD_BREAK))) continue;
        const policy = inferCasePolicy(v);
        const key = `${norm}\u0000${policy}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let flags = ambiguous ? ENTRY_AMBIGUOUS : 0;
        const oneWord = !norm.includes(String.fromCharCode(SPACE));
        if (!ambiguous && oneWord && source.kind === 'person' && (policy === 'C' || policy === '*')) {
          flags |= ENTRY_SURNAME;
        }
        out.push({ norm, entity, flags, policy });
      }
    };
    // Ambiguous forms first, so an alias that repeats one does not make it unambiguous.
    for (const form of source.ambiguous) add(form, true);
    add(source.name, false);
    for (const form of source.aliases) add(form, false);
  });
  return out;
}

interface BuildNode {
  children: Map<number, BuildNode>;
  id: number;
}

/** Compiles corpus aliases into the table the content script loads. Deterministic. */
export function compileMatcherTable(sources: MatcherSource[]): MatcherTable {
  const aliases = collect(sources);

  // 1. Trie over folded aliases.
  const root: BuildNode = { children: new Map(), id: 0 };
  const terminal: BuildNode[] = [];
  for (const a of aliases) {
    let node = root;
    for (let i = 0; i < a.norm.length; i++) {
      const c = a.norm.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), id: -1 };
        node.children.set(c, next);
      }
      node = next;
    }
    terminal.push(node);
  }

  // 2. Breadth-first numbering, children sorted by code so runtime lookups can bisect.
  const order: BuildNode[] = [root];
  const label: number[] = [0];
  const parent: number[] = [-1];
  for (let k = 0; k < order.length; k++) {
    const node = order[k]!;
    const codes = [...node.children.keys()].sort((x, y) => x - y);
    for (const c of codes) {
      const child = node.children.get(c)!;
      child.id = order.length;
      order.push(child);
      label.push(c);
      parent.push(k);
    }
  }
  const n = order.length;
  const childCount = order.map((node) => node.children.size);
  const childOf = (state: number, c: number): number => order[state]!.children.get(c)?.id ?? -1;

  // 3. Failure links restricted to word-start suffixes. For child t = s·c the candidate
  // suffixes are v·c for word-start suffixes v of s, plus "c" alone when s ends in a
  // non-word character (then c starts a word).
  const fail = new Array<number>(n).fill(0);
  for (let t = 1; t < n; t++) {
    const s = parent[t]!;
    if (s === 0) continue;
    const c = label[t]!;
    let f = fail[s]!;
    let target = -1;
    for (;;) {
      const next = childOf(f, c);
      if (next >= 0 && (f !== 0 || charClass(label[s]!) !== CharClass.Word)) {
        target = next;
        break;
      }
      if (f === 0) break;
      f = fail[f]!;
    }
    fail[t] = target >= 0 ? target : 0;
  }

  // 4. Entries sorted by state, policies interned.
  const policyIndex = new Map<string, number>();
  const policies: string[] = [];
  const records = aliases.map((a, k) => {
    let p = policyIndex.get(a.policy);
    if (p === undefined) {
      p = policies.length;
      policies.push(a.policy);
      policyIndex.set(a.policy, p);
    }
    return { state: terminal[k]!.id, entity: a.entity, flags: a.flags, policy: p, norm: a.norm };
  });
  records.sort((x, y) => x.state - y.state || x.entity - y.entity || x.policy - y.policy);
  const entries: number[] = [];
  for (const r of records) entries.push(r.state, r.entity, r.flags, r.policy);

  // 5. Aliases ending in another entity's contextual form (word-aligned suffix).
  const contextualEntities = new Map<string, Set<number>>();
  for (const r of records) {
    if (r.flags === 0) continue;
    let set = contextualEntities.get(r.norm);
    if (!set) contextualEntities.set(r.norm, (set = new Set()));
    set.add(r.entity);
  }
  const stateOfNorm = new Map(records.map((r) => [r.norm, r.state] as const));
  const sharers: number[] = [];
  records.forEach((r, k) => {
    if (r.flags & ENTRY_AMBIGUOUS) return;
    for (let i = r.norm.indexOf(' '); i >= 0; i = r.norm.indexOf(' ', i + 1)) {
      const suffix = r.norm.slice(i + 1);
      const owners = contextualEntities.get(suffix);
      if (owners && !owners.has(r.entity)) sharers.push(k, stateOfNorm.get(suffix)!);
    }
  });

  return {
    format: 1,
    entities: sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    labels: codesToString(label, 1),
    children: childCount,
    fail,
    entries,
    policies,
    sharers,
  };
}

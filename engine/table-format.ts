/**
 * The matcher table's format: what the build writes to generated/matcher.json and the
 * content script decodes (`automaton.ts`). Kept apart from the compiler (`table.ts`)
 * so the content script bundles the format without the compiler.
 */
import { ENTITY_KINDS, type EntityKind } from './types';

/** Entry flags (bit set). */
export const ENTRY_AMBIGUOUS = 1;
/**
 * A one-word person alias the corpus calls unambiguous ("Larijani"): linked on sight,
 * unless the page also names another person with that surname ("Sadegh Larijani"),
 * in which case the nearest preceding mention decides.
 */
export const ENTRY_SURNAME = 2;
/**
 * A cue that a namesake of the entity is meant ("Bollywood" for the actor Imran Khan):
 * never a mention; see `block-analysis.ts` for what it changes. Both bits, a combination
 * no name has (a surname is by definition not ambiguous).
 */
export const ENTRY_CUE = 3;
/**
 * The entity index of a longer name of something else that contains one of an entity's
 * names ("Sistan and Baluchistan", "Balochistan Liberation Army"): it takes its span and
 * links nothing.
 */
export const OTHER_NAME = -2;

/** Width of one record in `MatcherTable.entries`. */
export const ENTRY_WIDTH = 3;
/** Failure code: the failure target is the root. */
export const FAIL_ROOT = 0;
/** Failure code: the target is the parent's target's child on the same label (the common case). */
export const FAIL_CONTINUE = 1;
/** Failure code: the target is the next number of `MatcherTable.failTo`. */
export const FAIL_EXPLICIT = 2;
/** Offset of the codes in `MatcherTable.shape` (so small ones are printable digits). */
export const SHAPE_BASE = 48;

/**
 * The compiled automaton, laid out so that gzip shrinks it well: states in depth-first
 * preorder keep each alias's letters together in `labels`, and the encodings make the
 * common cases (one child, failure to the root or along the parent's failure path)
 * runs of the same small symbol. Decoding is one linear pass (`automaton.ts`).
 */
/**
 * One description of an event (`EventDescription`, compiled): the entity index, its
 * triggers joined by spaces, each group's alternatives joined by `|` (an entity as
 * `@index`), and the years an event covers.
 */
export interface PhraseRule {
  e: number;
  t: string;
  w: string[];
  p?: string[];
  u?: string;
  y?: [number, number];
}

export interface MatcherTable {
  /** Layout version; bumped whenever a field changes meaning. */
  format: 4;
  /**
   * The corpus the entity indices refer to (`corpusKey` of its ids in order). The table
   * carries no ids: the content script names an entity by its index, and the pages that
   * hold the full records (built from the same corpus in the same build) map it back,
   * after checking this key, so a tab left running across an update fails clearly.
   */
  corpus: string;
  /**
   * The kind of each entity in corpus order (a mention's `entity` is an index into it),
   * one character each: `KIND_BASE` + its place in ENTITY_KINDS. The highlight's colour
   * is all the content script needs of an entity.
   */
  kinds: string;
  /**
   * The folded character on the edge into each of the states 1..n-1, in depth-first
   * preorder with siblings in ascending code order. State 0 is the root.
   */
  labels: string;
  /**
   * Each state 0..n-1 in the same order as one character, SHAPE_BASE + 3 × its number of
   * children + its failure code: FAIL_ROOT, FAIL_CONTINUE or FAIL_EXPLICIT (the failure
   * link, restricted to word-start suffixes). Together they repeat in runs along each
   * alias, so gzip shrinks them far better than apart (by about 240 B on the corpus).
   */
  shape: string;
  /** Targets of the FAIL_EXPLICIT states, in state order. */
  failTo: number[];
  /**
   * Alias entries, `ENTRY_WIDTH` numbers each, sorted by state, by column (all of the
   * first numbers, then all of the second, ...: like with like gzips better):
   * [state where the alias ends minus the previous entry's state, entity index,
   * flags + 4 × index into `policies`]; the entity index is OTHER_NAME for a longer name
   * of something else.
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
  /**
   * For each entity with namesake cues: [entity, n, n entities whose mention in the same
   * block shows the page means this entity after all (the entity itself and those it
   * is related to in either direction)], one group after another.
   */
  coherent: number[];
  /**
   * How events and agreements are described (engine/event-phrases.ts). Absent from the
   * content script's copy (generated/page-matcher.json): the phrases come in their own
   * bundle, loaded once the page mentions something (`DetectionSession.describe`).
   */
  phrases?: PhraseRule[];
  /**
   * Search keys (search-key.ts) of people's names with their entity index: other
   * spellings of them are found by engine/spelling-variants.ts. With the phrases, in
   * their bundle.
   */
  variants?: [string, number][];
}

/** Code of the first kind in `MatcherTable.kinds` (a printable digit). */
export const KIND_BASE = 48;

export function encodeKinds(kinds: readonly EntityKind[]): string {
  return String.fromCharCode(...kinds.map((k) => KIND_BASE + ENTITY_KINDS.indexOf(k)));
}

export function decodeKinds(kinds: string): EntityKind[] {
  return Array.from(kinds, (c) => ENTITY_KINDS[c.charCodeAt(0) - KIND_BASE]!);
}

/**
 * A short fingerprint of a corpus's entity ids in order (FNV-1a, 32 bits, hex): equal
 * keys mean equal entity indices. Not a security measure; it tells a stale table from
 * the records it no longer matches.
 */
export function corpusKey(ids: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Throws unless `ids` are the entities `key` was made from: entity indices from a table
 * of one corpus must never be read against records of another.
 */
export function checkCorpusKey(key: string, ids: readonly string[]): void {
  const own = corpusKey(ids);
  if (key !== own)
    throw new Error(
      `Backstory: entity indices of corpus ${key} read against records of corpus ${own} (a page read before the extension was updated: reload it)`,
    );
}

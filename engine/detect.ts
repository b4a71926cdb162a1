/**
 * The detection API the content script and the CLI use.
 *
 *   const detector = createDetector(table);      // table = generated/matcher.json
 *   detector.detect(text)                         // one text = one document
 *   const session = detector.session();           // one live page
 *   session.add([{ key, text }, ...])             // blocks in document order of key
 *   session.remove([key, ...])                    // blocks that left the page
 *
 * A session keeps the page's context across calls: when a block brings the first
 * unambiguous mention of an entity, earlier blocks' short forms of it become links,
 * and the returned Update lists those earlier blocks too. Every block listed in an
 * Update carries its complete new mention list (replace the block's marks); a block
 * not listed keeps the marks it had.
 */
import { hydrate, type Automaton } from './automaton';
import {
  analyseBlock,
  buildAnalysisIndex,
  type AnalysisIndex,
  type BlockAnalysis,
  type Mention,
} from './block-analysis';
import { AnchorIndex, resolve } from './context';
import type { MatcherTable, TableEntity } from './table-format';

export type { Mention } from './block-analysis';
export type { MatcherTable, TableEntity } from './table-format';

/** A paragraph-level run of page text. Keys order blocks in the document. */
export interface TextBlock {
  key: number;
  text: string;
}

export interface BlockMentions {
  key: number;
  /** Sorted by start, non-overlapping. */
  mentions: Mention[];
}

export interface Update {
  /** Blocks whose mentions changed since the last update, in key order. */
  blocks: BlockMentions[];
}

export interface DetectionSession {
  /** Adds blocks (a key already present is replaced) and returns what changed. */
  add(blocks: readonly TextBlock[]): Update;
  /** Forgets blocks; mentions elsewhere that relied on them may change. */
  remove(keys: readonly number[]): Update;
  /** Current mentions of one block (empty if unknown). */
  mentions(key: number): Mention[];
}

export interface Detector {
  readonly entities: readonly TableEntity[];
  /** Mentions in one text treated as a whole document, sorted by start. */
  detect(text: string): Mention[];
  session(): DetectionSession;
}

const NONE_RESOLVED = new Int32Array(0);

interface BlockState {
  key: number;
  analysis: BlockAnalysis;
  /** Current entity of each contextual candidate, -1 when unlinked. */
  resolved: Int32Array;
  /** Mentions last reported to the caller. */
  reported: Mention[];
}

export function createDetector(table: MatcherTable): Detector {
  const automaton = hydrate(table);
  const index = buildAnalysisIndex(automaton);
  const scratchHits: number[] = [];
  return {
    entities: table.entities,
    detect(text: string): Mention[] {
      // One block is its own document: resolve in place, without session bookkeeping.
      const analysis = analyseBlock(automaton, index, text, scratchHits);
      const { fixed, contextual, competitors } = analysis;
      if (contextual.length === 0) return fixed.slice();
      const entityAnchors = new AnchorIndex();
      const linkedSurnames = new AnchorIndex();
      const competing = new AnchorIndex();
      for (const m of fixed) entityAnchors.add(m.entity, 0, m.start);
      for (const c of competitors) competing.add(c.form, 0, c.start);
      const resolved = new Int32Array(contextual.length);
      // Surnames first: once linked they anchor the ambiguous forms.
      for (let k = 0; k < contextual.length; k++) {
        const c = contextual[k]!;
        if (!c.surname) continue;
        resolved[k] = resolve(0, c, entityAnchors, null, competing);
        if (resolved[k]! >= 0) linkedSurnames.add(resolved[k]!, 0, c.start);
      }
      for (let k = 0; k < contextual.length; k++) {
        const c = contextual[k]!;
        if (!c.surname) resolved[k] = resolve(0, c, entityAnchors, linkedSurnames, competing);
      }
      return merge(analysis, resolved);
    },
    session: () => new Session(automaton, index),
  };
}

class Session implements DetectionSession {
  private readonly blocks = new Map<number, BlockState>();
  /** Blocks with contextual candidates: the only ones a context change can affect. */
  private readonly contextualBlocks = new Set<BlockState>();
  private readonly entityAnchors = new AnchorIndex();
  /** Surnames currently linked: anchors for ambiguous forms (see context.ts). */
  private readonly linkedSurnames = new AnchorIndex();
  private readonly competitors = new AnchorIndex();
  private readonly hits: number[] = [];

  constructor(
    private readonly automaton: Automaton,
    private readonly index: AnalysisIndex,
  ) {}

  add(blocks: readonly TextBlock[]): Update {
    const dirty = new Dirty();
    const fresh: BlockState[] = [];
    for (const b of blocks) {
      // A replaced block starts from what the caller shows now, so clearing it is reported.
      const shown = this.blocks.get(b.key)?.reported ?? [];
      this.drop(b.key, dirty);
      const analysis = analyseBlock(this.automaton, this.index, b.text, this.hits);
      const state: BlockState = {
        key: b.key,
        analysis,
        resolved: analysis.contextual.length === 0 ? NONE_RESOLVED : new Int32Array(analysis.contextual.length).fill(-1),
        reported: shown,
      };
      this.blocks.set(b.key, state);
      for (const m of analysis.fixed) {
        this.entityAnchors.add(m.entity, b.key, m.start);
        dirty.entities.add(m.entity);
      }
      for (const c of analysis.competitors) {
        this.competitors.add(c.form, b.key, c.start);
        dirty.forms.add(c.form);
      }
      if (analysis.contextual.length > 0) this.contextualBlocks.add(state);
      fresh.push(state);
    }
    return this.refresh(dirty, fresh);
  }

  remove(keys: readonly number[]): Update {
    const dirty = new Dirty();
    for (const key of keys) this.drop(key, dirty);
    return this.refresh(dirty, []);
  }

  mentions(key: number): Mention[] {
    const state = this.blocks.get(key);
    return state ? state.reported : [];
  }

  private drop(key: number, dirty: Dirty): void {
    const old = this.blocks.get(key);
    if (!old) return;
    this.blocks.delete(key);
    this.contextualBlocks.delete(old);
    for (const m of old.analysis.fixed) {
      this.entityAnchors.removeBlock(m.entity, key);
      dirty.entities.add(m.entity);
    }
    for (const c of old.analysis.competitors) {
      this.competitors.removeBlock(c.form, key);
      dirty.forms.add(c.form);
    }
    old.analysis.contextual.forEach((c, k) => {
      const entity = old.resolved[k]!;
      if (!c.surname || entity < 0) return;
      this.linkedSurnames.removeBlock(entity, key);
      dirty.entities.add(entity);
    });
  }

  /** Re-resolves contextual candidates whose anchors may have changed; reports changed blocks. */
  private refresh(dirty: Dirty, fresh: BlockState[]): Update {
    const changed = new Set<BlockState>(fresh);
    const isFresh = new Set<BlockState>(fresh);
    // Two passes: surnames first, since a surname that becomes (un)linked moves an
    // anchor that ambiguous forms of its entity look for.
    for (const surnames of [true, false]) {
      for (const state of this.contextualBlocks) {
        const { contextual } = state.analysis;
        for (let k = 0; k < contextual.length; k++) {
          const c = contextual[k]!;
          if (c.surname !== surnames) continue;
          if (!isFresh.has(state) && !dirty.touches(c.competitorForms, c.entities)) continue;
          const linked = surnames ? null : this.linkedSurnames;
          const entity = resolve(state.key, c, this.entityAnchors, linked, this.competitors);
          const previous = state.resolved[k]!;
          if (entity === previous) continue;
          state.resolved[k] = entity;
          changed.add(state);
          if (!surnames) continue;
          if (previous >= 0) {
            this.linkedSurnames.remove(previous, state.key, c.start);
            dirty.entities.add(previous);
          }
          if (entity >= 0) {
            this.linkedSurnames.add(entity, state.key, c.start);
            dirty.entities.add(entity);
          }
        }
      }
    }
    const out: BlockMentions[] = [];
    for (const state of changed) {
      if (!this.blocks.has(state.key) || this.blocks.get(state.key) !== state) continue;
      const mentions = merge(state.analysis, state.resolved);
      const same = sameMentions(mentions, state.reported);
      state.reported = mentions;
      if (!same) out.push({ key: state.key, mentions });
    }
    out.sort((x, y) => x.key - y.key);
    return { blocks: out };
  }
}

class Dirty {
  readonly entities = new Set<number>();
  readonly forms = new Set<number>();
  touches(forms: number[], entities: number[]): boolean {
    for (const f of forms) if (this.forms.has(f)) return true;
    for (const e of entities) if (this.entities.has(e)) return true;
    return false;
  }
}

/** Fixed mentions and linked contextual ones, in document order. */
function merge(analysis: BlockAnalysis, resolved: Int32Array): Mention[] {
  const { fixed, contextual } = analysis;
  if (contextual.length === 0) return fixed;
  const out: Mention[] = [];
  let i = 0;
  for (let k = 0; k < contextual.length; k++) {
    const entity = resolved[k]!;
    if (entity < 0) continue;
    const c = contextual[k]!;
    while (i < fixed.length && fixed[i]!.start < c.start) out.push(fixed[i++]!);
    out.push({ entity, start: c.start, end: c.end });
  }
  while (i < fixed.length) out.push(fixed[i++]!);
  return out;
}

function sameMentions(a: Mention[], b: Mention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.entity !== y.entity || x.start !== y.start || x.end !== y.end) return false;
  }
  return true;
}

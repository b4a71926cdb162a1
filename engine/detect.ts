/**
 * The detection API the content script and the CLI use.
 *
 *   const detector = createDetector(table);      // table = generated/matcher.json
 *   detector.detect(text)                         // one text = one document
 *   const session = detector.session();           // one live page
 *                                                 // (createPageDetector: sessions only,
 *                                                 // for the content script)
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
import { createPhraseFinder, NO_CONDITIONS, type PhraseFinder } from './event-phrases';

export type { PhraseFinder } from './event-phrases';
import { checkCorpusKey, type MatcherTable } from './table-format';
import type { EntityKind } from './types';

export type { Mention } from './block-analysis';
export type { MatcherTable } from './table-format';

/** A paragraph-level run of page text. Keys order blocks in the document. */
export interface TextBlock {
  key: number;
  text: string;
}

export interface BlockMentions {
  key: number;
  /**
   * Sorted by start. Mentions never cross; an event described by a phrase contains the
   * names inside it (listed before them).
   */
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
  /**
   * Starts reading events described by a phrase (event-phrases.ts), for the blocks read
   * so far and all that follow: the content script loads the phrases only once a page
   * mentions something. Reads at most `max` of the blocks read so far per call (a page
   * reads them in slices; call again while `describing`). Returns the blocks that changed.
   */
  describe(phrases: PhraseFinder, max?: number): Update;
  /** Blocks read before the phrases came are still waiting to be read with them. */
  readonly describing: boolean;
}

/** What a live page needs: sessions (the content script bundles no one-shot `detect`). */
export interface PageDetector {
  /** Each entity's kind, by entity index (a mention's `entity`). */
  readonly kinds: readonly EntityKind[];
  /** The corpus the entity indices refer to (`MatcherTable.corpus`). */
  readonly corpus: string;
  session(): DetectionSession;
}

export interface Detector extends PageDetector {
  /** Mentions in one text treated as a whole document, sorted by start. */
  detect(text: string): Mention[];
}

/** A detector that knows the corpus's entity ids too (tools and tests: the content script has none). */
export interface NamedDetector extends Detector {
  /** Entity ids by entity index. */
  readonly ids: readonly string[];
}

/** A detector over `table` with `ids` (the table's corpus, in order: checked). */
export function createNamedDetector(table: MatcherTable, ids: readonly string[]): NamedDetector {
  checkCorpusKey(table.corpus, ids);
  return { ...createDetector(table), ids };
}

const NONE_RESOLVED: number[] = [];
const NO_GROUPS: number[] = [];
const NO_MENTIONS: Mention[] = [];
/** What the caller shows for a block it has not been told about; never handed out. */
const NOTHING_SHOWN: Mention[] = [];

interface BlockState {
  key: number;
  text: string;
  analysis: BlockAnalysis;
  /** The phrase words the block holds when it has an event trigger (`BlockReading.words`). */
  words: readonly number[] | null;
  /** The page groups the block names (`BlockReading.groups`). */
  groups: number[];
  /** What its phrases ask of the page (`BlockReading.consults`). */
  consults: readonly (readonly number[])[];
  /** Names under another spelling (`BlockReading.variants`), sorted. */
  variants: Mention[];
  /** Current entity of each contextual candidate, -1 when unlinked. */
  resolved: number[];
  /** Mentions last reported to the caller. */
  reported: Mention[];
  /** False once the block is removed or replaced. */
  live: boolean;
  /** The call (epoch) in which the block was last queued for a report. */
  changed: number;
  /** Its phrases wait for the blocks read before they came (`Session.waiting`). */
  waiting: boolean;
}

/** A contextual candidate as the session indexes it: by position, under each of its entities and competitor forms. */
interface Waiter {
  readonly state: BlockState;
  /** Index into the block's `analysis.contextual`. */
  readonly k: number;
  readonly key: number;
  readonly start: number;
  readonly surname: boolean;
  /** The call (epoch) in which it was last queued for resolution. */
  queued: number;
}

function prepare(table: MatcherTable, phrases: PhraseFinder | null) {
  const automaton = hydrate(table);
  const index = buildAnalysisIndex(automaton);
  const detector: PageDetector = {
    kinds: automaton.kinds,
    corpus: table.corpus,
    session: () => new Session(automaton, index, phrases),
  };
  return { automaton, index, detector };
}

/** Sessions without event phrases until `describe` brings them (the page's table has none). */
export function createPageDetector(table: MatcherTable): PageDetector {
  return prepare(table, null).detector;
}

export function createDetector(table: MatcherTable): Detector {
  const phrases = createPhraseFinder(table.phrases ?? [], table.variants);
  const { automaton, index, detector } = prepare(table, phrases);
  return { ...detector, detect: (text) => detectDocument(automaton, index, phrases, text) };
}

function detectDocument(automaton: Automaton, index: AnalysisIndex, phrases: PhraseFinder, text: string): Mention[] {
  // One block is its own document: resolve in place, without session bookkeeping.
  const analysis = analyseBlock(automaton, index, text);
  const { fixed, contextual, competitors } = analysis;
  const { variants, groups, words } = phrases.read(text, fixed, contextual);
  const described = (found: Mention[]) => {
    const mentions = withVariants(found, variants);
    return words ? phrases.find(text, words, mentions, (g) => groups.includes(g)) : mentions.slice();
  };
  if (contextual.length === 0) return described(fixed);
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
  return described(merge(analysis, resolved));
}

/**
 * A candidate's entity depends only on, for each anchor list it consults (its
 * entities' anchors and linked surnames, its competitor forms' anchors), the anchors
 * right before and after it. So when a list changes at one place, only the candidates
 * between that place's neighbours can resolve differently: the session keeps the
 * candidates in position order under every id they consult, and re-resolves just
 * those. A page read in order costs in proportion to what each batch adds, not to
 * everything read so far.
 */
class Session implements DetectionSession {
  private readonly blocks = new Map<number, BlockState>();
  private readonly entityAnchors = new AnchorIndex();
  /** Surnames currently linked: anchors for ambiguous forms (see context.ts). */
  private readonly linkedSurnames = new AnchorIndex();
  private readonly competitors = new AnchorIndex();
  /** Contextual candidates under each entity they may link to, in position order. */
  private readonly byEntity = new AnchorIndex<Waiter>();
  /** Contextual candidates under each of their competitor forms, in position order. */
  private readonly byForm = new AnchorIndex<Waiter>();
  /** Counts add/remove calls: marks what one call has queued. */
  private epoch = 0;
  /** This call's candidates to resolve: surnames first, then the rest (see context.ts). */
  private readonly surnameQueue: Waiter[] = [];
  private readonly otherQueue: Waiter[] = [];
  private readonly changedStates: BlockState[] = [];
  /** Blocks with an event trigger: their phrases may change with what the page names. */
  private readonly triggered = new Set<BlockState>();
  /** How many blocks name each page group (`BlockReading.groups`). */
  private readonly groupCounts: number[] = [];
  /**
   * The page groups that appeared or disappeared since the last report, once per change
   * (one that came and went is listed twice). A triggered block is read again only if one
   * of its conditions on the page (`BlockReading.consults`) turned.
   */
  private readonly changedGroups: number[] = [];
  private readonly onPage = (g: number) => (this.groupCounts[g] ?? 0) > 0;
  /** Whether a group was on the page before the changes listed (`changedGroups`). */
  private readonly wasOnPage = (g: number) => {
    let odd = false;
    for (let i = 0; i < this.changedGroups.length; i++) if (this.changedGroups[i] === g) odd = !odd;
    return this.onPage(g) !== odd;
  };
  /** Whether all of a condition's groups being on the page changed with the changes listed. */
  private readonly turned = (condition: readonly number[]) =>
    condition.every(this.onPage) !== condition.every(this.wasOnPage);

  constructor(
    private readonly automaton: Automaton,
    private readonly index: AnalysisIndex,
    private phrases: PhraseFinder | null,
  ) {}

  describe(phrases: PhraseFinder, max = Infinity): Update {
    if (!this.phrases) {
      this.phrases = phrases;
      this.undescribed = [...this.blocks.values()];
    }
    if (!this.undescribed.length && !this.waiting.length) return { blocks: [] };
    this.epoch++;
    for (const state of this.undescribed.splice(0, max)) {
      // A block dropped or replaced since is read (or was) as it is now.
      if (this.blocks.get(state.key) === state) this.readPhrases(state);
    }
    if (!this.undescribed.length) {
      // Every block is read: the page's groups are known, and the phrases that waited for
      // them are found, as many at a time as blocks are read.
      for (const state of this.waiting.splice(0, max)) {
        state.waiting = false;
        if (state.live) this.markChanged(state);
      }
    }
    return this.refresh();
  }

  get describing(): boolean {
    return this.undescribed.length > 0 || this.waiting.length > 0;
  }

  /** Blocks read before the phrases came and not yet read with them. */
  private undescribed: BlockState[] = [];
  /**
   * Blocks with a trigger, read while blocks read before the phrases came are still
   * unread: their phrases are found once those are read. Each page group a later block
   * names could turn a condition of theirs, and found at once they were found again, up
   * to once per slice of the page's reading.
   */
  private readonly waiting: BlockState[] = [];

  /** What the phrases need of a block: whether it has a trigger, which page groups it names. */
  private readPhrases(state: BlockState): void {
    const phrases = this.phrases;
    if (!phrases) return;
    const { fixed, contextual } = state.analysis;
    const { variants, groups, words, consults } = phrases.read(state.text, fixed, contextual);
    state.variants = variants;
    if (variants.length) this.markChanged(state);
    state.groups = groups;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if ((this.groupCounts[g] = (this.groupCounts[g] ?? 0) + 1) === 1) this.changedGroups.push(g);
    }
    state.words = words;
    state.consults = consults;
    if (words) {
      this.triggered.add(state);
      this.markChanged(state);
    }
  }

  add(blocks: readonly TextBlock[]): Update {
    this.epoch++;
    // Indexed loops here and in what each block and mention passes through: a `for…of`
    // step allocates until V8 has optimised the code, and a page's first scan runs much
    // of it before then.
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      // A replaced block starts from what the caller shows now, so clearing it is reported.
      const shown = this.blocks.get(b.key)?.reported ?? NOTHING_SHOWN;
      this.drop(b.key);
      const analysis = analyseBlock(this.automaton, this.index, b.text);
      const { fixed, contextual, competitors } = analysis;
      const state: BlockState = {
        key: b.key,
        text: b.text,
        analysis,
        words: null,
        groups: NO_GROUPS,
        consults: NO_CONDITIONS,
        variants: NO_MENTIONS,
        resolved: contextual.length === 0 ? NONE_RESOLVED : new Array<number>(contextual.length).fill(-1),
        reported: shown,
        live: true,
        changed: 0,
        waiting: false,
      };
      this.blocks.set(b.key, state);
      this.readPhrases(state);
      this.markChanged(state);
      for (let j = 0; j < fixed.length; j++) {
        const m = fixed[j]!;
        const at = this.entityAnchors.add(m.entity, b.key, m.start);
        this.touch(this.byEntity, this.entityAnchors, m.entity, at, at + 1, false);
      }
      for (let j = 0; j < competitors.length; j++) {
        const c = competitors[j]!;
        const at = this.competitors.add(c.form, b.key, c.start);
        this.touch(this.byForm, this.competitors, c.form, at, at + 1, false);
      }
      for (let k = 0; k < contextual.length; k++) {
        const c = contextual[k]!;
        const w: Waiter = { state, k, key: b.key, start: c.start, surname: c.surname, queued: 0 };
        for (let j = 0; j < c.entities.length; j++) this.byEntity.insert(c.entities[j]!, w);
        for (let j = 0; j < c.competitorForms.length; j++) this.byForm.insert(c.competitorForms[j]!, w);
        this.queue(w);
      }
    }
    return this.refresh();
  }

  remove(keys: readonly number[]): Update {
    this.epoch++;
    for (const key of keys) this.drop(key);
    return this.refresh();
  }

  mentions(key: number): Mention[] {
    const state = this.blocks.get(key);
    return state ? state.reported : [];
  }

  private drop(key: number): void {
    const old = this.blocks.get(key);
    if (!old) return;
    this.blocks.delete(key);
    old.live = false;
    this.triggered.delete(old);
    for (const g of old.groups) if (--this.groupCounts[g]! === 0) this.changedGroups.push(g);
    const { fixed, contextual, competitors } = old.analysis;
    for (const c of contextual) {
      for (const e of c.entities) this.byEntity.removeBlock(e, key);
      for (const f of c.competitorForms) this.byForm.removeBlock(f, key);
    }
    for (const { entity: e } of fixed) {
      const at = this.entityAnchors.removeBlock(e, key);
      if (at >= 0) this.touch(this.byEntity, this.entityAnchors, e, at, at, false);
    }
    for (const { form: f } of competitors) {
      const at = this.competitors.removeBlock(f, key);
      if (at >= 0) this.touch(this.byForm, this.competitors, f, at, at, false);
    }
    for (let k = 0; k < contextual.length; k++) {
      const e = old.resolved[k]!;
      if (!contextual[k]!.surname || e < 0) continue;
      const at = this.linkedSurnames.removeBlock(e, key);
      if (at >= 0) this.touch(this.byEntity, this.linkedSurnames, e, at, at, true);
    }
  }

  /**
   * Queues the candidates under `id` in `index` that lie between the anchors of `id`
   * at `lo - 1` and `hi` (inclusive; a missing neighbour leaves that side open): after
   * a change between those indices, only they can see other nearest anchors. With
   * `othersOnly`, surnames are left out (linked surnames do not anchor surnames).
   */
  private touch(
    index: AnchorIndex<Waiter>,
    anchors: AnchorIndex,
    id: number,
    lo: number,
    hi: number,
    othersOnly: boolean,
  ): void {
    const waiters = index.list(id);
    if (!waiters) return;
    const list = anchors.list(id);
    const from = list?.[lo - 1];
    const to = list?.[hi];
    let i = from ? AnchorIndex.firstNotBefore(waiters, from.key, from.start) : 0;
    for (; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (to && (w.key > to.key || (w.key === to.key && w.start > to.start))) break;
      if (!(othersOnly && w.surname)) this.queue(w);
    }
  }

  private queue(w: Waiter): void {
    if (w.queued === this.epoch) return;
    w.queued = this.epoch;
    (w.surname ? this.surnameQueue : this.otherQueue).push(w);
  }

  private markChanged(state: BlockState): void {
    if (state.changed === this.epoch) return;
    state.changed = this.epoch;
    this.changedStates.push(state);
  }

  /** Resolves the queued candidates, surnames first; reports the blocks whose mentions changed. */
  private refresh(): Update {
    // Surnames are resolved without linked surnames, so the surname queue is complete
    // now; each surname that becomes (un)linked moves an anchor the others look for.
    const surnames = this.surnameQueue;
    for (let q = 0; q < surnames.length; q++) {
      const w = surnames[q]!;
      const state = w.state;
      if (!state.live) continue;
      const c = state.analysis.contextual[w.k]!;
      const entity = resolve(w.key, c, this.entityAnchors, null, this.competitors);
      const previous = state.resolved[w.k]!;
      if (entity === previous) continue;
      state.resolved[w.k] = entity;
      this.markChanged(state);
      if (previous >= 0) {
        const at = this.linkedSurnames.remove(previous, w.key, w.start);
        if (at >= 0) this.touch(this.byEntity, this.linkedSurnames, previous, at, at, true);
      }
      if (entity >= 0) {
        const at = this.linkedSurnames.add(entity, w.key, w.start);
        this.touch(this.byEntity, this.linkedSurnames, entity, at, at + 1, true);
      }
    }
    surnames.length = 0;
    const others = this.otherQueue;
    for (let q = 0; q < others.length; q++) {
      const w = others[q]!;
      const state = w.state;
      if (!state.live) continue;
      const entity = resolve(
        w.key,
        state.analysis.contextual[w.k]!,
        this.entityAnchors,
        this.linkedSurnames,
        this.competitors,
      );
      if (entity === state.resolved[w.k]) continue;
      state.resolved[w.k] = entity;
      this.markChanged(state);
    }
    others.length = 0;
    if (this.changedGroups.length) {
      for (const state of this.triggered) {
        if (state.consults.some(this.turned)) this.markChanged(state);
      }
      this.changedGroups.length = 0;
    }

    const out: BlockMentions[] = [];
    const changed = this.changedStates;
    const holding = this.undescribed.length > 0;
    for (let i = 0; i < changed.length; i++) {
      const state = changed[i]!;
      if (!state.live) continue;
      if (holding && state.words) {
        if (!state.waiting) {
          state.waiting = true;
          this.waiting.push(state);
        }
        continue;
      }
      let mentions = withVariants(merge(state.analysis, state.resolved), state.variants);
      if (state.words) mentions = this.phrases!.find(state.text, state.words, mentions, this.onPage);
      const same = sameMentions(mentions, state.reported);
      state.reported = mentions;
      if (!same) out.push({ key: state.key, mentions });
    }
    changed.length = 0;
    // Fresh blocks come in the caller's order, blocks changed by context after them.
    for (let i = 1; i < out.length; i++) {
      if (out[i - 1]!.key > out[i]!.key) {
        out.sort((x, y) => x.key - y.key);
        break;
      }
    }
    return { blocks: out };
  }
}

/** Fixed mentions and linked contextual ones, in document order. */
function merge(analysis: BlockAnalysis, resolved: ArrayLike<number>): Mention[] {
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

/** Mentions with the names found under other spellings (which overlap none of them). */
function withVariants(mentions: Mention[], variants: Mention[]): Mention[] {
  if (variants.length === 0) return mentions;
  return [...mentions, ...variants].sort((x, y) => x.start - y.start);
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

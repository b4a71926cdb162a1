/**
 * Reads a live page and keeps its marks in step with it. The first pass walks the
 * document in slices of at most `sliceBudgetMs`, in reading order, so the top of the
 * page (the first screenful, on nearly every news site) is marked in the first slice
 * and a huge page never blocks the main thread for long. After that a MutationObserver
 * queues only what changed: added subtrees, and the block whose text changed. Queued
 * work runs in the same slices, throttled so that a page that never stops changing
 * (a ticker, a live blog) cannot make Backstory use more than `maxMainThreadShare` of
 * the main thread.
 */
import { collectTextBlocks, isBlank, isBlockElement, spanToDom, type PageBlock } from './text-blocks';
import { NodeQueue } from './node-queue';
import { afterFirstFrame } from './first-frame';
import { hasBlockChildren, isRendered, ownerOf } from './block-owners';
import { initialScan, scanSettled, sliceEnded, sliceStarted } from './scan-report';
import { MAX_BLOCK_CHARS, splitHugeBlock } from './huge-blocks';
import type { DetectionSession, PageDetector, PhraseFinder, Update } from '../../engine/detect';
import type { Highlighter } from './highlighter';
import { FoundMention, MentionIndex, type PageMention } from './mention-index';
import { MarkBatch } from './mark-batch';
import { TIMING } from './timing';
import { caretAt } from './hit-test';
import { isInlineDisplay, splitAtLayoutBreaks, type FlowsInline } from './layout-breaks';

/** A subtree with more elements than this is read child by child, so one slice stays short. */
const SPLIT_ABOVE_ELEMENTS = 1500;
/**
 * Distance between the points sampled down the viewport to find the paragraphs on
 * screen: less than one line of body text, so no paragraph is stepped over.
 */
const VIEWPORT_STEP_PX = 16;
/** Blocks handed to the engine at once between budget checks. */
const BLOCKS_PER_STEP = 64;
/** Text handed to the engine at once between budget checks (a batch stops after the block that crosses it). */
const CHARS_PER_STEP = 32_000;
/** First-pass slices the loaded phrases wait for the page to be read, at most (`#describeWhenRead`). */
const PHRASES_WAIT_SLICES = 2;

/** How long the page has the main thread after a slice of `spent` ms: (1/share − 1) × what we used. */
const yieldAfter = (spent: number) => spent * (1 / TIMING.maxMainThreadShare - 1);

/** A block read from the page: waiting for the engine, then kept under its key. */
interface BlockRecord {
  block: PageBlock;
  owner: Element;
  /**
   * For a piece of a huge block: the part of its text it owns. Only mentions starting
   * there are marked; the overlap on either side belongs to the neighbouring pieces.
   */
  own?: { from: number; to: number };
}

export interface ScannerOptions {
  /** Elements to leave out (the card host). */
  skip(el: Element): boolean;
  /** Called after marks changed (for the popup digest and keyboard navigation). */
  onChange(): void;
  /** The event phrases, asked for once the page has a first mark (on-demand.ts). */
  loadPhrases?(): Promise<PhraseFinder>;
  /** Called once, when the page has its first mark. */
  onFirstMark?(): void;
  /** False for a mention the reader took back (a muted name, "Not this one"): not marked, not hoverable. */
  keep?(text: string, node: Text, offset: number): boolean;
  /** Time and timers; the page's by default (tests pass a fake one). */
  clock?: ScanClock;
}

/**
 * What the scanner measures its slices with and schedules them by: the page's window,
 * or a fake one in tests. Shaped as `window` is (`performance.now`), so the content
 * script needs no wrapper (every byte of it counts).
 */
export interface ScanClock {
  readonly performance: { now(): number };
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestAnimationFrame(fn: () => void): number;
}

export class PageScanner {
  readonly index = new MentionIndex();
  readonly #session: DetectionSession;
  readonly #records = new Map<number, BlockRecord>();
  readonly #keysByOwner = new Map<Element, number[]>();
  #nextKey = 1;
  /**
   * Where a re-read paragraph stood: its blocks keep that place in the engine's
   * document order (keys order blocks, and "the nearest mention before" depends on it),
   * instead of moving to the end of the page as brand-new blocks do.
   */
  readonly #placeOf = new WeakMap<Element, number>();
  readonly #queue = new NodeQueue();
  readonly #queued = new Set<Node>();
  #pendingBlocks: BlockRecord[] = [];
  #timer = 0;
  #observer: MutationObserver | null = null;
  readonly #observedRoots = new Set<Node>();
  #running = false;
  /** Total time spent reading the page (slices of the first pass and later, phrase re-reads), for the benchmark. */
  busyMs = 0;
  /** The initial scan, reported for the benchmark (scan-report.ts). */
  readonly #initialScan = initialScan();
  readonly #marks: MarkBatch;

  readonly #doc: Document;
  readonly #detector: PageDetector;
  readonly #highlighter: Highlighter;
  readonly #options: ScannerOptions;
  readonly #clock: ScanClock;

  constructor(doc: Document, detector: PageDetector, highlighter: Highlighter, options: ScannerOptions) {
    this.#doc = doc;
    this.#detector = detector;
    this.#highlighter = highlighter;
    this.#options = options;
    this.#session = detector.session();
    this.#marks = new MarkBatch(highlighter);
    this.#clock = options.clock ?? window;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#highlighter.attach();
    this.#observe(this.#doc);
    this.#enqueue(this.#doc.body ?? this.#doc.documentElement);
    // The first slice waits for the page's first frame. Reading visibility needs the
    // page's style; on a heavy page computing it is long (100,000 nodes: 200-400 ms) and
    // is work the browser does for its first paint anyway. Asked for before that paint,
    // all of it landed in our first slice and held the paint back. A hidden tab paints
    // no frame: the timer starts the scan there.
    afterFirstFrame(this.#clock, () => {
      this.#queue.unshiftAll(this.#visibleBlocks());
      this.#runSlice();
    });
    // The view can move before the first pass is done (a #fragment is scrolled to after
    // the document is parsed; a reader scrolls on): what comes into view jumps the queue.
    (this.#doc.defaultView ?? window).addEventListener('scroll', this.#onScroll, { passive: true, capture: true });
  }

  #scrollFrame = 0;
  /** Set when on-screen blocks were queued: the slice that reads them shows its marks. */
  #showNow = false;
  readonly #onScroll = (): void => {
    if (this.#initialScan.done || !this.#running) {
      (this.#doc.defaultView ?? window).removeEventListener('scroll', this.#onScroll, { capture: true });
      return;
    }
    if (this.#scrollFrame) return;
    this.#scrollFrame = this.#clock.requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      this.#queue.unshiftAll(this.#visibleBlocks());
    });
  };

  /**
   * The paragraphs on screen now, read before the rest of the page so that what the
   * reader sees is marked first even on a page opened scrolled down (a #fragment link,
   * a restored position). Sampled down the middle of the viewport, one caret lookup per
   * paragraph. The full pass then skips them (see readLargeElement).
   */
  #visibleBlocks(): Element[] {
    const win = this.#doc.defaultView;
    // A page small enough to be read whole in a slice or two needs no head start (and
    // reading its on-screen paragraphs first would only read them twice).
    if (!win || this.#doc.getElementsByTagName('*').length <= SPLIT_ABOVE_ELEMENTS) return [];
    const found: Element[] = [];
    for (let y = VIEWPORT_STEP_PX / 2; y < win.innerHeight; y += VIEWPORT_STEP_PX) {
      const at = caretAt(this.#doc, win.innerWidth / 2, y);
      const owner = at && ownerOf(at.node);
      if (!owner || owner === this.#doc.body || owner === this.#doc.documentElement || found.includes(owner)) continue;
      // Continue below this paragraph: one lookup per paragraph, and a single giant text
      // node (where each lookup is slow) costs one.
      y = Math.max(y, owner.getBoundingClientRect().bottom);
      if (this.#keysByOwner.has(owner)) continue; // already read
      if (!this.#options.skip(owner)) found.push(owner);
    }
    for (const el of found) this.#queued.add(el);
    // What is on screen is shown as soon as it is read, not with the next batch.
    if (found.length) this.#showNow = true;
    return found;
  }

  /** Stops reading and removes every mark. */
  stop(): void {
    this.#running = false;
    (this.#doc.defaultView ?? window).removeEventListener('scroll', this.#onScroll, { capture: true });
    this.#clock.clearTimeout(this.#timer);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#observedRoots.clear();
    this.#queue.clear();
    this.#queued.clear();
    this.#pendingBlocks = [];
    this.#forget([...this.#records.keys()]);
    this.#keysByOwner.clear();
    this.#marks.clear();
    this.#highlighter.detach();
    this.#options.onChange();
  }

  /** The open shadow roots being read: hit testing has to be told about them to see inside. */
  get shadowRoots(): ShadowRoot[] {
    const roots: ShadowRoot[] = [];
    for (const root of this.#observedRoots) if (root.nodeType === 11) roots.push(root as ShadowRoot);
    return roots;
  }

  /** Resolves once all queued work is done (tests and the benchmark wait on it). */
  get idle(): boolean {
    return this.#queue.length === 0 && this.#pendingBlocks.length === 0;
  }

  readonly #observeRoot = (root: Node): void => this.#observe(root);

  #observe(root: Node): void {
    if (this.#observedRoots.has(root)) return;
    this.#observedRoots.add(root);
    this.#observer ??= new MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  #enqueue(node: Node): void {
    if (this.#queued.has(node)) return;
    this.#queued.add(node);
    this.#queue.push(node);
  }

  #onMutations(mutations: MutationRecord[]): void {
    let removed = false;
    for (const m of mutations) {
      if (m.type === 'characterData') {
        const owner = ownerOf(m.target);
        if (owner) this.#enqueue(owner);
        continue;
      }
      if (m.removedNodes.length) removed = true;
      const target = m.target as Element;
      if (target.nodeType === 1 && this.#options.skip(target)) continue;
      for (const added of m.addedNodes) {
        if (added.nodeType === 1 && this.#options.skip(added as Element)) continue;
        // Inline content joins its paragraph's text: rescan the paragraph. A new block
        // (an article appended by infinite scroll) is read on its own.
        const inline = added.nodeType === 3 || (added.nodeType === 1 && !isBlockElement(added as Element));
        const unit = inline ? ownerOf(added) : (added as Element);
        if (unit) this.#enqueue(unit);
      }
      if (m.removedNodes.length && target.nodeType === 1 && !isBlockElement(target)) {
        const owner = ownerOf(target);
        if (owner) this.#enqueue(owner);
      }
    }
    if (removed) this.#dropDisconnected();
    this.#schedule(TIMING.mutationSettleMs);
  }

  /** Forgets blocks whose text left the page. */
  #dropDisconnected(): void {
    const gone: number[] = [];
    for (const [owner, keys] of this.#keysByOwner) {
      if (owner.isConnected) continue;
      gone.push(...keys);
      this.#keysByOwner.delete(owner);
    }
    this.#forget(gone);
  }

  /**
   * Drops blocks and their marks. The engine's update after a removal lists only the
   * blocks that remain and changed (a surname that lost its anchor), never the removed
   * ones, so their marks are taken out of the index and the highlights here. (Before,
   * they stayed: a ticker or a single-page app piled up marks on detached text, which
   * the popup's digest still counted, and a rescanned paragraph kept its old ranges.)
   */
  #forget(keys: number[]): void {
    if (!keys.length) return;
    for (const key of keys) {
      this.#records.delete(key);
      for (const old of this.index.removeBlock(key)) this.#marks.queue(old, false);
    }
    this.#applyUpdate(this.#session.remove(keys));
  }

  #schedule(delay: number): void {
    if (!this.#running || this.#timer) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = 0;
      this.#runSlice();
    }, delay);
  }

  #runSlice(): void {
    if (!this.#running) return;
    sliceStarted(this.#initialScan);
    const started = this.#clock.performance.now();
    const deadline = started + TIMING.sliceBudgetMs;
    let changed = false;
    while (this.#clock.performance.now() < deadline) {
      if (this.#pendingBlocks.length) {
        changed = this.#detectSome() || changed;
        continue;
      }
      const node = this.#queue.shift();
      if (!node) break;
      // A node can stand in the queue twice (moved ahead when it came on screen): it is
      // read once, when its first entry comes up.
      if (!this.#queued.delete(node)) continue;
      this.#read(node);
    }
    this.#marks.flushIf(this.#showNow || this.#initialScan.done || this.idle);
    this.#showNow = false;
    const spent = this.#clock.performance.now() - started;
    this.busyMs += spent;
    sliceEnded(this.#initialScan, spent, this);
    if (changed) this.#options.onChange();
    if (this.#phrasesCame) {
      this.#slicesSincePhrases++;
      this.#describeWhenRead(yieldAfter(spent));
    }
    // Yield the rest of the frame and more.
    if (!this.idle) this.#schedule(Math.max(1, yieldAfter(spent)));
  }

  /** Collects the blocks under `node`, splitting very large subtrees across slices. */
  #read(node: Node): void {
    if (!node.isConnected) return;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (this.#options.skip(el)) return;
      // Block children first, and counting elements last (a collection per read). A
      // paragraph has no block children (the parser closes it before one), and asking
      // cost a call per link and emphasis in it: most reads are paragraphs.
      if (el.localName !== 'p' && hasBlockChildren(el) && el.getElementsByTagName('*').length > SPLIT_ABOVE_ELEMENTS) {
        this.#readLargeElement(el);
        return;
      }
    }
    // A shadow root read on its own (a big host's, see readLargeElement) is watched as
    // the roots found inside what is read are.
    if (node.nodeType === 11) this.#observe(node);
    const blocks = collectTextBlocks(node, {
      skip: this.#options.skip,
      isHidden: () => false, // visibility is checked once per block below: far cheaper than per element
      onShadowRoot: this.#observeRoot,
    });
    // A rescanned owner replaces all the blocks it had, including an owner whose text
    // is now gone (it produces no block, but is the node being read).
    const owners = new Set<Element>();
    if (node.nodeType === 1 && isBlockElement(node as Element)) owners.add(node as Element);
    const fresh: BlockRecord[] = [];
    const flowsInline = this.#flowsInline();
    // Indexed loops over blocks and marks, here and below: a `for…of` step allocates
    // until V8 has optimised the code, and a page's first scan runs much of it before then.
    for (let i = 0; i < blocks.length; i++) {
      const tagBlock = blocks[i]!;
      const owner = ownerOf(tagBlock.segments[0]!.node);
      if (!owner) continue;
      owners.add(owner);
      const pieces = splitAtLayoutBreaks(tagBlock, flowsInline);
      for (let j = 0; j < pieces.length; j++) {
        const block = pieces[j]!;
        const parent = block.segments[0]!.node.parentElement;
        if (parent && !isRendered(parent)) continue;
        if (block.text.length > MAX_BLOCK_CHARS) {
          for (const piece of splitHugeBlock(block)) fresh.push({ ...piece, owner });
        } else {
          fresh.push({ block, owner });
        }
      }
    }
    const stale: number[] = [];
    for (const owner of owners) {
      const keys = this.#keysByOwner.get(owner);
      if (!keys) continue;
      this.#keysByOwner.delete(owner);
      stale.push(...keys);
      this.#placeOf.set(owner, keys[0]!);
    }
    this.#forget(stale);
    for (let i = 0; i < fresh.length; i++) this.#pendingBlocks.push(fresh[i]!);
  }

  /**
   * A big container (a whole article list, a 100,000-node page) is read one child at a
   * time. Its own inline text, outside any block child, is read with the children in
   * order, as single-node roots.
   */
  #readLargeElement(el: Element): void {
    const children: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) {
      // A paragraph already read (the on-screen ones go first) is not read again: that
      // would take its marks down until the pass came back round to it. If it changes,
      // the MutationObserver queues it.
      if (this.#queued.has(c) || this.#keysByOwner.has(c as Element)) continue;
      // The line breaks between a page's paragraphs are half its children, and read as nothing.
      if (c.nodeType === 3 && isBlank((c as Text).data)) continue;
      this.#queued.add(c);
      children.push(c);
    }
    // Front of the queue, in order: keeps reading order for the first screenful.
    this.#queue.unshiftAll(children);
    if (el.shadowRoot) this.#enqueue(el.shadowRoot);
  }

  /**
   * Whether an element is laid out inline, by computed style, remembered for one read:
   * a read happens between style changes the browser has already applied.
   */
  #flowsInline(): FlowsInline {
    const view = this.#doc.defaultView;
    if (!view) return () => true;
    const known = new Map<Element, boolean>();
    return (el) => {
      let inline = known.get(el);
      if (inline === undefined) known.set(el, (inline = isInlineDisplay(view.getComputedStyle(el).display)));
      return inline;
    };
  }

  /** Hands a batch of collected blocks to the engine and marks the result. */
  #detectSome(): boolean {
    let count = 0;
    let chars = 0;
    while (count < this.#pendingBlocks.length && count < BLOCKS_PER_STEP && chars < CHARS_PER_STEP) {
      chars += this.#pendingBlocks[count++]!.block.text.length;
    }
    const batch = this.#pendingBlocks.splice(0, count);
    const fresh: PageBlock[] = [];
    for (let i = 0; i < batch.length; i++) {
      const record = batch[i]!;
      const { block, owner } = record;
      if (!owner.isConnected) continue;
      // Keyed in place: each block read is its record's alone (a copy per block cost a
      // spread each, in code that runs before V8 has optimised it).
      block.key = this.#keyFor(owner);
      this.#records.set(block.key, record);
      const keys = this.#keysByOwner.get(owner);
      if (keys) keys.push(block.key);
      else this.#keysByOwner.set(owner, [block.key]);
      fresh.push(block);
    }
    if (!fresh.length) return false;
    return this.#applyUpdate(this.#session.add(fresh));
  }

  #applyUpdate(update: Update): boolean {
    let changed = false;
    const blocks = update.blocks;
    const kept = this.#kept;
    for (let i = 0; i < blocks.length; i++) {
      const { key, mentions } = blocks[i]!;
      const record = this.#records.get(key);
      const marks: PageMention[] = [];
      if (record) {
        const own = record.own;
        // A block read again from the same text (the phrases' reading, a change of context)
        // mostly keeps its names: their marks stay as they are, not taken down and put up
        // again. Both lists are by start, outer first.
        const before = this.index.marksOf(key);
        let b = 0;
        for (let j = 0; j < mentions.length; j++) {
          const m = mentions[j]!;
          if (own && (m.start < own.from || m.start >= own.to)) continue; // a neighbouring piece's
          let same: FoundMention | null = null;
          for (; b < before.length; b++) {
            const o = before[b]!;
            if (!(o instanceof FoundMention) || o.source !== record.block) break;
            if (o.start > m.start || (o.start === m.start && o.end <= m.end)) {
              if (o.start === m.start && o.end === m.end && o.entity === m.entity) same = o;
              break;
            }
          }
          if (same) {
            marks.push(same);
            kept.add(same);
            b++;
            continue;
          }
          const span = spanToDom(record.block, m.start, m.end);
          if (!span) continue;
          if (
            this.#options.keep &&
            !this.#options.keep(record.block.text.slice(m.start, m.end), span.startNode, span.startOffset)
          )
            continue;
          const kind = this.#detector.kinds[m.entity]!;
          marks.push(new FoundMention(m.entity, kind, key, record.owner, span, m.start, m.end, record.block));
        }
      }
      if (marks.length && !this.#phrasesAsked) this.#askPhrases();
      const old = this.index.setBlock(key, marks);
      if (kept.size === 0) {
        for (let j = 0; j < old.length; j++) this.#marks.queue(old[j]!, false);
        for (let j = 0; j < marks.length; j++) this.#marks.queue(marks[j]!, true);
      } else {
        for (let j = 0; j < old.length; j++) if (!kept.has(old[j]!)) this.#marks.queue(old[j]!, false);
        for (let j = 0; j < marks.length; j++) if (!kept.has(marks[j]!)) this.#marks.queue(marks[j]!, true);
        kept.clear();
      }
      changed = true;
    }
    return changed;
  }

  /** The marks `#applyUpdate` keeps for the block it is at (scratch). */
  readonly #kept = new Set<PageMention>();

  #phrasesAsked = false;
  #readingPhrases = false;

  /** Whether the event phrases were asked for and have not yet read every block that was read before they came. */
  get readingPhrases(): boolean {
    return this.#readingPhrases;
  }

  /** Loads the event phrases, which read the page once the first pass has (`#describeWhenRead`), then each block as it comes. */
  #askPhrases(): void {
    this.#phrasesAsked = true;
    this.#options.onFirstMark?.();
    const load = this.#options.loadPhrases;
    if (!load) return;
    this.#readingPhrases = true;
    load().then(
      (phrases) => {
        this.#phrasesCame = phrases;
        this.#slicesSincePhrases = 0;
        this.#describeWhenRead(0);
      },
      (error: unknown) => {
        this.#readingPhrases = false;
        scanSettled(this.#initialScan, this);
        // The loader's error names the bundle that failed.
        console.error(error);
      },
    );
  }

  /** The phrases, loaded and waiting for the first pass to read the page (`#describeWhenRead`). */
  #phrasesCame: PhraseFinder | null = null;
  #slicesSincePhrases = 0;

  /**
   * Reads the page with the phrases once the first pass has read it, or has gone on for
   * `PHRASES_WAIT_SLICES` slices since they came. Reading before the page was read, they
   * found a block with a trigger again whenever a later block brought a page group its
   * rules consult: on a 40 KB article, 12 of its 22 such blocks (bench/README.md, the
   * thirteenth round). They wait no longer on a long page, whose blocks read before them
   * go to the highlighter a second time when they read them (waiting eight slices cost the
   * 1 MB page 3%), nor on a page that never stops changing. `after`: how long the first
   * of their slices waits (a first-pass slice's yield, or none).
   */
  #describeWhenRead(after: number): void {
    const phrases = this.#phrasesCame;
    if (!phrases || !this.#running) return;
    if (!this.idle && this.#slicesSincePhrases < PHRASES_WAIT_SLICES) return;
    this.#phrasesCame = null;
    // The blocks read so far are read again with the phrases in slices, as the page
    // itself is: in one go a 1 MB page made one long task.
    const slice = () => {
      if (!this.#running) return;
      const start = this.#clock.performance.now();
      let changed = false;
      do changed = this.#applyUpdate(this.#session.describe(phrases, 16)) || changed;
      while (this.#session.describing && this.#clock.performance.now() - start < TIMING.sliceBudgetMs);
      if (changed) {
        this.#marks.flush();
        this.#options.onChange();
      }
      const spent = this.#clock.performance.now() - start;
      // Reading the page, as the first pass's slices are (the benchmark counts both).
      this.busyMs += spent;
      this.#readingPhrases = this.#session.describing;
      sliceEnded(this.#initialScan, spent, this);
      if (this.#session.describing) this.#clock.setTimeout(slice, yieldAfter(spent));
    };
    // A task of its own, `after` ms on: not at the end of the first pass's slice, nor in the
    // phrases' bundle's task, which building them has made long already.
    this.#clock.setTimeout(slice, after);
  }

  /** The key of the next block of `owner`: at its old place if it is being re-read. */
  #keyFor(owner: Element): number {
    const place = this.#placeOf.get(owner);
    if (place === undefined) return this.#nextKey++;
    // Between the owner's old first key and the next whole key: room for 1,000 blocks.
    const next = place + 1 / 1024;
    if (Math.floor(next) === Math.floor(place)) this.#placeOf.set(owner, next);
    else this.#placeOf.delete(owner);
    return place;
  }
}

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
import { collectTextBlocks, isBlockElement, spanToDom, type PageBlock } from './text-blocks';
import type { DetectionSession, Detector, Update } from '../../engine/detect';
import { Highlighter } from './highlighter';
import { MentionIndex, type PageMention } from './mention-index';
import { TIMING } from './timing';

/** A subtree with more elements than this is read child by child, so one slice stays short. */
const SPLIT_ABOVE_ELEMENTS = 1500;
/** Blocks handed to the engine at once between budget checks. */
const BLOCKS_PER_STEP = 64;

interface BlockRecord {
  block: PageBlock;
  owner: Element;
}

/** A block read from the page, waiting for the engine. */
type PendingBlock = BlockRecord;

export interface ScannerOptions {
  /** Elements to leave out (the card host). */
  skip(el: Element): boolean;
  /** Called after marks changed (for the popup digest and keyboard navigation). */
  onChange(): void;
}

export class PageScanner {
  readonly index = new MentionIndex();
  private readonly session: DetectionSession;
  private readonly records = new Map<number, BlockRecord>();
  private readonly keysByOwner = new Map<Element, number[]>();
  private nextKey = 1;
  private readonly queue: Node[] = [];
  private readonly queued = new Set<Node>();
  private pendingBlocks: PendingBlock[] = [];
  private timer = 0;
  private observer: MutationObserver | null = null;
  private readonly observedRoots = new Set<Node>();
  private running = false;
  /** Total time spent scanning, for the benchmark and the bounded-share rule. */
  busyMs = 0;
  /**
   * Benchmark instrumentation (bench/run.ts): the initial scan is reported as User
   * Timing entries, `backstory:scan-start` and the measure `backstory:scan`, which the
   * page's own performance timeline shows too. Nothing else reads these fields.
   */
  private readonly initialScan = { started: false, done: false, slices: 0, longestSliceMs: 0 };

  constructor(
    private readonly doc: Document,
    private readonly detector: Detector,
    private readonly highlighter: Highlighter,
    private readonly options: ScannerOptions,
  ) {
    this.session = detector.session();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.highlighter.attach();
    this.observe(this.doc);
    this.enqueue(this.doc.body ?? this.doc.documentElement);
    this.runSlice();
  }

  /** Stops reading and removes every mark. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.observer = null;
    this.observedRoots.clear();
    this.queue.length = 0;
    this.queued.clear();
    this.pendingBlocks = [];
    const keys = [...this.records.keys()];
    this.applyUpdate(this.session.remove(keys));
    this.records.clear();
    this.keysByOwner.clear();
    this.highlighter.detach();
    this.options.onChange();
  }

  /** Resolves once all queued work is done (tests and the benchmark wait on it). */
  get idle(): boolean {
    return this.queue.length === 0 && this.pendingBlocks.length === 0;
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private enqueue(node: Node): void {
    if (this.queued.has(node)) return;
    this.queued.add(node);
    this.queue.push(node);
  }

  private onMutations(mutations: MutationRecord[]): void {
    let removed = false;
    for (const m of mutations) {
      if (m.type === 'characterData') {
        const owner = ownerOf(m.target);
        if (owner) this.enqueue(owner);
        continue;
      }
      if (m.removedNodes.length) removed = true;
      const target = m.target as Element;
      if (target.nodeType === 1 && this.options.skip(target)) continue;
      for (const added of m.addedNodes) {
        if (added.nodeType === 1 && this.options.skip(added as Element)) continue;
        // Inline content joins its paragraph's text: rescan the paragraph. A new block
        // (an article appended by infinite scroll) is read on its own.
        const inline = added.nodeType === 3 || (added.nodeType === 1 && !isBlockElement(added as Element));
        const unit = inline ? ownerOf(added) : (added as Element);
        if (unit) this.enqueue(unit);
      }
      if (m.removedNodes.length && target.nodeType === 1 && !isBlockElement(target)) {
        const owner = ownerOf(target);
        if (owner) this.enqueue(owner);
      }
    }
    if (removed) this.dropDisconnected();
    this.schedule(TIMING.mutationSettleMs);
  }

  /** Forgets blocks whose text left the page. */
  private dropDisconnected(): void {
    const gone: number[] = [];
    for (const [owner, keys] of this.keysByOwner) {
      if (owner.isConnected) continue;
      gone.push(...keys);
      this.keysByOwner.delete(owner);
    }
    for (const key of gone) this.records.delete(key);
    if (gone.length) this.applyUpdate(this.session.remove(gone));
  }

  private schedule(delay: number): void {
    if (!this.running || this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.runSlice();
    }, delay);
  }

  private runSlice(): void {
    if (!this.running) return;
    if (!this.initialScan.started) {
      this.initialScan.started = true;
      performance.mark('backstory:scan-start');
    }
    const started = performance.now();
    const deadline = started + TIMING.sliceBudgetMs;
    let changed = false;
    while (performance.now() < deadline) {
      if (this.pendingBlocks.length) {
        changed = this.detectSome() || changed;
        continue;
      }
      const node = this.queue.shift();
      if (!node) break;
      this.queued.delete(node);
      this.read(node);
    }
    const spent = performance.now() - started;
    this.busyMs += spent;
    this.reportInitialScan(spent);
    if (changed) this.options.onChange();
    if (!this.idle) {
      // Yield the rest of the frame and more: the page gets (1/share − 1) × what we used.
      this.schedule(Math.max(1, spent * (1 / TIMING.maxMainThreadShare - 1)));
    }
  }

  /** Benchmark instrumentation: counts the initial scan's slices and measures it once its queue drains. */
  private reportInitialScan(spent: number): void {
    const scan = this.initialScan;
    if (scan.done) return;
    scan.slices++;
    scan.longestSliceMs = Math.max(scan.longestSliceMs, spent);
    if (!this.idle) return;
    scan.done = true;
    const detail = { busyMs: this.busyMs, slices: scan.slices, longestSliceMs: scan.longestSliceMs, mentions: this.index.size };
    performance.measure('backstory:scan', { start: 'backstory:scan-start', detail });
  }

  /** Collects the blocks under `node`, splitting very large subtrees across slices. */
  private read(node: Node): void {
    if (!node.isConnected) return;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (this.options.skip(el)) return;
      if (el.getElementsByTagName('*').length > SPLIT_ABOVE_ELEMENTS && hasBlockChildren(el)) {
        this.readLargeElement(el);
        return;
      }
    }
    this.watchShadowRoots(node);
    const blocks = collectTextBlocks(node, {
      skip: this.options.skip,
      isHidden: () => false, // visibility is checked once per block below: far cheaper than per element
    });
    // A rescanned owner replaces all the blocks it had, including an owner whose text
    // is now gone (it produces no block, but is the node being read).
    const owners = new Set<Element>();
    if (node.nodeType === 1 && isBlockElement(node as Element)) owners.add(node as Element);
    const fresh: PendingBlock[] = [];
    for (const block of blocks) {
      const first = block.segments[0]!.node;
      const owner = ownerOf(first);
      if (!owner) continue;
      owners.add(owner);
      const parent = first.parentElement;
      if (parent && !isRendered(parent)) continue;
      fresh.push({ block, owner });
    }
    const stale: number[] = [];
    for (const owner of owners) {
      const keys = this.keysByOwner.get(owner);
      if (!keys) continue;
      this.keysByOwner.delete(owner);
      for (const k of keys) this.records.delete(k);
      stale.push(...keys);
    }
    if (stale.length) this.applyUpdate(this.session.remove(stale));
    this.pendingBlocks.push(...fresh);
  }

  /**
   * A big container (a whole article list, a 100,000-node page) is read one child at a
   * time. Its own inline text, outside any block child, is read with the children in
   * order, as single-node roots.
   */
  private readLargeElement(el: Element): void {
    const children: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) children.push(c);
    // Front of the queue, in order: keeps reading order for the first screenful.
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i]!;
      if (this.queued.has(c)) continue;
      this.queued.add(c);
      this.queue.unshift(c);
    }
    if (el.shadowRoot) this.enqueue(el.shadowRoot);
  }

  private watchShadowRoots(node: Node): void {
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const root = node as ParentNode;
    const all = root.querySelectorAll?.('*') ?? [];
    for (const el of all) if (el.shadowRoot) this.observe(el.shadowRoot);
    if (node.nodeType === 1 && (node as Element).shadowRoot) this.observe((node as Element).shadowRoot!);
  }

  /** Hands a batch of collected blocks to the engine and marks the result. */
  private detectSome(): boolean {
    const batch = this.pendingBlocks.splice(0, BLOCKS_PER_STEP);
    const fresh: PageBlock[] = [];
    for (const { block, owner } of batch) {
      if (!owner.isConnected) continue;
      const keyed: PageBlock = { ...block, key: this.nextKey++ };
      this.records.set(keyed.key, { block: keyed, owner });
      const keys = this.keysByOwner.get(owner);
      if (keys) keys.push(keyed.key);
      else this.keysByOwner.set(owner, [keyed.key]);
      fresh.push(keyed);
    }
    if (!fresh.length) return false;
    return this.applyUpdate(this.session.add(fresh));
  }

  private applyUpdate(update: Update): boolean {
    let changed = false;
    for (const { key, mentions } of update.blocks) {
      const record = this.records.get(key);
      const marks: PageMention[] = [];
      if (record) {
        for (const m of mentions) {
          const span = spanToDom(record.block, m.start, m.end);
          if (!span) continue;
          const range = new StaticRange({
            startContainer: span.startNode,
            startOffset: span.startOffset,
            endContainer: span.endNode,
            endOffset: span.endOffset,
          });
          marks.push({ entity: m.entity, kind: this.detector.entities[m.entity]!.kind, block: key, range });
        }
      }
      for (const old of this.index.setBlock(key, marks)) this.highlighter.remove(old.kind, old.range);
      for (const mark of marks) this.highlighter.add(mark.kind, mark.range);
      changed = true;
    }
    return changed;
  }
}

/** The block element a text node's text belongs to (crossing shadow boundaries). */
function ownerOf(node: Node): Element | null {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n) {
    if (n.nodeType === 1 && isBlockElement(n as Element)) return n as Element;
    n = n.parentNode ?? ((n as ShadowRoot).host || null);
  }
  return null;
}

function hasBlockChildren(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlockElement(c)) return true;
  return false;
}

/** Rendered and visible (display, visibility, content-visibility), where the browser can tell. */
function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?(o?: object): boolean }).checkVisibility;
  return check ? check.call(el, { visibilityProperty: true }) : true;
}

/**
 * The mentions currently marked on a page, with the DOM ranges they map to. It answers
 * the question the reader's hover asks: which mention is at this text position. (Which
 * comes next in reading order and how often each entity appears are asked in
 * page-navigation.ts, on demand.)
 * Ranges are StaticRanges: the page's DOM never has to keep them up to date (a changed
 * block is rescanned and its mentions replaced), which keeps mutations cheap.
 */
import type { EntityKind } from '../../engine/types';
import type { DomSpan, PageBlock } from './text-blocks';

export interface PageMention {
  entity: number;
  kind: EntityKind;
  block: number;
  readonly range: StaticRange;
  /** The block element the mention's text belongs to (`Mark.holder`). */
  holder: Element;
}

/**
 * A mention as the scanner finds it. Its range is made when first asked for: on a long
 * page most marks are never near the viewport nor hovered, and making a StaticRange cost
 * as much as a fifth of marking a mention.
 */
export class FoundMention implements PageMention {
  readonly #span: DomSpan;
  #range: StaticRange | null = null;

  constructor(
    readonly entity: number,
    readonly kind: EntityKind,
    readonly block: number,
    readonly holder: Element,
    span: DomSpan,
    /** Where it is in the text it was found in (`source`): a later reading of that same text may keep the mark. */
    readonly start: number,
    readonly end: number,
    readonly source: PageBlock,
  ) {
    this.#span = span;
  }

  get range(): StaticRange {
    const s = this.#span;
    return (this.#range ??= new StaticRange({
      startContainer: s.startNode,
      startOffset: s.startOffset,
      endContainer: s.endNode,
      endOffset: s.endOffset,
    }));
  }
}

const NO_MENTIONS: readonly PageMention[] = [];

export class MentionIndex {
  readonly #byBlock = new Map<number, PageMention[]>();
  /**
   * Block element → the mention lists of its blocks, in the order they were set, for hit
   * testing from a caret position. By holder rather than by text node: one entry per
   * block, not one per text node of every mention. A block's mentions share its holder
   * (the scanner gives each the block's owner).
   */
  readonly #byHolder = new WeakMap<Element, PageMention[][]>();
  /** Changes with every change of the mentions (for caches of what is derived from them). */
  version = 0;

  /** The mentions of a block, as set last (none: an empty list). */
  marksOf(block: number): readonly PageMention[] {
    return this.#byBlock.get(block) ?? NO_MENTIONS;
  }

  setBlock(block: number, mentions: PageMention[]): PageMention[] {
    const previous = this.removeBlock(block);
    if (mentions.length) {
      this.#byBlock.set(block, mentions);
      const holder = mentions[0]!.holder;
      const lists = this.#byHolder.get(holder);
      if (lists) lists.push(mentions);
      else this.#byHolder.set(holder, [mentions]);
    }
    this.version++;
    return previous;
  }

  removeBlock(block: number): PageMention[] {
    const previous = this.#byBlock.get(block);
    if (!previous) {
      this.version++;
      return [];
    }
    const holder = previous[0]!.holder;
    const lists = this.#byHolder.get(holder)!;
    if (lists.length === 1) this.#byHolder.delete(holder);
    else lists.splice(lists.indexOf(previous), 1);
    this.#byBlock.delete(block);
    this.version++;
    return previous;
  }

  /** The mention whose range this is (a range `highlightsFromPoint` gave back). */
  forRange(range: AbstractRange): PageMention | undefined {
    for (const list of this.#near(range.startContainer)) {
      for (const m of list) if (m.range === range) return m;
    }
    return undefined;
  }

  /**
   * The mention covering a caret position (node, offset), if any; inside an event phrase,
   * the name there rather than the phrase ("Soleimani" in "Soleimani's killing"). A
   * block's mentions come outer first, so the last that covers it is the innermost.
   */
  at(node: Node, offset: number): PageMention | undefined {
    let found: PageMention | undefined;
    for (const list of this.#near(node)) {
      for (const m of list) if (covers(m.range, node, offset)) found = m;
    }
    return found;
  }

  /**
   * The mention lists of the nearest element around `node` that has any: its holder. A
   * mention's text stays inside one block, so no other block with mentions stands between
   * its text nodes and its holder. Crosses shadow roots to their host, as `ownerOf` does.
   */
  #near(node: Node): PageMention[][] {
    for (let n: Node | null = node; n; n = n.parentNode ?? ((n as ShadowRoot).host || null)) {
      const lists = n.nodeType === 1 ? this.#byHolder.get(n as Element) : undefined;
      if (lists) return lists;
    }
    return [];
  }

  /** The mentions, block by block (in no particular order). */
  lists(): IterableIterator<PageMention[]> {
    return this.#byBlock.values();
  }

  get size(): number {
    let n = 0;
    for (const list of this.#byBlock.values()) n += list.length;
    return n;
  }
}

/**
 * Whether a text position is on a range: between its ends, the text nodes between them
 * included ("<a>Asim</a> <b>Munir</b>" has a space node between).
 */
function covers(r: AbstractRange, node: Node, offset: number): boolean {
  const first = r.startContainer;
  const last = r.endContainer;
  if (node === first) return offset >= r.startOffset && (node !== last || offset < r.endOffset);
  if (node === last) return offset < r.endOffset;
  // Only a mention spanning nodes gets this far, and few do. 4: FOLLOWING.
  return (
    first !== last && (first.compareDocumentPosition(node) & 4) !== 0 && (node.compareDocumentPosition(last) & 4) !== 0
  );
}

/** A live Range for measuring (StaticRanges have no geometry). */
export function liveRange(doc: Document, r: AbstractRange): Range | null {
  try {
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null; // the text changed under the mention; its block will be rescanned
  }
}

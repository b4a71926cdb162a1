/**
 * The mentions currently marked on a page, with the DOM ranges they map to. It answers
 * the question the reader's hover asks: which mention is at this text position. (Which
 * comes next in reading order and how often each entity appears are asked in
 * page-navigation.ts, on demand.)
 * Ranges are StaticRanges: the page's DOM never has to keep them up to date (a changed
 * block is rescanned and its mentions replaced), which keeps mutations cheap.
 */
import type { EntityKind } from '../../engine/types';

export interface PageMention {
  entity: number;
  kind: EntityKind;
  block: number;
  range: StaticRange;
  /** The block element the mention's text belongs to (`Mark.holder`). */
  holder: Element;
}

export class MentionIndex {
  readonly #byBlock = new Map<number, PageMention[]>();
  /** Text node → mentions touching it, for hit testing from a caret position. */
  readonly #byNode = new WeakMap<Node, PageMention[]>();
  readonly #byRange = new WeakMap<AbstractRange, PageMention>();
  /** Changes with every change of the mentions (for caches of what is derived from them). */
  version = 0;

  setBlock(block: number, mentions: PageMention[]): PageMention[] {
    const previous = this.removeBlock(block);
    if (mentions.length) this.#byBlock.set(block, mentions);
    for (const m of mentions) {
      this.#byRange.set(m.range, m);
      for (const node of nodesOf(m.range)) {
        const list = this.#byNode.get(node);
        if (list) list.push(m);
        else this.#byNode.set(node, [m]);
      }
    }
    this.version++;
    return previous;
  }

  removeBlock(block: number): PageMention[] {
    const previous = this.#byBlock.get(block) ?? [];
    for (const m of previous) {
      for (const node of nodesOf(m.range)) {
        const list = this.#byNode.get(node);
        if (!list) continue;
        const rest = list.filter((x) => x !== m);
        if (rest.length) this.#byNode.set(node, rest);
        else this.#byNode.delete(node);
      }
    }
    this.#byBlock.delete(block);
    this.version++;
    return previous;
  }

  forRange(range: AbstractRange): PageMention | undefined {
    return this.#byRange.get(range);
  }

  /**
   * The mention covering a caret position (node, offset), if any; inside an event phrase,
   * the name there rather than the phrase ("Soleimani" in "Soleimani's killing"). A
   * block's mentions come outer first, so the last that covers it is the innermost.
   */
  at(node: Node, offset: number): PageMention | undefined {
    let found: PageMention | undefined;
    for (const m of this.#byNode.get(node) ?? []) {
      const r = m.range;
      const afterStart = node !== r.startContainer || offset >= r.startOffset;
      const beforeEnd = node !== r.endContainer || offset < r.endOffset;
      if (afterStart && beforeEnd) found = m;
    }
    return found;
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
 * The text nodes a mention covers, the ones between its ends included ("<a>Asim</a>
 * <b>Munir</b>" has a space node between), so the caret anywhere on it finds it.
 */
function nodesOf(range: AbstractRange): Node[] {
  const first = range.startContainer;
  const last = range.endContainer;
  if (first === last) return [first];
  const nodes: Node[] = [first];
  // Document order, bounded by the mention's length: a name spans a handful of nodes.
  for (let n = following(first); n && n !== last && nodes.length < 64; n = following(n)) {
    if (n.nodeType === 3) nodes.push(n);
  }
  nodes.push(last);
  return nodes;
}

function following(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
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

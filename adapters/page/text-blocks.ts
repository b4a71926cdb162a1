/**
 * Page text as the detection engine sees it: blocks of paragraph-level text, each
 * assembled from the text nodes of one block element's inline content, so
 * "Operation <em>Sindoor</em>" and "<a>Asim</a> Munir" read as one phrase. Each block
 * keeps a segment map back to its text nodes, so a detected span becomes a DOM range.
 *
 * Standard DOM API only (firstChild / nextSibling / parentNode): it runs unchanged in
 * the browser, in happy-dom and in linkedom. A hand-rolled walk rather than a filtered
 * TreeWalker because linkedom's TreeWalker ignores filters, and because leaving an
 * element (which ends a block) is explicit here. One pass, no allocation per node
 * beyond the segment entry of each text node kept.
 */

/** A text node and where its data starts in its block's text. */
export interface TextSegment {
  node: Text;
  start: number;
}

/** One block of page text; `key` orders blocks in document order. */
export interface PageBlock {
  key: number;
  text: string;
  /** Sorted by start; contiguous: each node's data fills the text up to the next start. */
  segments: TextSegment[];
}

export interface DomSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export interface TextBlockOptions {
  /**
   * Whether an element is not rendered. The browser passes a computed-style check
   * (e.g. `el => !el.checkVisibility()`); the default reads attributes and inline style.
   */
  isHidden?: (el: Element) => boolean;
  /** Extra elements to leave out, such as the extension's own UI. */
  skip?: (el: Element) => boolean;
  /** Whether an element starts a new block; the default goes by tag name. */
  isBlock?: (el: Element) => boolean;
  /** Key of the first block; later blocks count up from it. Default 0. */
  firstKey?: number;
  /**
   * Told of each open shadow root the walk enters (the scanner watches them): found on
   * the way, instead of a second search of the subtree.
   */
  onShadowRoot?: (root: ShadowRoot) => void;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Elements whose text is not prose a reader hovers: code, form controls, media, and
 * preformatted text (on news pages `pre` nearly always holds code or data).
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'code',
  'pre',
  'kbd',
  'samp',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

/** Elements laid out as blocks by default, so their content never runs into a neighbour's. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Hidden by markup alone: what can be known without a layout engine. */
export function isHiddenByAttributes(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Whether an element starts a block by its tag (the default of `isBlock`). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/** Marked up as not for reading: `hidden`, `aria-hidden="true"`, or editable content. */
function isExcludedByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Only white space (spaces, tabs, line breaks, no-break spaces): the indentation between tags. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 0xa0) return false;
  }
  return true;
}

class BlockBuilder {
  readonly blocks: PageBlock[] = [];
  #parts: string[] = [];
  #segments: TextSegment[] = [];
  #length = 0;
  #hasContent = false;

  constructor(private key: number) {}

  text(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    if (!this.#hasContent) {
      // Leading whitespace nodes (indentation between tags) never start a block.
      if (isBlank(data)) return;
      this.#hasContent = true;
    }
    this.#segments.push({ node, start: this.#length });
    this.#parts.push(data);
    this.#length += data.length;
  }

  flush(): void {
    if (this.#hasContent) {
      this.blocks.push({ key: this.key++, text: this.#parts.join(''), segments: this.#segments });
      this.#parts = [];
      this.#segments = [];
    }
    this.#length = 0;
    this.#hasContent = false;
  }
}

/**
 * The text blocks under `root` (an element, document or shadow root) in document
 * order. Descends into open shadow roots, which read as blocks of their own.
 */
export function collectTextBlocks(root: Node, options: TextBlockOptions = {}): PageBlock[] {
  const isHidden = options.isHidden ?? isHiddenByAttributes;
  const skip = options.skip;
  const customBlock = options.isBlock;
  const onShadowRoot = options.onShadowRoot;
  const builder = new BlockBuilder(options.firstKey ?? 0);
  // Each DOM read is a call into the browser: an element's name is read once, its
  // attributes only if it has any (one call; most elements of an article carry none),
  // and whether it is a block is remembered (per depth) until the walk leaves it.
  /** Elements read: not a skipped tag, not excluded by markup, nor by the caller. */
  const accept = (el: Element, name: string): boolean => {
    if (SKIPPED_TAGS.has(name)) return false;
    const attributes = el.hasAttributes();
    if (attributes && isExcludedByAttributes(el)) return false;
    if (skip && skip(el)) return false;
    return isHidden === isHiddenByAttributes ? !attributes || !isHidden(el) : !isHidden(el);
  };
  const blockAt = (el: Element, name: string): boolean => (customBlock ? customBlock(el) : BLOCK_TAGS.has(name));

  const walk = (top: Node): void => {
    /** Whether each element the walk is inside (below `top`) is a block, by depth. */
    const blocks: boolean[] = [];
    let depth = 0;
    let node: Node | null = top.firstChild;
    while (node) {
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        builder.text(node as Text);
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const name = el.localName;
        if (accept(el, name)) {
          const block = blockAt(el, name);
          if (block || name === 'br') builder.flush();
          const shadow = el.shadowRoot;
          if (shadow) {
            onShadowRoot?.(shadow);
            builder.flush();
            walk(shadow);
            builder.flush();
          }
          const first = el.firstChild;
          if (first) {
            blocks[depth++] = block;
            node = first;
            continue;
          }
          // Leaving an empty element: a block ends its block.
          if (block) builder.flush();
        }
      }
      // Next node in document order after this one's subtree, leaving (and closing) ancestors.
      let next: Node | null = node.nextSibling;
      while (!next && depth > 0) {
        node = node.parentNode!;
        if (blocks[--depth]) builder.flush();
        next = node.nextSibling;
      }
      node = next;
    }
  };

  if (root.nodeType === ELEMENT_NODE && !accept(root as Element, (root as Element).localName)) return [];
  if (root.nodeType === TEXT_NODE) builder.text(root as Text);
  else {
    const shadow = root.nodeType === ELEMENT_NODE ? (root as Element).shadowRoot : null;
    if (shadow) {
      onShadowRoot?.(shadow);
      walk(shadow);
      builder.flush();
    }
    walk(root);
  }
  builder.flush();
  return builder.blocks;
}

/** Index of the last segment whose start is <= offset (or < offset when `strict`). */
function segmentAt(segments: TextSegment[], offset: number, strict: boolean): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!.start;
    if (strict ? s < offset : s <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Maps a span of a block's text to DOM positions. A span starting exactly at a node
 * boundary starts in the later node and one ending there ends in the earlier node,
 * so a range never reaches into a neighbour it does not cover. Returns null when the
 * span is outside the block or the nodes have since changed length.
 */
export function spanToDom(block: PageBlock, start: number, end: number): DomSpan | null {
  const segs = block.segments;
  if (segs.length === 0 || start < 0 || end < start || end > block.text.length) return null;
  const a = segs[segmentAt(segs, start, false)]!;
  const b = segs[end === 0 ? 0 : segmentAt(segs, end, true)]!;
  const startOffset = start - a.start;
  const endOffset = end - b.start;
  if (startOffset > a.node.length || endOffset > b.node.length) return null;
  return { startNode: a.node, startOffset, endNode: b.node, endOffset };
}

/** Separator between blocks when a page's text is shown as one string (CLI, tests). */
export const BLOCK_SEPARATOR = '\n\n';

/** The blocks as one text, with each block's offset in it. */
export function joinBlocks(blocks: readonly PageBlock[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    offsets.push(at);
    at += b.text.length + BLOCK_SEPARATOR.length;
  }
  return { text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR), offsets };
}

/**
 * Marks mentions with the CSS Custom Highlight API: per entity kind a visible mark and a
 * quiet one, plus one for the mention the keyboard is on. Nothing is inserted into the
 * page's DOM: the ranges live in the browser's highlight registry and the `::highlight()`
 * rules go in through `document.adoptedStyleSheets`, which a page's MutationObserver
 * cannot see and a strict style-src CSP does not block. Where the API is missing (older
 * browsers), `supported` is false and callers still offer cards on hover, without marks.
 *
 * Quiet by default (`MarkMode` 'first'): the first mention of each entity in each part of
 * the page (the article, a rail, a header) gets the visible mark, later ones a faint
 * underline; 'all' marks every mention, 'none' marks nothing (cards still open on hover).
 * Once the page's main article is known (main-article.ts), first mentions outside it
 * (rails, menus, footers) stay faint too.
 */
import { ENTITY_KINDS as KINDS, type EntityKind } from '../../engine/types';
import type { MarkMode } from '../extension/settings';
export const HIGHLIGHT_PREFIX = 'backstory-';
/** Suffix of a kind's quiet highlight: `backstory-person-quiet`. */
export const QUIET_SUFFIX = '-quiet';
const CURRENT = `${HIGHLIGHT_PREFIX}current`;

/**
 * Quiet marks: a faint tint and a dotted underline in the kind's hue; later mentions only
 * a fainter underline. Translucent colours keep the text readable on light and dark pages
 * alike; the page's own text colour is never changed. The keyboard's current mention gets
 * a stronger amber.
 */
export const HUES: Record<EntityKind, string> = {
  // The light hues of the kinds' colours in components/card/card.css (a test keeps them equal).
  person: '47,111,214',
  organisation: '138,79,199',
  event: '200,84,27',
  agreement: '17,135,111',
  place: '138,109,18',
};
const RULES =
  KINDS.map(
    (k) =>
      `::highlight(${HIGHLIGHT_PREFIX}${k}){background-color:rgba(${HUES[k]},.15);text-decoration:underline dotted rgba(${HUES[k]},.85)}` +
      `::highlight(${HIGHLIGHT_PREFIX}${k}${QUIET_SUFFIX}){text-decoration:underline dotted rgba(${HUES[k]},.45)}`,
  ).join('') +
  `::highlight(${CURRENT}){background-color:rgba(245,176,45,.55);text-decoration:underline solid rgb(200,120,0)}`;

/** The parts of a page whose first mentions each get a visible mark. */
const PART = 'article,section,aside,nav,header,footer,main';

export interface Mark {
  entity: number;
  kind: EntityKind;
  range: AbstractRange;
  /**
   * The block element whose text holds the mark (the scanner's owner): which part of the
   * page it is in is asked of it, once per block, not of the range's node per mark.
   */
  holder: Element;
}

interface HighlightRegistry {
  set(name: string, highlight: Highlight): void;
  delete(name: string): boolean;
}

export class Highlighter {
  readonly supported: boolean;
  readonly #loud = new Map<EntityKind, Highlight>();
  readonly #quiet = new Map<EntityKind, Highlight>();
  #current: Highlight | null = null;
  #sheet: CSSStyleSheet | null = null;
  #mode: MarkMode = 'first';
  /** Marks by entity and page part, the first in reading order first. */
  readonly #groups = new Map<number, Mark[]>();
  readonly #parts = new WeakMap<Element, number>();
  #nextPart = 1;
  /** The page's main article; null: the whole page reads as one. */
  article: Element | null = null;
  /** Whether the element holding a mark's text is outside the article (one lookup per element). */
  #outside = new WeakMap<Element, boolean>();
  /**
   * After any change to the page or to the marks, the browser rebuilds every registered
   * range before it paints (on a 1 MB page, 4,000 ranges: a 40–50 ms frame, again with
   * each change the page makes). So a mark is registered only while the block holding it
   * is within a screen of the viewport (`#near`); the others wait, by block (`#held`).
   */
  #watch: IntersectionObserver | null = null;
  #near = new WeakSet<Element>();
  #held = new WeakMap<Element, Mark[]>();

  constructor(private readonly doc: Document) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.supported = !!win && typeof win.Highlight === 'function' && !!registry(win);
  }

  /** Registers the highlights and their style; call once before adding marks. */
  attach(): void {
    if (!this.supported || this.#sheet) return;
    const win = this.doc.defaultView as Window & typeof globalThis;
    const reg = registry(win)!;
    for (const kind of KINDS) {
      for (const [map, suffix] of [
        [this.#loud, ''],
        [this.#quiet, QUIET_SUFFIX],
      ] as const) {
        const highlight = new win.Highlight();
        // A name inside an event phrase paints over the phrase.
        highlight.priority = kind === 'event' || kind === 'agreement' ? 1 : 2;
        map.set(kind, highlight);
        reg.set(HIGHLIGHT_PREFIX + kind + suffix, highlight);
      }
    }
    this.#current = new win.Highlight();
    this.#current.priority = 3;
    reg.set(CURRENT, this.#current);
    if (win.IntersectionObserver)
      this.#watch = new win.IntersectionObserver(
        (entries) => {
          for (const { target, isIntersecting, boundingClientRect } of entries) {
            const held = this.#held.get(target) ?? [];
            // A block with no box of its own (display: contents) never intersects: its marks stay registered.
            if (isIntersecting || !boundingClientRect.height) {
              const fresh = !this.#near.has(target);
              this.#near.add(target);
              for (const m of held) this.#show(m, this.#groups.get(this.#keyOf(m))?.[0] === m, fresh);
            }
            // Only a block that was near has marks to take out.
            else if (this.#near.delete(target)) for (const m of held) this.#hide(m);
          }
        },
        { rootMargin: '100% 0px' },
      );
    this.#sheet = new win.CSSStyleSheet();
    this.#sheet.replaceSync(RULES);
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.#sheet];
  }

  add(mark: Mark): void {
    if (!this.#sheet) return;
    const key = this.#keyOf(mark);
    const group = this.#groups.get(key);
    if (!group) this.#groups.set(key, [mark]);
    else if (before(mark, group[0]!)) {
      // The first in reading order leads its group: the one it displaces turns quiet.
      group.unshift(mark);
      this.#show(group[1]!, false);
    } else group.push(mark);
    this.#show(mark, this.#groups.get(key)![0] === mark, true);
    // Held once it has its place: a block found near shows its marks as their groups say.
    const held = this.#held.get(mark.holder);
    if (held) held.push(mark);
    else {
      this.#held.set(mark.holder, [mark]);
      this.#watch?.observe(mark.holder);
    }
  }

  remove(mark: Mark): void {
    if (this.#isNear(mark.holder)) this.#hide(mark);
    const held = this.#held.get(mark.holder);
    if (held?.includes(mark)) {
      held.splice(held.indexOf(mark), 1);
      if (!held.length) {
        this.#held.delete(mark.holder);
        this.#watch?.unobserve(mark.holder);
      }
    }
    const key = this.#keyOf(mark);
    const group = this.#groups.get(key);
    const at = group ? group.indexOf(mark) : -1;
    if (at < 0) return;
    group!.splice(at, 1);
    if (!group!.length) this.#groups.delete(key);
    else if (at === 0) {
      let next = 0;
      group!.forEach((m, i) => before(m, group![next]!) && (next = i));
      group!.unshift(...group!.splice(next, 1));
      this.#show(group![0]!, true);
    }
  }

  /** Switches between all, first mentions and no visible marks, at once. */
  setMode(mode: MarkMode): void {
    if (mode === this.#mode) return;
    this.#mode = mode;
    this.#showAll();
  }

  /** The page's main article: first mentions outside it turn faint (null: none do). */
  setArticle(article: Element | null): void {
    if (article === this.article) return;
    this.article = article;
    this.#outside = new WeakMap();
    this.#showAll();
  }

  #showAll(): void {
    for (const group of this.#groups.values()) group.forEach((m, i) => this.#show(m, i === 0));
  }

  /** Marks the one mention the keyboard is on (or none). */
  setCurrent(range: AbstractRange | null): void {
    if (!this.#current) return;
    this.#current.clear();
    if (range) this.#current.add(range);
  }

  /** Removes every mark and the style sheet: the page looks as it did before. */
  detach(): void {
    if (!this.#sheet) return;
    const reg = registry(this.doc.defaultView as Window & typeof globalThis);
    for (const kind of KINDS) {
      reg?.delete(HIGHLIGHT_PREFIX + kind);
      reg?.delete(HIGHLIGHT_PREFIX + kind + QUIET_SUFFIX);
    }
    reg?.delete(CURRENT);
    this.#loud.clear();
    this.#quiet.clear();
    this.#groups.clear();
    this.#watch?.disconnect();
    this.#watch = null;
    this.#near = new WeakSet();
    this.#held = new WeakMap();
    this.article = null;
    this.#current = null;
    const sheet = this.#sheet;
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    this.#sheet = null;
  }

  /**
   * Puts a mark in the highlight its mode and place (`first` of its group or not) call for.
   * A mark whose block is far is in neither: it never went in while the block was far, and
   * the block's move away took its marks out (`#hide`). So far marks cost no call into the
   * browser here, and most marks of a long page are far. A `fresh` mark (new, or its block
   * just came near) is in neither yet: it only goes in.
   */
  #show(mark: Mark, first: boolean, fresh = false): void {
    if (!this.#isNear(mark.holder)) return;
    if (first && this.article?.isConnected) first = !this.#isOutside(mark.holder);
    const visible = this.#mode === 'all' || (this.#mode === 'first' && first);
    const faint = this.#mode === 'first' && !first;
    const loud = this.#loud.get(mark.kind);
    const quiet = this.#quiet.get(mark.kind);
    if (visible) loud?.add(mark.range);
    else if (!fresh) loud?.delete(mark.range);
    if (faint) quiet?.add(mark.range);
    else if (!fresh) quiet?.delete(mark.range);
  }

  #hide(mark: Mark): void {
    this.#loud.get(mark.kind)?.delete(mark.range);
    this.#quiet.get(mark.kind)?.delete(mark.range);
  }

  #isNear(holder: Element): boolean {
    return !this.#watch || this.#near.has(holder);
  }

  #isOutside(holder: Element): boolean {
    let outside = this.#outside.get(holder);
    if (outside === undefined) this.#outside.set(holder, (outside = !this.article!.contains(holder)));
    return outside;
  }

  /** A number, not a string: a key per mark made a string per mark. Entity indices stay below 2^21. */
  #keyOf(mark: Mark): number {
    return this.#partOf(mark.holder) * 0x200000 + mark.entity;
  }

  /** The page part a mark is in, by the block holding its text (one lookup per block). */
  #partOf(holder: Element): number {
    let id = this.#parts.get(holder);
    if (id === undefined) {
      const part = holder.closest(PART);
      id = part ? (this.#parts.get(part) ?? this.#nextPart++) : 0;
      if (part) this.#parts.set(part, id);
      this.#parts.set(holder, id);
    }
    return id;
  }
}

/**
 * Whether mark `a` starts before mark `b` in the document. Marks of two blocks neither of
 * which holds the other come in their blocks' order: asked of the blocks, the marks'
 * ranges are not made (they are made on demand, mention-index.ts).
 */
function before(a: Mark, b: Mark): boolean {
  if (a.holder !== b.holder) {
    const position = a.holder.compareDocumentPosition(b.holder);
    if (!(position & 24)) return (position & 4) !== 0; // not 8|16 (one contains the other); 4: b FOLLOWING a
  }
  const r = a.range;
  const s = b.range;
  if (r.startContainer === s.startContainer) return r.startOffset < s.startOffset;
  return (r.startContainer.compareDocumentPosition(s.startContainer) & 4) !== 0;
}

function registry(win: Window & typeof globalThis): HighlightRegistry | null {
  const css = win.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  return css?.highlights ?? null;
}

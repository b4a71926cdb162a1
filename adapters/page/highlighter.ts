/**
 * Marks mentions with the CSS Custom Highlight API: one highlight per entity kind, plus
 * one for the mention the keyboard is on. Nothing is inserted into the page's DOM: the
 * ranges live in the browser's highlight registry and the `::highlight()` rules go in
 * through `document.adoptedStyleSheets`, which a page's MutationObserver cannot see and
 * a strict style-src CSP does not block. Where the API is missing (older browsers),
 * `supported` is false and callers still offer cards on hover, without marks.
 */
import { ENTITY_KINDS as KINDS, type EntityKind } from '../../engine/types';
export const HIGHLIGHT_PREFIX = 'backstory-';
const CURRENT = `${HIGHLIGHT_PREFIX}current`;

/**
 * Quiet marks: a faint tint and a dotted underline in the kind's hue. Translucent
 * colours keep the text readable on light and dark pages alike; the page's own text
 * colour is never changed. The keyboard's current mention gets a stronger amber.
 */
const HUES: Record<EntityKind, string> = {
  person: '64,124,230',
  organisation: '150,90,210',
  event: '220,100,40',
  agreement: '20,150,120',
  place: '170,135,20',
};
const RULES =
  KINDS.map(
    (k) =>
      `::highlight(${HIGHLIGHT_PREFIX}${k}){background-color:rgba(${HUES[k]},.15);text-decoration:underline dotted rgba(${HUES[k]},.85)}`,
  ).join('') +
  `::highlight(${CURRENT}){background-color:rgba(245,176,45,.55);text-decoration:underline solid rgb(200,120,0)}`;

interface HighlightRegistry {
  set(name: string, highlight: Highlight): void;
  delete(name: string): boolean;
}

export class Highlighter {
  readonly supported: boolean;
  private readonly byKind = new Map<EntityKind, Highlight>();
  private current: Highlight | null = null;
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly doc: Document) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.supported = !!win && typeof win.Highlight === 'function' && !!registry(win);
  }

  /** Registers the highlights and their style; call once before adding ranges. */
  attach(): void {
    if (!this.supported || this.sheet) return;
    const win = this.doc.defaultView as Window & typeof globalThis;
    const reg = registry(win)!;
    for (const kind of KINDS) {
      const highlight = new win.Highlight();
      // A name inside an event phrase paints over the phrase (and highlightsFromPoint lists it first).
      highlight.priority = kind === 'event' || kind === 'agreement' ? 1 : 2;
      this.byKind.set(kind, highlight);
      reg.set(HIGHLIGHT_PREFIX + kind, highlight);
    }
    this.current = new win.Highlight();
    this.current.priority = 3;
    reg.set(CURRENT, this.current);
    this.sheet = new win.CSSStyleSheet();
    this.sheet.replaceSync(RULES);
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }

  add(kind: EntityKind, range: AbstractRange): void {
    this.byKind.get(kind)?.add(range);
  }

  remove(kind: EntityKind, range: AbstractRange): void {
    this.byKind.get(kind)?.delete(range);
  }

  /** Marks the one mention the keyboard is on (or none). */
  setCurrent(range: AbstractRange | null): void {
    if (!this.current) return;
    this.current.clear();
    if (range) this.current.add(range);
  }

  /** Removes every mark and the style sheet: the page looks as it did before. */
  detach(): void {
    if (!this.sheet) return;
    const reg = registry(this.doc.defaultView as Window & typeof globalThis);
    for (const kind of KINDS) reg?.delete(HIGHLIGHT_PREFIX + kind);
    reg?.delete(CURRENT);
    this.byKind.clear();
    this.current = null;
    const sheet = this.sheet;
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    this.sheet = null;
  }
}

function registry(win: Window & typeof globalThis): HighlightRegistry | null {
  const css = win.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  return css?.highlights ?? null;
}

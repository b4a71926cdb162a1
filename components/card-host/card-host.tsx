/**
 * The one element Backstory adds to a page: `<backstory-card>`, with an open shadow
 * root that holds the card. Shown as a manual popover, so it sits in the top layer
 * where no page z-index, overflow or transform can hide or clip it. The page's styles
 * cannot reach inside the shadow root, and the rules on `:host` are `!important`,
 * which inside a shadow root beat even a page's `* { all: unset !important }`. The
 * card's position is set on a container inside the shadow root for the same reason.
 * It lives in the card UI bundle, loaded on the first hover (see card-ui-contract.ts).
 */
import { render } from 'preact';
import { CardBrowser } from '../card/CardBrowser';
import { trapTab } from '../focus-trap';
import { STRINGS } from '../strings';
import cardCss from '../card/card.css?inline';
import { CARD_WIDTH, EDGE, SHEET_BELOW_WIDTH, placeCard } from '../../adapters/page/card-placement';
import { pageThemeAt } from '../../adapters/page/page-theme';
import { liveRange } from '../../adapters/page/mention-index';
import {
  CARD_HOST_TAG,
  type CardActions,
  type CardHooks,
  type CardHostApi,
  type CardRef,
  type OpenOptions,
} from '../../adapters/page/card-ui-contract';

const HOST_CSS = `
:host { all: initial !important; direction: ltr !important; unicode-bidi: isolate !important;
  position: fixed !important; inset: 0 !important;
  width: 100vw !important; height: 100vh !important; max-width: none !important; max-height: none !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; background: transparent !important;
  overflow: visible !important; pointer-events: none !important; z-index: 2147483647 !important;
  transform: none !important; filter: none !important; opacity: 1 !important; visibility: visible !important; }
:host(:not(:popover-open):not([data-fallback-open])) { display: none !important; }
:host(:popover-open), :host([data-fallback-open]) { display: block !important; }
.bs-frame { position: absolute; box-sizing: border-box; pointer-events: auto; overflow: auto; overscroll-behavior: contain;
  border-radius: 12px; border: 1px solid rgba(20, 30, 50, 0.16);
  box-shadow: 0 12px 32px rgba(15, 23, 42, 0.22), 0 2px 6px rgba(15, 23, 42, 0.12);
  background: #fff; color-scheme: light; }
.bs-frame[data-side="sheet"] { border-radius: 14px 14px 0 0; }
.bs-frame[data-more]::after { content: attr(data-more); position: sticky; bottom: 0; display: block; box-sizing: border-box;
  height: 36px; margin-top: -36px; padding: 16px 16px 0; text-align: center; cursor: pointer;
  font: 600 12px/1 system-ui, sans-serif; color: #1c5bb8; background: linear-gradient(rgba(255, 255, 255, 0), #fff 55%); }
.bs-frame[data-theme="dark"][data-more]::after { color: #8cb6ff; background: linear-gradient(rgba(27, 30, 36, 0), #1b1e24 55%); }
.bs-frame[data-theme="dark"] { background: #1b1e24; border-color: rgba(255, 255, 255, 0.24); color-scheme: dark;
  box-shadow: 0 12px 32px rgba(0, 0, 0, 0.6), 0 0 0 1px rgba(0, 0, 0, 0.4); }
@media (prefers-reduced-motion: no-preference) {
  .bs-frame { animation: bs-in 120ms ease-out; }
  @keyframes bs-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;

/**
 * The part of the page on screen, in layout-viewport coordinates (`left`, `top`: where it
 * starts), its size in screen pixels, and the pinch-zoom scale between the two.
 */
function visibleArea(win: Window): { left: number; top: number; width: number; height: number; scale: number } {
  const vv = win.visualViewport;
  const scale = vv?.scale;
  if (!vv || !scale || !Number.isFinite(scale) || scale <= 0 || vv.width <= 0 || vv.height <= 0) {
    return { left: 0, top: 0, width: win.innerWidth, height: win.innerHeight, scale: 1 };
  }
  return { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width * scale, height: vv.height * scale, scale };
}

export class CardHost implements CardHostApi {
  private host: HTMLElement | null = null;
  private frame: HTMLDivElement | null = null;
  private zoomSheet: CSSStyleSheet | null = null;
  private zoomRule = '';
  private options: OpenOptions | null = null;
  private returnFocus: Element | null = null;
  private openedAt = 0;
  private frameRequest = 0;
  private readonly reposition = () => this.schedulePlacement();

  constructor(
    private readonly doc: Document,
    private readonly actions: CardActions,
    private readonly hooks: CardHooks,
  ) {}

  get isOpen(): boolean {
    return this.options !== null;
  }

  /** True when `node` is the card host (events from inside the shadow root retarget to it). */
  contains(node: EventTarget | null): boolean {
    return !!this.host && node === this.host;
  }

  open(entity: CardRef, options: OpenOptions): void {
    const frame = this.ensureHost();
    if (!this.options) this.returnFocus = options.focus ? this.doc.activeElement : null;
    this.options = options;
    this.openedAt = performance.now();
    // The card takes the page's own light or dark, read behind the mention.
    const at = options.range.startContainer;
    frame.dataset.theme = pageThemeAt(at.nodeType === Node.ELEMENT_NODE ? (at as Element) : at.parentElement);
    this.show();
    const correction = this.actions.correction?.(entity);
    render(
      <CardBrowser
        key={this.openedAt}
        entityId={entity}
        {...(correction
          ? {
              correction: {
                ...correction,
                // Either way the card's mark is gone: so is the card.
                unlink: () => (correction.unlink(), this.close()),
                mute: (everywhere: boolean) => (correction.mute(everywhere), this.close()),
              },
            }
          : {})}
        loadView={this.actions.loadView}
        onShowTimeline={this.actions.showTimeline}
        onSearch={this.actions.search}
        idPrefix="backstory-card"
        onRendered={() => {
          this.place();
          if (options.focus) this.focusCard();
        }}
      />,
      frame,
    );
    this.place();
  }

  prefetch(entity: CardRef): void {
    void this.actions.loadView(entity);
  }

  close(): void {
    if (!this.options || !this.host || !this.frame) return;
    this.options = null;
    this.removeListeners();
    render(null, this.frame);
    if (this.host.matches(':popover-open')) this.host.hidePopover();
    this.host.removeAttribute('data-fallback-open');
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    this.hooks.onClose();
  }

  /** Removes the host element: the page's DOM is as it was before Backstory. */
  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.frame = null;
    this.zoomSheet = null;
  }

  private ensureHost(): HTMLDivElement {
    if (this.host && this.frame && this.host.isConnected) return this.frame;
    // Made in a document of its own, which has no custom elements: a page that defines
    // <backstory-card> itself (and gives it a shadow root) would otherwise get its
    // constructor run on our element, and our attachShadow would throw, leaving no card.
    // Inserted with our shadow root already attached, the page's constructor is what
    // fails, and the card works.
    const host = this.doc.implementation.createHTMLDocument('').createElement(CARD_HOST_TAG);
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'open' });
    const frame = this.doc.createElement('div');
    frame.className = 'bs-frame';
    frame.setAttribute('role', 'dialog');
    frame.setAttribute('aria-modal', 'false');
    frame.addEventListener('pointerenter', () => this.hooks.onPointerEnter());
    frame.addEventListener('pointerleave', () => this.hooks.onPointerLeave());
    frame.addEventListener('keydown', (event) => this.onKeyDown(event));
    // "More ↓" says the card continues below; a click on it scrolls on.
    frame.addEventListener('scroll', () => this.markMore(), { passive: true });
    frame.addEventListener('toggle', () => requestAnimationFrame(() => this.markMore()), { capture: true });
    frame.addEventListener('click', (event) => {
      if (event.target === frame && frame.dataset.more && event.clientY > frame.getBoundingClientRect().bottom - 36)
        frame.scrollBy({ top: frame.clientHeight * 0.75, behavior: 'smooth' });
      else requestAnimationFrame(() => this.markMore());
    });
    shadow.append(frame);
    (this.doc.body ?? this.doc.documentElement).append(host);
    // Constructed sheets can only be adopted in the document they were made for: the
    // host belongs to the page's document from here on.
    const win = this.doc.defaultView as Window & typeof globalThis;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HOST_CSS + cardCss);
    this.zoomSheet = new win.CSSStyleSheet();
    this.zoomRule = '';
    shadow.adoptedStyleSheets = [sheet, this.zoomSheet];
    this.host = host;
    this.frame = frame;
    return frame;
  }

  private show(): void {
    const host = this.host!;
    if (typeof host.showPopover === 'function') {
      if (!host.matches(':popover-open')) host.showPopover();
    } else {
      host.setAttribute('data-fallback-open', '');
    }
    this.addListeners();
  }

  /** Ends the listeners that follow the open card (scroll, resize, pinch). */
  private following: AbortController | null = null;

  private addListeners(): void {
    const win = this.doc.defaultView!;
    this.following?.abort();
    this.following = new AbortController();
    const options = { passive: true, signal: this.following.signal };
    win.addEventListener('scroll', this.reposition, { ...options, capture: true });
    win.addEventListener('resize', this.reposition, options);
    // Pinching and panning move the visual viewport without a window scroll or resize.
    win.visualViewport?.addEventListener('resize', this.reposition, options);
    win.visualViewport?.addEventListener('scroll', this.reposition, options);
  }

  private removeListeners(): void {
    this.following?.abort();
    this.following = null;
    cancelAnimationFrame(this.frameRequest);
  }

  private schedulePlacement(): void {
    cancelAnimationFrame(this.frameRequest);
    this.frameRequest = requestAnimationFrame(() => this.place());
  }

  private place(): void {
    const frame = this.frame;
    const options = this.options;
    if (!frame || !options) return;
    const win = this.doc.defaultView!;
    // Placement works in screen pixels over the visual viewport: what the reader sees.
    // Pinch-zoomed (on a phone, most often), the visible area is part of the layout
    // viewport, magnified; laid out against the layout viewport the card was magnified
    // too, and often placed outside the visible part, so a tap showed nothing.
    const screen = visibleArea(win);
    this.unzoom(screen.scale);
    const range = liveRange(this.doc, options.range);
    const seen = range && (range.getClientRects()[0] ?? range.getBoundingClientRect());
    const anchor = seen && {
      left: (seen.left - screen.left) * screen.scale,
      top: (seen.top - screen.top) * screen.scale,
      width: seen.width * screen.scale,
      height: seen.height * screen.scale,
    };
    const viewport = { width: screen.width, height: screen.height };
    if (!anchor || anchor.top + anchor.height < 0 || anchor.top > viewport.height) {
      // The mention scrolled out of view: a card pointing at nothing only gets in the way.
      if (!frame.contains(this.doc.activeElement) && !frame.matches(':focus-within')) this.close();
      return;
    }
    frame.style.maxHeight = '';
    frame.style.width = '';
    const width = viewport.width < SHEET_BELOW_WIDTH ? viewport.width : Math.min(CARD_WIDTH, viewport.width - 2 * EDGE);
    frame.style.width = `${width}px`;
    const text = range.startContainer.parentElement;
    const rtl = !!text && win.getComputedStyle(text).direction === 'rtl';
    const placement = placeCard(anchor, frame.scrollHeight + 2, viewport, rtl);
    frame.dataset.side = placement.side;
    // The frame's pixels are screen pixels (the host's zoom undoes the pinch); its
    // containing block starts at the layout viewport's corner, `screen.scale` times
    // nearer in these pixels.
    frame.style.left = `${placement.left + screen.left * screen.scale}px`;
    frame.style.top = `${placement.top + screen.top * screen.scale}px`;
    frame.style.width = `${placement.width}px`;
    frame.style.maxHeight = `${placement.maxHeight}px`;
    this.markMore();
  }

  /** Marks a card that continues below what is in view (a fade and "More ↓", not a scrollbar alone). */
  private markMore(): void {
    const frame = this.frame;
    if (!frame) return;
    if (frame.scrollHeight - frame.scrollTop - frame.clientHeight > 4) frame.dataset.more = STRINGS.card.moreBelow;
    else delete frame.dataset.more;
  }

  /**
   * CSS `zoom` multiplies down the tree, and `all: initial` does not reset it: a page's
   * `html { zoom: 1.25 }` scaled the card and every pixel of its placement (computed in
   * viewport pixels), pushing it off screen, and a rule giving the host its own zoom
   * shrank it. The host takes the inverse of its parent's zoom, `!important` inside the
   * shadow root (which no page rule beats), so the card's zoom is 1 whatever the page does,
   * and the inverse of the pinch zoom, so it keeps its size on screen.
   */
  private unzoom(pinch: number): void {
    const parent = this.host?.parentElement as (Element & { currentCSSZoom?: number }) | null | undefined;
    const css = parent?.currentCSSZoom;
    const zoom = (css && css > 0 && Number.isFinite(css) ? css : 1) * pinch;
    const rule = `:host { zoom: ${1 / zoom} !important; }`;
    if (rule === this.zoomRule) return;
    this.zoomRule = rule;
    this.zoomSheet?.replaceSync(rule);
  }

  private focusCard(): void {
    const frame = this.frame;
    if (!frame || frame.matches(':focus-within')) return;
    const heading = frame.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
      return;
    }
    if (event.key === 'Tab' && this.frame) {
      // Keep Tab inside the card while it is open, as a dialog does.
      const root = this.frame.getRootNode();
      trapTab(event, this.frame, root instanceof ShadowRoot ? root.activeElement : null);
    }
  }
}

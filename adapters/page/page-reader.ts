/**
 * The content script's conductor: decides whether Backstory is on for this site, runs
 * the scanner, turns pointer, touch and keyboard input into cards, and answers the
 * popup and side panel. Everything it adds to the page is the one card host element;
 * marks live in the highlight registry.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import matcher from '../../generated/matcher.json';
import { createDetector, type Detector, type MatcherTable } from '../../engine/detect';
import type { EntityView } from '../../engine/entity-view';
import { browser } from '../extension/browser-api';
import { isTabRequest, sendToBackground, type PageReport, type TableRef, type TabRequest } from '../extension/messages';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '../extension/settings';
import { CARD_HOST_TAG } from './card-ui-contract';
import { LazyCardHost } from './card-ui-loader';
import { Highlighter } from './highlighter';
import { mentionAtPoint } from './hit-test';
import { HoverIntent } from './hover-intent';
import { liveRange, type PageMention } from './mention-index';
import { PageScanner } from './page-scanner';
import { TIMING } from './timing';

export function startPageReader(ctx: ContentScriptContext): void {
  const reader = new PageReader(document);
  void reader.init();
  ctx.onInvalidated(() => reader.dispose());
}

class PageReader {
  private detector: Detector | null = null;
  private scanner: PageScanner | null = null;
  private readonly highlighter: Highlighter;
  private readonly card: LazyCardHost;
  private readonly hover: HoverIntent<PageMention>;
  /**
   * Card views by entity id (cards opened from a card) or table index (from the page):
   * the answer once it has arrived, else the request under way.
   */
  private readonly views = new Map<string | number, EntityView | Promise<EntityView | null>>();
  private readonly mentionKeys = new WeakMap<PageMention, string>();
  private nextMentionKey = 1;
  private settings: Settings | null = null;
  /** The mention the keyboard stepped to (or the popup revealed). */
  private current: PageMention | null = null;
  private flashTimer = 0;
  private pointerFrame = 0;
  private lastPointer: PointerEvent | null = null;
  private lastPointerType = 'mouse';
  private unwatchSettings: (() => void) | null = null;
  private readonly isTopFrame = window.top === window;

  constructor(private readonly doc: Document) {
    this.highlighter = new Highlighter(doc);
    this.card = new LazyCardHost(
      doc,
      {
        loadView: (id) => this.loadView(id),
        showTimeline: (id) => void sendToBackground({ type: 'open-timeline', entityId: id }),
        search: (query) => void sendToBackground({ type: 'open-search', query }),
      },
      {
        onPointerEnter: () => this.hover.pointerEnteredCard(),
        onPointerLeave: () => this.hover.pointerLeftCard(),
        onClose: () => this.hover.cardClosed(),
      },
    );
    this.hover = new HoverIntent<PageMention>(
      {
        prefetch: (m) => {
          this.card.preload();
          void this.loadView(this.refOf(m));
        },
        show: (m) => this.openCard(m, false),
        hide: () => this.card.close(),
      },
      {
        now: () => performance.now(),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (id) => window.clearTimeout(id),
      },
    );
  }

  async init(): Promise<void> {
    browser.runtime.onMessage.addListener(this.onMessage);
    this.settings = await loadSettings().catch(() => null);
    this.unwatchSettings = watchSettings((s) => {
      this.settings = s;
      this.apply();
    });
    this.apply();
  }

  dispose(): void {
    browser.runtime.onMessage.removeListener(this.onMessage);
    this.unwatchSettings?.();
    this.deactivate();
    this.card.destroy();
  }

  private get active(): boolean {
    return !!this.settings && isActiveOn(this.settings, location.hostname);
  }

  /** Switches live when the reader flips a switch in the popup: no reload needed. */
  private apply(): void {
    if (this.active) this.activate();
    else this.deactivate();
  }

  private activate(): void {
    if (this.scanner) return;
    this.detector ??= createDetector(matcher as MatcherTable);
    this.scanner = new PageScanner(this.doc, this.detector, this.highlighter, {
      skip: (el) => el.localName === CARD_HOST_TAG,
      onChange: () => undefined,
    });
    this.scanner.start();
    window.addEventListener('pointermove', this.onPointerMove, { passive: true, capture: true });
    window.addEventListener('pointerdown', this.onPointerDown, { passive: true, capture: true });
    window.addEventListener('pointerout', this.onPointerOut, { passive: true, capture: true });
    window.addEventListener('click', this.onClick, { capture: true });
    window.addEventListener('keydown', this.onKeyDown, { capture: true });
  }

  private deactivate(): void {
    window.removeEventListener('pointermove', this.onPointerMove, { capture: true });
    window.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    window.removeEventListener('pointerout', this.onPointerOut, { capture: true });
    window.removeEventListener('click', this.onClick, { capture: true });
    window.removeEventListener('keydown', this.onKeyDown, { capture: true });
    cancelAnimationFrame(this.pointerFrame);
    this.hover.dispose();
    this.card.close();
    this.setCurrent(null);
    this.scanner?.stop();
    this.scanner = null;
  }

  /** The content script's table has no ids: the background maps the index to one. */
  private refOf(m: PageMention): TableRef {
    return { entity: m.entity, corpus: (matcher as MatcherTable).corpus };
  }

  private keyOf(m: PageMention): string {
    let key = this.mentionKeys.get(m);
    if (!key) {
      key = String(this.nextMentionKey++);
      this.mentionKeys.set(m, key);
    }
    return key;
  }

  /**
   * A view already fetched is returned as it is, not wrapped in a promise, so the card
   * prefetched during hover intent renders in the very frame it opens.
   */
  private loadView(ref: string | TableRef): EntityView | Promise<EntityView | null> {
    const key = typeof ref === 'string' ? ref : ref.entity;
    const known = this.views.get(key);
    if (known) return known;
    const request = sendToBackground({ type: 'card', id: ref })
      .catch((error: unknown) => {
        // The background refuses indices of another corpus: this page was read before an update.
        console.warn(error);
        return null;
      })
      .then((view) => {
        // A failed lookup (background restarting) is retried next time, not cached.
        if (view) this.views.set(key, view);
        else this.views.delete(key);
        return view;
      });
    this.views.set(key, request);
    return request;
  }

  private anchorOf(m: PageMention) {
    return () => {
      const range = liveRange(this.doc, m.range);
      if (!range) return null;
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    };
  }

  private openCard(m: PageMention, focus: boolean): void {
    this.card.open(this.refOf(m), { anchor: this.anchorOf(m), focus });
    this.hover.cardOpened(this.keyOf(m));
  }

  // Pointer: hit-test at most once a frame, however fast the events come.
  private readonly onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.lastPointer = event;
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const e = this.lastPointer;
      if (!e || !this.scanner) return;
      if (this.card.contains(e.target)) return; // the card tracks its own enter and leave
      const m = mentionAtPoint(this.doc, this.scanner.index, e.clientX, e.clientY, this.scanner.shadowRoots);
      this.hover.pointerMoved(e.clientX, e.clientY, m ? { mention: m, key: this.keyOf(m) } : null);
    });
  };

  /**
   * The pointer left this document: out of the window, or out of a frame into the page
   * around it, where no pointermove of this document follows it. Without this a card
   * opened in a frame stayed open after the pointer left the frame.
   */
  private readonly onPointerOut = (event: PointerEvent): void => {
    if (event.relatedTarget || event.pointerType === 'touch') return;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = 0;
    this.hover.pointerMoved(event.clientX, event.clientY, null);
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    this.lastPointerType = event.pointerType;
  };

  /** Touch: a tap on a mention opens its card; a tap anywhere else closes it. */
  private readonly onClick = (event: MouseEvent): void => {
    if (this.lastPointerType !== 'touch' || !this.scanner) return;
    if (this.card.contains(event.target)) return;
    const m = mentionAtPoint(this.doc, this.scanner.index, event.clientX, event.clientY, this.scanner.shadowRoots);
    if (m) {
      // Inside a link the tap still follows the link: the reader asked for it.
      if (!(event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
      this.openCard(m, false);
    } else if (this.card.isOpen) {
      this.card.close();
    }
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.card.contains(event.target)) return;
    const combo = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
    if (combo && (event.code === 'KeyN' || event.code === 'KeyP')) {
      event.preventDefault();
      this.step(event.code === 'KeyN' ? 1 : -1);
      return;
    }
    if (event.key === 'Escape' && this.card.isOpen) {
      this.card.close();
      return;
    }
    if (!this.current || isEditable(event.target)) return;
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      this.openCard(this.current, true);
    } else if (event.key === 'Escape') {
      this.setCurrent(null);
    }
  };

  /** Moves the keyboard's current mention forward or back, in reading order. */
  private step(direction: 1 | -1): boolean {
    const all = this.scanner?.index.inOrder() ?? [];
    if (!all.length) return false;
    const at = this.current ? all.indexOf(this.current) : -1;
    const next = at < 0 ? (direction > 0 ? 0 : all.length - 1) : (at + direction + all.length) % all.length;
    this.card.close();
    this.setCurrent(all[next]!);
    this.scrollTo(all[next]!);
    return true;
  }

  private setCurrent(m: PageMention | null): void {
    clearTimeout(this.flashTimer);
    this.current = m;
    // Enter may follow: have the card ready.
    if (m) this.card.preload();
    this.highlighter.setCurrent(m?.range ?? null);
  }

  private scrollTo(m: PageMention): void {
    const range = liveRange(this.doc, m.range);
    const rect = range?.getBoundingClientRect();
    if (!rect) return;
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
    }
  }

  /** From the popup: the entity's next mention after the one shown last, flashed. */
  private reveal(ref: TableRef): boolean {
    if (ref.corpus !== (matcher as MatcherTable).corpus) return false;
    const all = (this.scanner?.index.inOrder() ?? []).filter((m) => m.entity === ref.entity);
    if (!all.length) return false;
    const at = this.current ? all.indexOf(this.current) : -1;
    const m = all[(at + 1) % all.length]!;
    this.setCurrent(m);
    this.scrollTo(m);
    this.flashTimer = window.setTimeout(() => this.setCurrent(null), TIMING.flashMs);
    return true;
  }

  private report(): PageReport {
    const counts: number[] = [];
    if (this.scanner) for (const [entity, count] of this.scanner.index.countsByEntity()) counts.push(entity, count);
    const corpus = (matcher as MatcherTable).corpus;
    return { url: location.href, host: location.hostname, active: this.active, corpus, counts };
  }

  private readonly onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isTabRequest(message)) return undefined;
    // One answer per tab: the top frame speaks for the page.
    if (!this.isTopFrame) return undefined;
    return Promise.resolve(this.answer(message));
  };

  private answer(request: TabRequest): PageReport | boolean {
    switch (request.type) {
      case 'page-digest':
        return this.report();
      case 'reveal':
        return this.reveal(request.id);
      case 'next-mention':
        return this.step(1);
    }
  }
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  return el.isContentEditable || /^(input|textarea|select)$/i.test(el.localName);
}

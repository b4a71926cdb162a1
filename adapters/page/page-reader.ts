/**
 * The content script's conductor: decides whether Backstory is on for this site, runs
 * the scanner, turns pointer, touch and keyboard input into cards, and answers the
 * popup and side panel. What runs only on request (stepping, revealing, reporting, the
 * card and its views) is in the card UI bundle, loaded when first needed. Everything it
 * adds to the page is the one card host element; marks live in the highlight registry.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// Only the corpus key: the table itself is loaded when Backstory first reads the page.
import { corpus } from '../../generated/page-matcher.json';
import { loadArticleFinder, loadNativeReading, loadPageTable, loadPhrases, loadScanning } from './on-demand';
import type { ArticleFinder, PageScanning } from './on-demand-globals';
import type { MatcherTable, PageDetector } from '../../engine/detect';
import { browser } from '../extension/browser-api';
import { isTabRequest, type TableRef } from '../extension/messages';
import { isActiveOn, loadSettings, mutedOn, watchSettings, type Settings } from '../extension/settings';
import { CARD_HOST_TAG } from './card-ui-contract';
import { LazyCardHost, loadCardUi } from './card-ui-loader';
import { Highlighter } from './highlighter';
import { mentionAtPoint } from './hit-test';
import { HoverIntent } from './hover-intent';
import type { MentionIndex, PageMention } from './mention-index';
import type { NavigablePage } from './page-navigation';
import type { PageScanner } from './page-scanner';

/** `PageReader.muted` with no name in it. */
const NOTHING_MUTED = '\n\n';

export function startPageReader(ctx: ContentScriptContext): void {
  const reader = new PageReader(document, ctx.signal);
  void reader.init();
  ctx.onInvalidated(() => reader.dispose());
}

class PageReader implements NavigablePage {
  #detector: PageDetector | null = null;
  #scanner: PageScanner | null = null;
  readonly #highlighter: Highlighter;
  readonly #card: LazyCardHost;
  readonly #hover: HoverIntent<PageMention>;
  #settings: Settings | null = null;
  /** The mention the keyboard stepped to (or the popup revealed). */
  current: PageMention | null = null;
  /** Where focus was when `current` was set: Enter belongs to Backstory only while it stays there. */
  #focusAtStep: Element | null = null;
  readonly corpus: string = corpus;
  #flashTimer = 0;
  #pointerFrame = 0;
  #lastPointer: PointerEvent | null = null;
  #lastPointerType = 'mouse';
  #unwatchSettings: (() => void) | null = null;
  readonly #isTopFrame = window.top === window;

  #listening: AbortController | null = null;
  /** The matcher table and the engine and scanner that read with it: loading, or loaded. */
  #reading: { table: MatcherTable; scanning: PageScanning } | 'loading' | null = null;

  #readingReady(table: MatcherTable, scanning: PageScanning): void {
    this.#reading = { table, scanning };
    this.#apply();
  }

  constructor(
    readonly doc: Document,
    /** Aborted when the extension is reloaded or removed under the page. */
    private readonly lifetime: AbortSignal,
  ) {
    this.#highlighter = new Highlighter(doc);
    this.#card = new LazyCardHost(this, {
      onPointerEnter: () => this.#hover.pointerEnteredCard(),
      onPointerLeave: () => this.#hover.pointerLeftCard(),
      onClose: () => this.#hover.cardClosed(),
    });
    this.#hover = new HoverIntent<PageMention>(
      {
        prefetch: (m) => this.#card.prefetch(this.#refOf(m)),
        show: (m) => this.#openCard(m, false),
        hide: () => this.#card.close(),
      },
      {
        now: () => performance.now(),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (id) => window.clearTimeout(id),
      },
    );
  }

  async init(): Promise<void> {
    browser.runtime.onMessage.addListener(this.#onMessage);
    this.#settings = await loadSettings().catch(() => null);
    this.#unwatchSettings = watchSettings((s) => {
      this.#settings = s;
      this.#apply();
    });
    this.#apply();
  }

  dispose(): void {
    browser.runtime.onMessage.removeListener(this.#onMessage);
    this.#unwatchSettings?.();
    this.#deactivate();
    this.#card.destroy();
  }

  get active(): boolean {
    return !!this.#settings && isActiveOn(this.#settings, location.hostname);
  }

  /** Switches live when the reader flips a switch in the popup: no reload needed. */
  #apply(): void {
    this.#highlighter.setMode(this.#settings?.marks ?? 'first');
    // Muted names, one per line: read again without them when they change.
    const muted = `\n${[...(this.#settings ? mutedOn(this.#settings, location.hostname) : [])].join('\n')}\n`;
    if (muted !== this.#muted) {
      this.#muted = muted;
      this.#deactivate();
    }
    if (this.active) this.#activate();
    else this.#deactivate();
  }

  #muted = NOTHING_MUTED;
  /** Mentions the reader unlinked ("Not this one"), by text node and offset, for the page's life. */
  #unlinked: [Node, number][] = [];

  get unlinkedCount(): number {
    return this.#unlinked.length;
  }

  readonly #keep = (text: string, node: Text, offset: number): boolean =>
    !this.#muted.includes(`\n${text.replace(/\s+/g, ' ').toLowerCase()}\n`) &&
    !this.#unlinked.some(([n, o]) => n === node && o === offset);

  /** "Not this one": the mention is unmarked on this page until the reader takes it back. */
  unlink(range: AbstractRange): void {
    this.#unlinked.push([range.startContainer, range.startOffset]);
    this.#rescan();
  }

  relinkAll(): void {
    this.#unlinked = [];
    this.#rescan();
  }

  #rescan(): void {
    this.#deactivate();
    this.#apply();
  }

  #activate(): void {
    if (this.#scanner) return;
    const reading = this.#reading;
    if (reading === 'loading') return;
    if (!reading) {
      // Loaded the first time Backstory reads the page, the engine and scanner beside the
      // table: a site where it is off never loads them. A page in Urdu, Persian or Hindi
      // reads with the table that has names in those scripts (and the engine with their
      // folds), or without them if that table fails to load.
      this.#reading = 'loading';
      const scanning = loadScanning();
      const table = inRegionalScript(this.doc)
        ? Promise.all([loadNativeReading(), scanning]).then(
            ([{ table, folds }, engine]) => (engine.addFolds(folds), table),
            (error: unknown) => (console.error(error), loadPageTable()),
          )
        : loadPageTable();
      Promise.all([table, scanning]).then(
        ([t, s]) => this.#readingReady(t, s),
        // Nothing to read the page with (the extension was updated under it): tried
        // again when a setting changes.
        (error: unknown) => ((this.#reading = null), console.error(error)),
      );
      return;
    }
    this.#detector ??= reading.scanning.createPageDetector(reading.table);
    this.#scanner = new reading.scanning.PageScanner(this.doc, this.#detector, this.#highlighter, {
      skip: (el) => el.localName === CARD_HOST_TAG,
      onChange: () => undefined,
      loadPhrases,
      onFirstMark: () => this.#findArticle(),
      // Only a reader who took marks back pays for the check, once per mention.
      ...(this.#muted !== NOTHING_MUTED || this.#unlinked.length ? { keep: this.#keep } : {}),
    });
    this.#scanner.start();
    // One lifetime for every listener of this activation, ended by deactivate() or when
    // the extension goes away under the page (the content script context's signal).
    this.#listening = new AbortController();
    const signal = AbortSignal.any([this.#listening.signal, this.lifetime]);
    const quiet = { passive: true, capture: true, signal };
    const loud = { capture: true, signal };
    window.addEventListener('pointermove', this.#onPointerMove, quiet);
    window.addEventListener('pointerdown', this.#onPointerDown, quiet);
    window.addEventListener('pointerout', this.#onPointerOut, quiet);
    window.addEventListener('click', this.#onClick, loud);
    window.addEventListener('keydown', this.#onKeyDown, loud);
    window.addEventListener('focusin', this.#onFocusIn, loud);
  }

  #deactivate(): void {
    this.#listening?.abort();
    this.#listening = null;
    cancelAnimationFrame(this.#pointerFrame);
    // A frame cancelled while pending must not look pending: every later move would wait for it.
    this.#pointerFrame = 0;
    this.#hover.dispose();
    this.#card.close();
    this.setCurrent(null);
    this.#scanner?.stop();
    this.#scanner = null;
  }

  /** Looks for the main article once the page has marks, and again whenever asked after it left the page. */
  #findArticle(): void {
    loadArticleFinder().then((find) => {
      this.#finder = find;
      if (this.#scanner) this.#highlighter.setArticle(find(this.doc));
    }, console.error);
  }

  #finder: ArticleFinder | null = null;

  get article(): Element | null {
    const found = this.#highlighter.article;
    if (found && !found.isConnected && this.#finder && this.#scanner)
      this.#highlighter.setArticle(this.#finder(this.doc));
    return this.#highlighter.article;
  }

  /** The content script's table has no ids: the background maps the index to one. */
  #refOf(m: PageMention): TableRef & { range: AbstractRange } {
    return { entity: m.entity, corpus: this.corpus, range: m.range };
  }

  #openCard(m: PageMention, focus: boolean): void {
    this.#card.open(this.#refOf(m), { range: m.range, focus });
    this.#hover.cardOpened(m);
  }

  // Pointer: hit-test at most once a frame, however fast the events come.
  readonly #onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.#lastPointer = event;
    if (this.#pointerFrame) return;
    this.#pointerFrame = requestAnimationFrame(() => {
      this.#pointerFrame = 0;
      const e = this.#lastPointer;
      if (!e || !this.#scanner) return;
      if (this.#card.contains(e.target)) return; // the card tracks its own enter and leave
      const m = mentionAtPoint(this.doc, this.#scanner.index, e.clientX, e.clientY, this.#scanner.shadowRoots);
      this.#hover.pointerMoved(e.clientX, e.clientY, m ?? null);
    });
  };

  /**
   * The pointer left this document: out of the window, or out of a frame into the page
   * around it, where no pointermove of this document follows it. Without this a card
   * opened in a frame stayed open after the pointer left the frame.
   */
  readonly #onPointerOut = (event: PointerEvent): void => {
    if (event.relatedTarget || event.pointerType === 'touch') return;
    cancelAnimationFrame(this.#pointerFrame);
    this.#pointerFrame = 0;
    this.#hover.pointerMoved(event.clientX, event.clientY, null);
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    this.#lastPointerType = event.pointerType;
    // The reader went elsewhere with the pointer: stepping is over.
    if (this.current && !this.#card.contains(event.target)) this.setCurrent(null);
  };

  /** Focus moved on (Tab to a link, a click in a field): stepping is over, Enter is the page's again. */
  readonly #onFocusIn = (event: FocusEvent): void => {
    if (this.current && event.target !== this.#focusAtStep && !this.#card.contains(event.target)) this.setCurrent(null);
  };

  /** Touch: a tap on a mention opens its card; a tap anywhere else closes it. */
  readonly #onClick = (event: MouseEvent): void => {
    if (this.#lastPointerType !== 'touch' || !this.#scanner) return;
    if (this.#card.contains(event.target)) return;
    const m = mentionAtPoint(this.doc, this.#scanner.index, event.clientX, event.clientY, this.#scanner.shadowRoots);
    if (m) {
      // Inside a link the tap still follows the link: the reader asked for it.
      if (!(event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
      this.#openCard(m, false);
    } else if (this.#card.isOpen) {
      this.#card.close();
    }
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (this.#card.contains(event.target)) return;
    const combo = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
    if (combo && (event.code === 'KeyN' || event.code === 'KeyP')) {
      event.preventDefault();
      const direction = event.code === 'KeyN' ? 1 : -1;
      loadCardUi().then(
        (ui) => ui.step(this, direction),
        () => undefined, // not loaded (the extension updated under the page): nothing to step with
      );
      return;
    }
    if (event.key === 'Escape' && this.#card.isOpen) {
      this.#card.close();
      return;
    }
    if (!this.current || isEditable(event.target) || this.doc.activeElement !== this.#focusAtStep) return;
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      this.#openCard(this.current, true);
    } else if (event.key === 'Escape') {
      this.setCurrent(null);
    }
  };

  // What page-navigation.ts (in the card UI bundle) reads and calls: NavigablePage.
  get index(): MentionIndex | null {
    return this.#scanner?.index ?? null;
  }

  setCurrent(m: PageMention | null, flashMs = 0): void {
    clearTimeout(this.#flashTimer);
    this.current = m;
    this.#focusAtStep = m ? this.doc.activeElement : null;
    // Enter may follow: have the card ready.
    if (m) this.#card.preload();
    this.#highlighter.setCurrent(m?.range ?? null);
    if (m && flashMs) this.#flashTimer = window.setTimeout(() => this.setCurrent(null), flashMs);
  }

  closeCard(): void {
    this.#card.close();
  }

  readonly #onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isTabRequest(message)) return undefined;
    // One answer per tab: the top frame speaks for the page.
    if (!this.#isTopFrame) return undefined;
    return loadCardUi().then((ui) => ui.answer(this, message));
  };
}

/** Languages whose pages are written in Arabic script or Devanagari, by their codes. */
const REGIONAL_LANGUAGE = /^(ur|fa|ps|ar|hi)\b/i;

/** A page in Urdu, Persian, Hindi or a neighbour: by its declared language, or its title's script. */
function inRegionalScript(doc: Document): boolean {
  return (
    REGIONAL_LANGUAGE.test(doc.documentElement.lang) || /[\u0621-\u064a\u0671-\u06d3\u0904-\u0939]/.test(doc.title)
  );
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  return el.isContentEditable || /^(input|textarea|select)$/i.test(el.localName);
}
